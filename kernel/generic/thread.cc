#include "thread.h"
#include "assert.h"
#include "cpu.h"
#include "fpu.h"
#include "interrupts.h"
#include "ipc.h"
#include "kernel_lock.h"
#include "lipc.h"
#include "scheduler.h"
#include "smp.h"
#include "space.h"
#include "transfer.h"

namespace {

// Whether the wait for the start-up message is over: a message arrived, or
// ExchangeRegisters canceled the wait.  A message that failed (its strings
// included: their page faults are resolved on the way) is no start-up
// message, and neither is a picked sender that went away.
bool startup_wait_over(Tcb* self)
{
    if (!transfer_serve_faults(self))
        return false;
    Wakeup w = self->wakeup;
    return w != Wakeup::Retry && w != Wakeup::Error && w != Wakeup::Aborted;
}

// The first code a new user thread runs: take the start-up message, then
// enter user mode through the frame.
void thread_startup()
{
    smp::finish_switch();
    Tcb* self = Tcb::current();
    while (!startup_wait_over(self)) {
        smp::go_home();
        self->state = ThreadState::Waiting;
        self->partner = self->pager();
        self->wakeup = Wakeup::None;
        ipc_pick_waiting_sender(self);
        schedule();
    }
    self->awaiting_startup = false;
    if (self->wakeup == Wakeup::Delivered && MsgTag(self->utcb->mr(0)).untyped() == 2) {
        arch::Frame* f = self->user_frame();
        f->set_ip(self->utcb->mr(1));
        f->set_sp(self->utcb->mr(2));
    }
    self->wakeup = Wakeup::None;
    smp::go_home();
}

} // namespace

Tcb* create_thread(ThreadId id, Space* space, ThreadId scheduler, Cpu* cpu)
{
    Tcb* t = Tcb::create(id);
    if (t == nullptr)
        return nullptr;
    t->space = space;
    t->cpu = t->home = cpu;
    t->scheduler = scheduler;
    t->priority = default_priority;
    t->timeslice_us = default_timeslice_us;
    t->timeslice_left_us = s64(default_timeslice_us);
    t->state = ThreadState::Inactive;
    space->thread_count++;
    arch::prepare_user_thread(t->context, t->stack_top(), thread_startup);
    return t;
}

bool activate_thread(Tcb* t, Word utcb_location, ThreadId pager)
{
    Utcb* u = t->space->utcb_at(utcb_location);
    if (u == nullptr)
        return false;
    t->utcb = u;
    t->local_id = utcb_location + Utcb::mr0_offset;
    u->my_global_id() = t->global_id.raw();
    u->pager() = pager.raw();
    u->processor_no() = t->home->id;
    u->lipc_wait() = 0;
    lipc::update_key(t);
    // Wait for the start-up message, as if in a closed receive from the pager.
    t->state = ThreadState::Waiting;
    t->partner = pager;
    t->wakeup = Wakeup::None;
    t->awaiting_startup = true;
    u->br(0) = 0;
    ipc_pick_waiting_sender(t);
    return true;
}

void start_thread(Tcb* t, Word ip, Word sp)
{
    arch::Frame* f = t->user_frame();
    f->set_ip(ip);
    f->set_sp(sp);
    make_runnable(t);
}

bool delete_thread(ThreadId id)
{
    Tcb* t = smp::go_to(id);
    if (t == nullptr)
        return false;
    assert(t != Tcb::current());
    // Where t is: it leaves this CPU's queues and its IPC, and nobody can
    // name it any more (so its home stays where it is).
    Cpu& cpu = *t->cpu;
    lipc::forget(t);   // LIPC must not resume it
    ThreadId partner = ipc_unlink_sender(t);
    cancel_timeout(t);
    cpu.ready.remove(t);
    fpu_forget(t);
    t->state = ThreadState::Stopped;
    t->halted = true;
    {
        KernelLockGuard guard;
        t->global_id = ThreadId::nil();
    }
    if (!partner.is_nil())
        transfer_release_partner(partner, id);
    // At its home: the threads polling on it and the interrupts it handles.
    smp::travel_to(*t->home);
    ipc_release_senders(t, Wakeup::NoPartner);
    interrupts_forget_handler(id);
    KernelLockGuard guard;
    Space* space = t->space;
    t->state = ThreadState::Free;
    t->destroy();
    if (space != nullptr && --space->thread_count == 0) {
        // The deleter runs in another space, so no CPU runs this one; but a
        // CPU may still have its page table loaded (idling, or leaving it).
        smp::forget_space(space);
        space->destroy();
    }
    return true;
}

bool move_thread(Tcb* t, Space* to)
{
    if (t->utcb != nullptr) {
        Word location = t->local_id - Utcb::mr0_offset;
        Utcb* u = to->utcb_at(location);
        if (u == nullptr)
            return false;
        for (unsigned i = 0; i < 128; i++)
            reinterpret_cast<Word*>(u)[i] = reinterpret_cast<Word*>(t->utcb)[i];
        t->utcb = u;
    }
    Space* from = t->space;
    to->thread_count++;
    t->space = to;
    if (--from->thread_count == 0) {
        smp::forget_space(from);
        from->destroy();
    }
    return true;
}
