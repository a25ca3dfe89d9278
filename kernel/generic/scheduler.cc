#include "scheduler.h"
#include "cpu.h"
#include "space.h"

namespace {
// Until the priority scheduler lands: one FIFO per CPU.
struct RunQueue {
    Tcb* threads[64];
    unsigned head = 0, tail = 0;
};
RunQueue run_queues[CONFIG_MAX_CPUS];
} // namespace

void make_ready(Tcb* t)
{
    RunQueue& q = run_queues[t->cpu->id];
    q.threads[q.tail++ % 64] = t;
}

void switch_to(Tcb* to)
{
    Tcb* from = Tcb::current();
    if (to == from)
        return;
    Cpu* cpu = from->cpu;
    if (to->space != nullptr) {
        arch::activate(to->space->page_table);
        to->space->page_table.current_utcb_slots()[cpu->id] = to->local_id;
    }
    arch::switch_threads(from->context, to->context, to->stack_top(), cpu->arch);
}

void schedule()
{
    Tcb* self = Tcb::current();
    RunQueue& q = run_queues[self->cpu->id];
    while (q.head != q.tail) {
        Tcb* next = q.threads[q.head++ % 64];
        if (next->state == ThreadState::Running) {
            switch_to(next);
            return;
        }
    }
    switch_to(self->cpu->idle);
}

void idle_loop()
{
    Tcb* self = Tcb::current();
    for (;;) {
        RunQueue& q = run_queues[self->cpu->id];
        if (q.head != q.tail)
            schedule();
        else
            arch::idle_wait();
    }
}
