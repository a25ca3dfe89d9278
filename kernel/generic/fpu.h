// Lazy FPU switching (seed 003): each CPU's FPU belongs to one thread at a
// time; a switch to any other thread only arms a trap (ia32: CR0.TS), and
// the state moves when the new thread really uses the FPU.
#pragma once

#include "tcb.h"

struct Cpu;

// Arms or disarms the trap for the thread about to run on cpu.
void fpu_switch(Cpu& cpu, Tcb* to);
// The current thread touched the FPU while it did not own it.  False when
// no state buffer could be allocated (the thread then gets an exception).
[[nodiscard]] bool fpu_take_ownership();
// t dies: drop its ownership and state.
void fpu_forget(Tcb* t);
// t leaves its CPU: save its state if it owns the FPU there.
void fpu_release(Tcb* t);
