// The MIPS port's exception handlers, called from mips_exception()
// (trap.cc) with the thread's frame.
#pragma once

#include "frame.h"
#include <generic/types.h>

class Space;

namespace arch {

// A `syscall` from user mode: dispatches on v0 (syscall.cc).
void syscall(Frame* f);

// A `break` from user mode: the kdebug interface, else a breakpoint
// exception for the thread's handler (kdebug_trap.cc).
void kdebug_break(Frame* f);

// Prints a register frame for fault diagnostics.
void dump_frame(const Frame& f);

// A TLB-invalid or TLB-modified exception at `address` in `space`: when
// the page is mapped with the rights the access needs, records the
// reference (V) or the write (D) in its entry, drops the stale TLB entry
// and returns true: the access will succeed when retried.  False for a
// real page fault (soft_fault.cc).
[[nodiscard]] bool resolve_soft_fault(Space* space, Word address, bool write);

} // namespace arch
