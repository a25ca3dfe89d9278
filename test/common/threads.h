// Helpers for test cases that need more threads of the root task's space.
#pragma once

#include <l4/ipc.h>
#include <l4/kip.h>
#include <l4/thread.h>

namespace ktest {

using ThreadFn = void (*)(L4_Word_t arg);

// Starts fn(arg) in a new thread of this space (pager and scheduler: the
// calling thread) at the given priority; the thread stops itself when fn
// returns.  Returns nil when no slot is free.
L4_ThreadId_t spawn(ThreadFn fn, L4_Word_t arg = 0, L4_Word_t priority = 100);

// Deletes a thread made by spawn() and frees its slot.
void reap(L4_ThreadId_t t);

// The next unused global thread id (for tests that create threads by hand),
// and a free UTCB location of this space.
L4_ThreadId_t fresh_thread_id();
L4_Word_t free_utcb_slot();
void release_utcb_slot(L4_Word_t location);

// The UTCB location of the calling thread (its local id names MR0).
inline L4_Word_t my_utcb_location() { return L4_MyLocalId().raw - 64 * sizeof(L4_Word_t); }

// The first address above user space, from the KIP's virtual memory
// descriptor: everything from here on is the kernel's or unusable.
L4_Word_t user_space_end();

// The root test thread (the scheduler and pager of spawned threads).
L4_ThreadId_t main_thread();

// Accepts one string of up to `size` bytes into `buffer`, waits up to
// timeout_us for it, and reports the receive's tag (MR1) and ErrorCode
// (MR2, 0 on success) to main_thread() with label 0x61.
void receive_one_string_and_report(void* buffer, L4_Word_t size, L4_Word_t timeout_us);

// Blocks forever (helper threads park here).
[[noreturn]] void park();

} // namespace ktest
