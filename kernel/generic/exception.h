// User-mode faults the kernel cannot resolve by itself.
#pragma once

#include "tcb.h"

// The current thread raised CPU exception `vector` (error code `error`) in
// user mode: deliver it to the thread's exception handler, or stop the
// thread with a kernel message when it has none.
void user_exception(Tcb* t, Word vector, Word error, const char* name);

// Stops t for good and says why; the rest of the system keeps running.
void stop_thread(Tcb* t, const char* why);
