// Local IPC by lazy process switching (seeds 000 and 001).
//
// A Lipc between two threads of one space on one CPU runs entirely at user
// level, in code the kernel places in the KIP (arch): it checks that the
// partner waits for us, marks us waiting and the partner running, points
// the user's current-UTCB word (%gs:0 on ia32) at the partner and continues
// on the partner's stack.  The kernel learns of it at its next entry.
//
// Shared state, in each thread's UTCB (user-writable, so never trusted):
//   lipc_sp    where LIPC resumes the thread: its user stack pointer,
//              pointing at the return address of its Lipc call
//   lipc_wait  whom it waits for: the partner's local id, -1 (anyone),
//              anylocalthread, or 0 when LIPC must not complete its receive
//   lipc_key   kept by the kernel: priority (bits 0-8), CPU (bits 9-15), FPU
//              in use (bit 16), senders queued (bit 17).  LIPC from A to B
//              needs B.key - A.key in [0, 255]: same CPU, B's priority at
//              least A's (B then is what the kernel would run), A not using
//              the FPU (its registers must not pass to B), nobody queued.
//
// Kernel twins of that state:
// - ThreadState::WaitingLipc: the kernel blocked the thread in a Lipc
//   receive that LIPC may complete.  Its UTCB is authoritative: since then
//   LIPC may have resumed it and blocked it again elsewhere (LIPC chains).
//   settle() turns it back into a plain kernel waiter before the kernel acts
//   on it; a WaitingLipc thread resumes on a frame rebuilt from its UTCB,
//   never on its kernel stack.
// - The kernel's current thread is the twin of the user's current-UTCB
//   word: every kernel entry from user mode compares them first and sync()s
//   a difference, so inside the kernel no thread is "lazily running".
// Corrupt shared state costs only the task that wrote it: the kernel stops
// the thread whose state it cannot make sense of.
#pragma once

#include "tcb.h"
#include "time_value.h"

namespace lipc {

// Recomputes t's lipc_key (t must have a UTCB; others are ignored).
void update_key(Tcb* t);

// Whether a user Lipc receive for `want` with `timeout` may wait lazily
// (LIPC can complete it); then block_lazily() records it before blocking.
[[nodiscard]] bool may_wait_lazily(const Tcb* self, ThreadId want, TimeValue timeout);
void block_lazily(Tcb* self, ThreadId want);

// Brings a WaitingLipc thread under kernel control again (Waiting, its
// partner and user frame from its UTCB); no effect on other threads.
void settle(Tcb* t);

// The user's current-UTCB word names `current_utcb` while the kernel's
// current thread is `k`: k switched lazily.  sync_target() returns the
// thread LIPC switched to, or stops k (and does not return) when the state
// is corrupt; the arch moves the live user registers to that thread's frame
// and sync() then makes it the kernel's current thread.
[[nodiscard]] Tcb* sync_target(Tcb* k, Word current_utcb);
void sync(Tcb* k, Tcb* u);

// Marks a thread that can never be completed by LIPC again (deleted).
void forget(Tcb* t);

// What the kernel saw of LIPC (tests read it through kdebug).
struct Statistics {
    Word kernel_calls = 0;   // Lipc calls that came to the kernel
    Word syncs = 0;          // lazy switches made effective at a kernel entry
};
extern Statistics statistics;

} // namespace lipc
