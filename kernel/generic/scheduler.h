// Dispatching on one CPU (seed 004): priorities with round robin, lazy
// dispatching, timeouts, preemption.  Every function acts on the calling
// thread's CPU.
#pragma once

#include "tcb.h"

struct Cpu;

// Makes t (on the current CPU) runnable; asks for a reschedule when it
// should preempt the running thread.
void make_runnable(Tcb* t);

// The calling thread gives up the CPU to the best runnable thread (itself
// included when it is still runnable).  Returns when it runs again.
void schedule();

// Round robin: the calling thread goes behind the others of its priority.
void yield();

// Hands the CPU directly to t (runnable, same CPU) unless a higher-priority
// thread is ready, in which case the scheduler decides.
void switch_or_schedule(Tcb* t);

// Switches from the calling thread to t (both on this CPU), no questions asked.
void switch_to(Tcb* t);

// The idle thread's body: dispatches whenever something becomes runnable.
NORETURN void idle_loop();

// Timeouts: the calling CPU's wakeup queue.
void set_timeout(Tcb* t, u64 deadline_us);
void cancel_timeout(Tcb* t);

// The periodic timer interrupt of this CPU: fires expired timeouts and
// charges the running thread's time slice.
void timer_tick();

// Before returning to user mode: act on a pending reschedule request.
void preemption_point();
