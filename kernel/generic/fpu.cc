#include "fpu.h"
#include "cpu.h"
#include "object_cache.h"

namespace {
ObjectCache<arch::FpuState> fpu_states;
}

void fpu_switch(Cpu& cpu, Tcb* to)
{
    if (cpu.fpu_owner == to)
        arch::fpu_enable();
    else
        arch::fpu_disable();
}

bool fpu_take_ownership()
{
    Tcb* self = Tcb::current();
    Cpu& cpu = *self->cpu;
    if (cpu.fpu_owner == self) {
        arch::fpu_enable();
        return true;
    }
    bool fresh = self->fpu == nullptr;
    if (fresh && (self->fpu = fpu_states.create()) == nullptr)
        return false;
    arch::fpu_enable();
    if (cpu.fpu_owner != nullptr)
        arch::fpu_save(*cpu.fpu_owner->fpu);
    if (fresh)
        arch::fpu_reset();
    else
        arch::fpu_restore(*self->fpu);
    cpu.fpu_owner = self;
    return true;
}

void fpu_release(Tcb* t)
{
    Cpu& cpu = *t->cpu;
    if (cpu.fpu_owner != t)
        return;
    arch::fpu_enable();
    arch::fpu_save(*t->fpu);
    cpu.fpu_owner = nullptr;
    fpu_switch(cpu, Tcb::current());
}

void fpu_forget(Tcb* t)
{
    Cpu& cpu = *t->cpu;
    if (cpu.fpu_owner == t)
        cpu.fpu_owner = nullptr;
    if (t->fpu != nullptr) {
        fpu_states.destroy(t->fpu);
        t->fpu = nullptr;
    }
}
