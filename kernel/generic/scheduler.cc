#include "scheduler.h"
#include "assert.h"
#include "clock.h"
#include "cpu.h"
#include "fpu.h"
#include "ipc.h"
#include "space.h"

namespace {

Cpu& this_cpu() { return *Tcb::current()->cpu; }

} // namespace

void make_runnable(Tcb* t)
{
    Cpu& cpu = *t->cpu;
    assert(&cpu == &this_cpu());   // only a thread's own CPU changes it (smp.h)
    t->state = ThreadState::Running;
    if (!t->is_runnable() || t == cpu.idle)
        return;
    cpu.ready.insert(t);
    if (t->priority > Tcb::current()->priority)
        cpu.need_resched = true;
}

void switch_to(Tcb* to)
{
    Tcb* from = Tcb::current();
    if (to == from)
        return;
    Cpu& cpu = *from->cpu;
    assert(to->cpu == &cpu && !to->in_transit);
    assert(from->canary_intact() && to->canary_intact());
    if (to->space != nullptr && to->space != cpu.active_space) {
        cpu.active_space = to->space;
        arch::activate(to->space->page_table.arch_part, to->space->page_table.root_phys());
    }
    if (to->space != nullptr)
        arch::set_current_utcb(to->space->page_table.arch_part, cpu.id, to->local_id);
    fpu_switch(cpu, to);
    arch::switch_threads(from->context, to->context, to->stack_top(), cpu.arch);
    // Now on from's stack again, maybe on another CPU (it travelled).
    smp::finish_switch();
}

void schedule()
{
    Tcb* self = Tcb::current();
    Cpu& cpu = *self->cpu;
    cpu.need_resched = false;
    if (self->is_runnable() && self != cpu.idle)
        cpu.ready.insert(self);
    Tcb* next = cpu.ready.select();
    switch_to(next != nullptr ? next : cpu.idle);
}

void yield()
{
    Tcb* self = Tcb::current();
    Cpu& cpu = *self->cpu;
    if (self->is_runnable() && self != cpu.idle) {
        cpu.ready.insert(self);
        cpu.ready.rotate(self);
    }
    schedule();
}

void switch_or_schedule(Tcb* t)
{
    Cpu& cpu = this_cpu();
    if (t->is_runnable() && cpu.ready.is_highest(t->priority)) {
        Tcb* self = Tcb::current();
        if (self->is_runnable() && self != cpu.idle)
            cpu.ready.insert(self);
        cpu.need_resched = false;
        switch_to(t);
        return;
    }
    make_runnable(t);
    schedule();
}

void idle_loop()
{
    for (;;) {
        Cpu& cpu = this_cpu();
        if (cpu.ready.select() != nullptr)
            schedule();
        else
            arch::idle_wait();
    }
}

void set_timeout(Tcb* t, u64 deadline_us)
{
    Cpu& cpu = *t->cpu;
    cancel_timeout(t);
    t->timeout_at = deadline_us;
    Tcb** link = &cpu.wakeup_queue;
    Tcb* prev = nullptr;
    while (*link != nullptr && (*link)->timeout_at <= deadline_us) {
        prev = *link;
        link = &(*link)->wakeup_next;
    }
    t->wakeup_next = *link;
    t->wakeup_prev = prev;
    if (*link != nullptr)
        (*link)->wakeup_prev = t;
    *link = t;
    t->in_wakeup_queue = true;
}

void cancel_timeout(Tcb* t)
{
    if (!t->in_wakeup_queue)
        return;
    Cpu& cpu = *t->cpu;
    if (t->wakeup_prev != nullptr)
        t->wakeup_prev->wakeup_next = t->wakeup_next;
    else
        cpu.wakeup_queue = t->wakeup_next;
    if (t->wakeup_next != nullptr)
        t->wakeup_next->wakeup_prev = t->wakeup_prev;
    t->wakeup_next = t->wakeup_prev = nullptr;
    t->in_wakeup_queue = false;
}

void timer_tick()
{
    Tcb* self = Tcb::current();
    Cpu& cpu = *self->cpu;
    cpu.ticks++;
    u64 now = system_clock.now_us();
    while (cpu.wakeup_queue != nullptr && cpu.wakeup_queue->timeout_at <= now) {
        Tcb* t = cpu.wakeup_queue;
        cancel_timeout(t);
        ipc_timeout(t);
    }
    if (self == cpu.idle)
        return;
    self->timeslice_left_us -= s64(cpu.tick_us);
    if (self->total_quantum_us != 0) {
        self->quantum_used_us += cpu.tick_us;
        if (self->quantum_used_us >= self->total_quantum_us) {
            self->quantum_exhausted = true;   // runs again when its scheduler grants more
            cpu.need_resched = true;
        }
    }
    if (self->timeslice_left_us <= 0) {
        self->timeslice_left_us = s64(self->timeslice_us);
        cpu.ready.insert(self);
        cpu.ready.rotate(self);
        cpu.need_resched = true;
    }
}

void preemption_point()
{
    smp::go_home();
    if (Tcb::current()->cpu->need_resched)
        schedule();
}
