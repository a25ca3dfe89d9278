// User-mode faults: CPU exceptions and page faults, turned into IPC to the
// thread's exception handler or pager (X.2), or a clean thread stop.
#pragma once

#include "tcb.h"

// The current thread raised CPU exception `vector` (error code `error`) in
// user mode: deliver it to the thread's exception handler, or stop the
// thread with a kernel message when it has none.
void user_exception(Word vector, Word error, const char* name);

// The current thread faulted at `address` (access: Fpage rwx bits) in user
// mode: page-fault IPC to its pager (sigma0's faults are resolved in the
// kernel); a thread without a pager is stopped.
void user_page_fault(Word address, Word access);

// A page-fault IPC to `pager` on the current thread's behalf (X.2 message:
// label -2 << 4 | access, address, ip; receive window the whole space).
// False when the pager is nil or unreachable within `timeouts`.
[[nodiscard]] bool send_page_fault(ThreadId pager, Word address, Word ip, Word access, Word timeouts);

// Stops t for good and says why; the rest of the system keeps running.
void stop_thread(Tcb* t, const char* why);
