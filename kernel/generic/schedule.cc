// Schedule and ThreadSwitch (X.2).
#include "clock.h"
#include "cpu.h"
#include "lipc.h"
#include "scheduler.h"
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

} // namespace

Word sys_schedule(ThreadId dest, Word time_control, Word processor_control, Word prio_control,
                  Word preemption_control, Word& old_time_control)
{
    Tcb* self = Tcb::current();
    old_time_control = 0;
    Tcb* t = Tcb::lookup(dest);
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
