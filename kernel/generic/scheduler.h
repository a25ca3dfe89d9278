// Dispatching on one CPU.
#pragma once

#include "tcb.h"

// Makes t runnable on its CPU.
void make_ready(Tcb* t);
// Gives up the CPU: runs the next ready thread, or idles until one exists.
// Returns when the calling thread is chosen again.
void schedule();
// The idle thread's body.
NORETURN void idle_loop();
// Switches from the current thread to t (both on the same CPU).
void switch_to(Tcb* t);
