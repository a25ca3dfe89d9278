// MIPS FPU (coprocessor 1) state for lazy switching: Status.CU1 clear makes
// the first FPU instruction of a thread that does not own the FPU raise
// "coprocessor unusable" (CE = 1), and the kernel moves the state then
// (seed 003, lazy FPU).  Status.FR is always set: 32 64-bit registers.
// The kernel itself is soft-float; these routines switch the assembler to
// hard-float locally.
#pragma once

#include "cp0.h"
#include <generic/types.h>

namespace arch {

struct alignas(8) FpuState {
    u64 fpr[32];
    u64 fcsr;
};

// Whether the CPU has an FPU (Config1.FP); without one CU1 stays clear
// and FPU instructions are exceptions for the thread.
extern bool fpu_present;

inline void fpu_enable() { mips::write_status(mips::read_status() | ST_CU1); }
inline void fpu_disable() { mips::write_status(mips::read_status() & ~u32(ST_CU1)); }

void fpu_save(FpuState& s);
void fpu_restore(const FpuState& s);
// A fresh thread's FPU: all registers zero, FCSR 0 (round to nearest, no
// exceptions enabled).
void fpu_reset();

// Boot: detects the FPU; it starts disabled (trap on first use).
void fpu_init_cpu();

} // namespace arch
