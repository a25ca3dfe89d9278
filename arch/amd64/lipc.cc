// LIPC and its test support on amd64: not implemented.  There is no
// user-level Lipc code in the amd64 KIP, so has_lipc keeps the generic core
// from ever blocking a thread lazily (kernel/generic/lipc.cc); a Lipc is a
// kernel Ipc.  The amd64 kdebug interface offers no InterruptAfter or
// FaultAfter.  The two functions below can therefore not be reached; they
// exist for the contract and stop the kernel if that ever changes unnoticed.
#include "arch.h"
#include <generic/assert.h>

namespace arch {

bool lipc_resume_frame(ThreadContext&, Frame&, const PageTableArch&, Word, Word)
{
    panic("LIPC resume on amd64, which never lets a thread wait lazily (has_lipc is false)");
}

void start_single_step(Frame&)
{
    panic("single-stepping requested on amd64, whose kdebug interface offers none");
}

} // namespace arch
