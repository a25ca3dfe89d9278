// x86 (ia32 and amd64) FPU/SSE state for lazy switching: FXSAVE/FXRSTOR when the CPU has
// them, FNSAVE/FRSTOR otherwise; CR0.TS arms the device-not-available trap.
#pragma once

#include <generic/types.h>
#include <x86/cpu.h>

namespace arch {

struct alignas(16) FpuState {
    u8 bytes[512];
};

extern bool fpu_has_fxsr;

inline void fpu_enable() { asm volatile("clts"); }
inline void fpu_disable() { x86::write_cr0(x86::read_cr0() | x86::cr0_ts); }

inline void fpu_save(FpuState& s)
{
    if (fpu_has_fxsr)
        asm volatile("fxsave %0" : "=m"(s));
    else
        asm volatile("fnsave %0; fwait" : "=m"(s));
}

inline void fpu_restore(const FpuState& s)
{
    if (fpu_has_fxsr)
        asm volatile("fxrstor %0" ::"m"(s));
    else
        asm volatile("frstor %0" ::"m"(s));
}

// A fresh thread's FPU: default control words, empty registers.
void fpu_reset();

// Boot: CR0/CR4 set-up; the FPU starts disabled (trap on first use).
void fpu_init_cpu();

} // namespace arch
