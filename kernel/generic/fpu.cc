#include "fpu.h"
#include "cpu.h"
#include "lipc.h"
#include "object_cache.h"

namespace {

ObjectCache<arch::FpuState> fpu_states;

// The FPU trap is armed unless the running thread owns the FPU; the CPU's
// flag spares the (serializing) control-register write when nothing changes.
void set_fpu(Cpu& cpu, bool on)
{
    if (on)
        arch::fpu_enable();
    else if (cpu.fpu_enabled)
        arch::fpu_disable();
    if (cpu.fpu_enabled != on) {
        cpu.fpu_enabled = on;
        if (cpu.fpu_owner != nullptr)
            lipc::update_key(cpu.fpu_owner);   // LIPC must not pass live FPU registers on
    }
}

void set_owner(Cpu& cpu, Tcb* t)
{
    Tcb* old = cpu.fpu_owner;
    cpu.fpu_owner = t;
    if (old != nullptr)
        lipc::update_key(old);
    if (t != nullptr)
        lipc::update_key(t);
}

} // namespace

void fpu_switch(Cpu& cpu, Tcb* to) { set_fpu(cpu, cpu.fpu_owner == to); }

bool fpu_take_ownership()
{
    Tcb* self = Tcb::current();
    Cpu& cpu = *self->cpu;
    if (cpu.fpu_owner == self) {
        set_fpu(cpu, true);
        return true;
    }
    bool fresh = self->fpu == nullptr;
    if (fresh && (self->fpu = fpu_states.create()) == nullptr)
        return false;
    set_fpu(cpu, true);
    if (cpu.fpu_owner != nullptr)
        arch::fpu_save(*cpu.fpu_owner->fpu);
    if (fresh)
        arch::fpu_reset();
    else
        arch::fpu_restore(*self->fpu);
    set_owner(cpu, self);
    return true;
}

void fpu_release(Tcb* t)
{
    Cpu& cpu = *t->cpu;
    if (cpu.fpu_owner != t)
        return;
    set_fpu(cpu, true);
    arch::fpu_save(*t->fpu);
    set_owner(cpu, nullptr);
    fpu_switch(cpu, Tcb::current());
}

void fpu_forget(Tcb* t)
{
    Cpu& cpu = *t->cpu;
    if (cpu.fpu_owner == t)
        set_owner(cpu, nullptr);
    if (t->fpu != nullptr) {
        fpu_states.destroy(t->fpu);
        t->fpu = nullptr;
    }
}
