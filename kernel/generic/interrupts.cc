#include "interrupts.h"
#include "boot.h"
#include "console.h"
#include "cpu.h"
#include "ipc.h"
#include "platform.h"

namespace {

Tcb* interrupt_thread(ThreadId id)
{
    if (!id.is_global() || id.number() >= thread_numbers::interrupt_count ||
        id.number() >= platform::irq_count() || id.version() != 1)
        return nullptr;
    return Tcb::slot(id.number());
}

} // namespace

bool interrupt_control(ThreadId irq, ThreadId handler)
{
    Tcb* t = interrupt_thread(irq);
    if (t == nullptr)
        return false;
    unsigned line = unsigned(irq.number());
    if (handler == irq) {                       // detach
        if (t->exists()) {
            platform::irq_mask(line);
            ipc_unlink(t);
            t->irq_handler = ThreadId::nil();
            t->irq_pending = false;
        }
        return true;
    }
    if (Tcb::lookup(handler) == nullptr)
        return false;
    if (!t->exists()) {
        t = Tcb::create(irq);
        if (t == nullptr)
            return false;
        t->state = ThreadState::Interrupt;
        t->cpu = Tcb::current()->cpu;
    }
    ipc_unlink(t);
    t->irq_handler = handler;
    t->irq_pending = false;
    platform::irq_unmask(line);
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
    ipc_deliver_interrupt(t);
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
