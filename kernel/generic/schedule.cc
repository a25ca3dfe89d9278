// Schedule and ThreadSwitch (X.2).
#include "assert.h"
#include "clock.h"
#include "cpu.h"
#include "interrupts.h"
#include "ipc.h"
#include "lipc.h"
#include "scheduler.h"
#include "smp.h"
#include "space.h"
#include "syscalls.h"
#include "time_value.h"

namespace {

constexpr Word no_change = ~Word(0);

// The thread-state word Schedule returns.
Word state_word(const Tcb* t)
{
    if (t->halted || t->state == ThreadState::Inactive)
        return 2;   // inactive
    if (t->xfer.active)
        return t->xfer.sender ? 5 : 7;     // sending / receiving a string transfer
    switch (t->state) {
    case ThreadState::Running: return 3;
    case ThreadState::Polling: return 4;   // pending send
    case ThreadState::Waiting:
    case ThreadState::WaitingLipc: return 6;   // waiting to receive
    default: return 1;                     // dead
    }
}

Word time_control_of(const Tcb* t)
{
    u64 left = t->timeslice_left_us > 0 ? u64(t->timeslice_left_us) : 0;
    TimeValue quantum = t->total_quantum_us == 0
                            ? TimeValue::never()
                            : TimeValue::period(t->total_quantum_us > t->quantum_used_us
                                                    ? t->total_quantum_us - t->quantum_used_us
                                                    : 0);
    return (Word(TimeValue::period(left).raw()) << 16) | quantum.raw();
}

// Schedule's processor number (seed 002, section 8.7): thread `id`'s home
// becomes `to`.  A thread's home changes only on its home CPU, together
// with releasing what waits for it there (its send queue, its
// interrupts), so a sender at the home either is released or sees the new
// home.  Its user code runs only at home (smp.h): a thread that is there
// and waits in a receive starts the receive over at the new home; one that
// is elsewhere (busy in the kernel, or on its way) goes there itself when
// it next leaves the kernel or starts a receive.  A thread that never ran
// (inactive, or waiting for its start-up message) has nothing on its
// kernel stack to travel with: it moves at once.
void migrate(ThreadId id, Cpu& to)
{
    Tcb* t = smp::go_to_home_of(id);
    if (t == nullptr || t->home == &to)
        return;
    Cpu& old_home = *t->home;
    bool here = t->cpu == &old_home && !t->in_transit;
    if (here)
        lipc::settle(t);
    // First what waits here, then the new home: a sender that saw the old
    // home is here now (released), one that sees the new one goes there.
    ipc_release_senders(t, Wakeup::Picked);
    interrupts_follow_handler(t, to);
    __atomic_store_n(&t->home, &to, __ATOMIC_RELEASE);
    if (t->utcb != nullptr)
        t->utcb->processor_no() = to.id;
    if (!here)
        return;
    lipc::update_key(t);
    // A thread blocked in a receive (or never started) moves as it is, so
    // it never stops waiting: a partner that answers at once still finds it.
    bool receiving = t->state == ThreadState::Waiting && !t->xfer.active;
    if ((receiving || t->state == ThreadState::Inactive) && t != Tcb::current())
        smp::move_blocked(t, to);
}

} // namespace

Word sys_schedule(ThreadId dest, Word time_control, Word processor_control, Word prio_control,
                  Word preemption_control, Word& old_time_control)
{
    Tcb* self = Tcb::current();
    old_time_control = 0;
    Tcb* t = smp::go_to(dest);   // it is changed where it is (smp.h)
    if (t == nullptr || t->is_interrupt())
        return syscall_fail(syscall_error::invalid_thread);
    if (t->scheduler != self->global_id)
        return syscall_fail(syscall_error::no_privilege);

    // Validate everything before changing anything.
    if (prio_control != no_change) {
        Word prio = prio_control & 0xff;
        if (prio > self->priority && !self->space->privileged)
            return syscall_fail(syscall_error::no_privilege);
    }
    if (time_control != no_change) {
        TimeValue slice{u16(time_control >> 16)}, quantum{u16(time_control)};
        if (slice.is_point() || quantum.is_point() || slice.is_zero())
            return syscall_fail(syscall_error::invalid_param);
    }
    if (processor_control != no_change && processor_control >= cpu_count)
        return syscall_fail(syscall_error::invalid_param);
    if (preemption_control != no_change && ((preemption_control >> 16) & 0xff) > self->priority &&
        !self->space->privileged)
        return syscall_fail(syscall_error::no_privilege);

    Word result = state_word(t);
    old_time_control = time_control_of(t);
    Cpu& cpu = *t->cpu;
    if (prio_control != no_change && (prio_control & 0xff) != t->priority) {
        bool queued = t->in_ready_queue;
        cpu.ready.remove(t);
        t->priority = u8(prio_control & 0xff);
        lipc::update_key(t);
        if (queued || (t->is_runnable() && t != self))
            cpu.ready.insert(t);
        cpu.need_resched = true;
    }
    if (time_control != no_change) {
        TimeValue slice{u16(time_control >> 16)}, quantum{u16(time_control)};
        if (!slice.is_never()) {
            t->timeslice_us = slice.period_us();
            t->timeslice_left_us = s64(t->timeslice_us);
        }
        t->total_quantum_us = quantum.is_never() ? 0 : quantum.period_us();
        t->quantum_used_us = 0;
        if (t->quantum_exhausted) {
            t->quantum_exhausted = false;
            if (t->state == ThreadState::Running)
                make_runnable(t);
        }
    }
    if (preemption_control != no_change) {
        t->sensitive_priority = u8((preemption_control >> 16) & 0xff);
        t->max_delay_us = TimeValue(u16(preemption_control)).period_us();
    }
    // No thread migrates itself (seed 002, implementation decision 4).
    if (processor_control != no_change && t != self)
        migrate(dest, cpus[processor_control]);
    self->utcb->error_code() = 0;
    preemption_point();
    return result;
}

void sys_thread_switch(ThreadId dest)
{
    Tcb* self = Tcb::current();
    Tcb* t = dest.is_nil() ? nullptr
             : dest.is_local() ? self->space->thread_by_local_id(dest.raw())
                               : Tcb::lookup(dest);
    // Donate the rest of the time slice to a runnable thread on this CPU;
    // anything else is a plain yield.
    if (t != nullptr && t != self && t->cpu == self->cpu && t->is_runnable()) {
        self->cpu->ready.insert(self);
        switch_to(t);
        return;
    }
    yield();
}

u64 sys_system_clock() { return system_clock.now_us(); }
