#include "lipc.h"
#include <generic/assert.h>

namespace arch {

bool lipc_resume_frame(ThreadContext&, Frame&, const PageTableArch&, Word, Word)
{
    panic("LIPC resume on MIPS, which never lets a thread wait lazily (has_lipc is false)");
}

void start_single_step(Frame&)
{
    panic("single-stepping requested on MIPS, whose kdebug interface offers none");
}

} // namespace arch
