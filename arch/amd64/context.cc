#include "context.h"

namespace arch {

namespace {
// What amd64_switch_stacks pops: r15, r14, r13, r12, rbx, rbp, return address.
struct SwitchFrame {
    Word r15, r14, r13, r12, rbx, rbp;
    void (*ret)();
};
} // namespace

void prepare_user_thread(ThreadContext& ctx, Word stack_top, void (*entry)())
{
    Frame* f = user_frame(stack_top);
    *f = {};
    f->cs = SEL_USER_CS;
    f->rflags = Frame::fixed_user_flags;
    f->user_ss = SEL_USER_DS;
    // entry() returns into amd64_exit_to_user, which leaves through the
    // frame; entry() starts with RSP = 8 mod 16, as after a call (SysV).
    auto* ret = reinterpret_cast<void (**)()>(f) - 1;
    *ret = amd64_exit_to_user;
    auto* s = reinterpret_cast<SwitchFrame*>(ret) - 1;
    *s = {0, 0, 0, 0, 0, 0, entry};
    ctx.ksp = reinterpret_cast<Word>(s);
}

void prepare_kernel_thread(ThreadContext& ctx, Word stack_top, void (*entry)())
{
    // entry() finds a zero "return address" above it, ending backtraces.
    auto* top = reinterpret_cast<Word*>(stack_top) - 1;
    *top = 0;
    auto* s = reinterpret_cast<SwitchFrame*>(top) - 1;
    *s = {0, 0, 0, 0, 0, 0, entry};
    ctx.ksp = reinterpret_cast<Word>(s);
}

} // namespace arch
