#include "lipc.h"
#include "console.h"
#include "cpu.h"
#include "exception.h"
#include "ipc.h"
#include "scheduler.h"
#include "space.h"

namespace lipc {

Statistics statistics;

namespace {

enum : Word {
    key_cpu_shift = 9,
    key_fpu = Word(1) << 16,
    key_queued = Word(1) << 17,
    wait_any = ~Word(0),
};

// Stops a thread whose LIPC state the kernel cannot make sense of; only its
// own task could have written it.
void corrupt(Tcb* t, const char* what)
{
    char why[96];
    ksnprintf(why, sizeof why, "LIPC state corrupted (%s)", what);
    if (t == Tcb::current()) {
        stop_thread(t, why);   // does not return
        return;
    }
    kprintf("Chestnut: thread %lx stopped: %s\n", t->global_id.raw(), why);
    t->state = ThreadState::Stopped;
}

} // namespace

void update_key(Tcb* t)
{
    if (t->utcb == nullptr)
        return;
    Cpu& cpu = *t->cpu;
    Word key = t->priority | (Word(t->home->id) << key_cpu_shift);
    if (cpu.fpu_enabled && cpu.fpu_owner == t)
        key |= key_fpu;
    if (t->send_queue != nullptr)
        key |= key_queued;
    t->utcb->lipc_key() = key;
}

bool may_wait_lazily(const Tcb* self, ThreadId want, TimeValue timeout)
{
    if (!arch::has_lipc || !timeout.is_never() || self->cpu != self->home)
        return false;
    if (want.is_any() || want.is_any_local())
        return true;
    Tcb* partner = Tcb::lookup(want);
    return partner != nullptr && partner->space == self->space && partner->local_id != 0;
}

void block_lazily(Tcb* self, ThreadId want)
{
    Word wait = want.raw();
    if (!want.is_any() && !want.is_any_local())
        wait = Tcb::lookup(want)->local_id;
    self->utcb->lipc_wait() = wait;
    self->utcb->lipc_sp() = self->user_frame()->sp();
    self->state = ThreadState::WaitingLipc;
    self->partner = want;
}

void settle(Tcb* t)
{
    if (t->state != ThreadState::WaitingLipc)
        return;
    Utcb* u = t->utcb;
    Word wait = u->lipc_wait();
    u->lipc_wait() = 0;
    t->state = ThreadState::Waiting;
    t->user_ipc = arch::lipc_resume_frame(t->context, *t->user_frame(), t->space->page_table.arch_part,
                                          u->lipc_sp(), t->local_id);
    ThreadId want(wait);
    if (want.is_any() || want.is_any_local()) {
        t->partner = want;
    } else if (want.is_local()) {
        Tcb* partner = t->space->thread_by_local_id(wait);
        if (partner == nullptr) {   // deleted meanwhile: the receive fails
            t->partner = ThreadId::nil();
            t->wakeup = Wakeup::NoPartner;
            make_runnable(t);
            return;
        }
        t->partner = partner->global_id;
    } else {
        corrupt(t, "lipc_wait names no partner");
        return;
    }
    ipc_pick_waiting_sender(t);
}

Tcb* sync_target(Tcb* k, Word current_utcb)
{
    Space* space = k->space;
    Tcb* u = space->thread_by_local_id(current_utcb);
    if (u == nullptr || u == k || u->cpu != k->cpu || u->state != ThreadState::WaitingLipc ||
        u->utcb->lipc_wait() != 0 || k->utcb->lipc_wait() == 0) {
        arch::set_current_utcb(space->page_table.arch_part, k->cpu->id, k->local_id);
        corrupt(k, "the current UTCB names no thread LIPC switched to");
        __builtin_unreachable();
    }
    return u;
}

void sync(Tcb* k, Tcb* u)
{
    Space* space = k->space;
    Cpu& cpu = *k->cpu;
    __atomic_fetch_add(&statistics.syncs, 1, __ATOMIC_RELAXED);
    // k blocked lazily: it waits as its UTCB says (settle() reads it).
    k->state = ThreadState::WaitingLipc;
    k->user_ipc = arch::lipc_resume_frame(k->context, *k->user_frame(), space->page_table.arch_part,
                                          k->utcb->lipc_sp(), k->local_id);
    // Coprocessor confusion (seed 000, 3.2): LIPC never legally leaves a
    // thread that uses the FPU, but if k lied, whatever is in the FPU now
    // belongs to u, so it cannot leak to another task.
    if (cpu.fpu_enabled && cpu.fpu_owner == k)
        cpu.fpu_owner = u;
    u->state = ThreadState::Running;
    u->user_ipc = false;
    // Test single-stepping follows the instruction stream, which is u's now.
    u->step_budget = k->step_budget;
    u->step_as_fault = k->step_as_fault;
    k->step_budget = 0;
    update_key(k);
    update_key(u);
}

void forget(Tcb* t)
{
    if (t->utcb != nullptr)
        t->utcb->lipc_wait() = 0;
}

} // namespace lipc
