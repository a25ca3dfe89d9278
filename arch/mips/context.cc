#include "context.h"

namespace arch {

extern "C" constinit CpuSave mips_cpu_save[CONFIG_MAX_CPUS] = {};

namespace {
// What mips_switch_stacks pops (switch.S): s0-s7, s8, gp, ra and a pad word.
struct SwitchFrame {
    Word s[8];
    Word s8, gp, ra, pad;
};
static_assert(sizeof(SwitchFrame) == 96);
} // namespace

void prepare_user_thread(ThreadContext& ctx, Word stack_top, void (*entry)())
{
    Frame* f = user_frame(stack_top);
    *f = {};
    f->status = status_base | ST_KSU_USER | ST_IE;
    // mips_thread_start calls entry() (s0), then leaves through the frame.
    auto* s = reinterpret_cast<SwitchFrame*>(f) - 1;
    *s = {};
    s->s[0] = reinterpret_cast<Word>(entry);
    s->ra = reinterpret_cast<Word>(mips_thread_start);
    ctx.ksp = reinterpret_cast<Word>(s);
}

void prepare_kernel_thread(ThreadContext& ctx, Word stack_top, void (*entry)())
{
    auto* s = reinterpret_cast<SwitchFrame*>(stack_top) - 1;
    *s = {};
    s->ra = reinterpret_cast<Word>(entry);
    ctx.ksp = reinterpret_cast<Word>(s);
}

} // namespace arch
