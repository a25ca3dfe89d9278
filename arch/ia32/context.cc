#include "context.h"

namespace arch {

namespace {
// What ia32_switch_stacks pops: edi, esi, ebx, ebp, return address.
struct SwitchFrame {
    Word edi, esi, ebx, ebp;
    void (*ret)();
};
} // namespace

void prepare_user_thread(ThreadContext& ctx, Word stack_top, void (*entry)())
{
    Frame* f = user_frame(stack_top);
    *f = {};
    f->cs = SEL_USER_CS;
    f->eflags = Frame::fixed_user_flags;
    f->user_ss = SEL_USER_DS;
    // entry() returns into ia32_return_from_trap, which pops the frame.
    auto* ret = reinterpret_cast<void (**)()>(f) - 1;
    *ret = ia32_return_from_trap;
    auto* s = reinterpret_cast<SwitchFrame*>(ret) - 1;
    *s = {0, 0, 0, 0, entry};
    ctx.ksp = reinterpret_cast<Word>(s);
}

void prepare_kernel_thread(ThreadContext& ctx, Word stack_top, void (*entry)())
{
    // entry() finds a zero "return address" above it, ending backtraces.
    auto* top = reinterpret_cast<Word*>(stack_top) - 1;
    *top = 0;
    auto* s = reinterpret_cast<SwitchFrame*>(top) - 1;
    *s = {0, 0, 0, 0, entry};
    ctx.ksp = reinterpret_cast<Word>(s);
}

} // namespace arch
