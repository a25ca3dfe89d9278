// LIPC and its test support on MIPS: not implemented.  There is no
// user-level Lipc code in the MIPS KIP, so has_lipc keeps the generic core
// from ever blocking a thread lazily (kernel/generic/lipc.cc); a Lipc is a
// kernel Ipc.  The MIPS kdebug interface offers no InterruptAfter or
// FaultAfter (there is no single-step trap to count user instructions
// with).  The two functions below can therefore not be reached; they exist
// for the contract and stop the kernel if that ever changes unnoticed.
#pragma once

#include "context.h"
#include "frame.h"
#include "pte.h"

namespace arch {

inline constexpr bool has_lipc = false;
NORETURN bool lipc_resume_frame(ThreadContext& ctx, Frame& f, const PageTableArch& a, Word sp, Word local_id);
NORETURN void start_single_step(Frame& f);

} // namespace arch
