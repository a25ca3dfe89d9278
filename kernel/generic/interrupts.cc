#include "interrupts.h"
#include "boot.h"
#include "console.h"
#include "cpu.h"
#include "ipc.h"
#include "kernel_lock.h"
#include "platform.h"
#include "smp.h"

// On multiprocessors an interrupt thread lives where its handler's home is
// (Tcb::cpu and home): it polls in the handler's send queue there, and the
// platform routes its line to that CPU.  An interrupt that arrives on
// another CPU (a line the platform cannot route, or one taken while the
// handler moved) is forwarded with a request; the line stays masked until
// the handler acknowledges it, so each line has at most one in flight.

namespace {

struct Forward : smp::Request {
    unsigned irq = 0;
};
Forward forwards[thread_numbers::interrupt_count];

Tcb* interrupt_thread(ThreadId id)
{
    if (!id.is_global() || id.number() >= thread_numbers::interrupt_count ||
        id.number() >= platform::irq_count() || id.version() != 1 || !platform::irq_exists(unsigned(id.number())))
        return nullptr;
    return Tcb::slot(id.number());
}

Cpu& this_cpu() { return *Tcb::current()->cpu; }

// Delivers the interrupt on the CPU its thread lives on.
void deliver_where_it_lives(unsigned irq)
{
    Tcb* t = Tcb::slot(irq);
    if (!t->exists() || t->irq_handler.is_nil())
        return;   // detached meanwhile: the line is masked
    Cpu* where = __atomic_load_n(&t->cpu, __ATOMIC_ACQUIRE);
    if (where == &this_cpu()) {
        ipc_deliver_interrupt(t);
        return;
    }
    Forward& f = forwards[irq];
    f.irq = irq;
    f.run = [](smp::Request& r) { deliver_where_it_lives(static_cast<Forward&>(r).irq); };
    smp::post(*where, f);
}

// Binds line `irq` (its thread t, on this CPU) to `handler` whose home is
// `home`, or detaches it; the line stays masked when `masked` (an
// interrupt is pending).
void bind(Tcb* t, Tcb* handler, Cpu* home = nullptr, bool masked = false)
{
    unsigned line = unsigned(t->global_id.number());
    platform::irq_mask(line);
    ipc_unlink_interrupt(t);
    t->irq_pending = false;
    if (handler == nullptr) {
        t->irq_handler = ThreadId::nil();
        return;
    }
    t->irq_handler = handler->global_id;
    if (home == nullptr)
        home = __atomic_load_n(&handler->home, __ATOMIC_ACQUIRE);
    __atomic_store_n(&t->home, home, __ATOMIC_RELAXED);
    __atomic_store_n(&t->cpu, home, __ATOMIC_RELEASE);
    platform::irq_route(line, home->hw_id);
    if (!masked)
        platform::irq_unmask(line);
}

} // namespace

bool interrupt_control(ThreadId irq, ThreadId handler)
{
    Tcb* t = interrupt_thread(irq);
    if (t == nullptr)
        return false;
    if (handler != irq && Tcb::lookup(handler) == nullptr)
        return false;
    if (!t->exists()) {
        if (handler == irq)
            return true;   // detaching a line nobody attached
        KernelLockGuard guard;
        if (!t->exists()) {
            if (Tcb::create(irq) == nullptr)
                return false;
            t->state = ThreadState::Interrupt;
            t->cpu = t->home = &this_cpu();
        }
    }
    // The interrupt thread is changed where it lives.
    t = smp::go_to(irq);
    Tcb* h = handler == irq ? nullptr : Tcb::lookup(handler);
    if (handler != irq && h == nullptr)
        return false;   // the handler died on the way
    bind(t, h);
    return true;
}

bool interrupt_has_handler(unsigned irq)
{
    Tcb* t = Tcb::slot(irq);
    return irq < thread_numbers::interrupt_count && t->exists() && !t->irq_handler.is_nil();
}

void interrupt_raised(unsigned irq)
{
    Tcb* t = Tcb::slot(irq);
    if (!t->exists() || t->irq_handler.is_nil()) {
        kprintf("Chestnut: spurious interrupt %u (no handler), line masked\n", irq);
        return;
    }
    __atomic_fetch_add(&this_cpu().interrupts_taken, 1, __ATOMIC_RELAXED);
    deliver_where_it_lives(irq);
}

void interrupt_acknowledged(Tcb* t)
{
    t->irq_pending = false;
    platform::irq_unmask(unsigned(t->global_id.number()));
}

void interrupts_forget_handler(ThreadId handler)
{
    for (unsigned irq = 0; irq < thread_numbers::interrupt_count && irq < platform::irq_count(); irq++) {
        Tcb* t = Tcb::slot(irq);
        if (t->exists() && t->irq_handler == handler)
            (void)interrupt_control(t->global_id, t->global_id);
    }
}

void interrupts_follow_handler(Tcb* handler, Cpu& to)
{
    for (unsigned irq = 0; irq < thread_numbers::interrupt_count && irq < platform::irq_count(); irq++) {
        Tcb* t = Tcb::slot(irq);
        if (!t->exists() || t->irq_handler != handler->global_id || t->cpu != &this_cpu())
            continue;
        bool pending = t->polling_on == handler;   // raised, not yet received
        bind(t, handler, &to, pending);
        if (pending)
            deliver_where_it_lives(irq);
    }
}
