// The first switch to a fresh thread on x86 (ia32 and amd64): its kernel
// stack holds a SwitchFrame (the callee-saved registers the port's
// switch_stacks pops, context.h) whose return address is entry().
#include <arch.h>

namespace arch {

void prepare_user_thread(ThreadContext& ctx, Word stack_top, void (*entry)())
{
    Frame* f = user_frame(stack_top);
    *f = {};
    f->cs = SEL_USER_CS;
    f->set_flags(0);   // the fixed user flags
    f->user_ss = SEL_USER_DS;
    // entry() returns into the port's exit through the frame; it starts
    // with the stack of a call (amd64: RSP = 8 mod 16, SysV).
    auto* ret = reinterpret_cast<void (**)()>(f) - 1;
    *ret = user_thread_return;
    auto* s = reinterpret_cast<SwitchFrame*>(ret) - 1;
    *s = {{}, entry};
    ctx.ksp = reinterpret_cast<Word>(s);
}

void prepare_kernel_thread(ThreadContext& ctx, Word stack_top, void (*entry)())
{
    // entry() finds a zero "return address" above it, ending backtraces.
    auto* top = reinterpret_cast<Word*>(stack_top) - 1;
    *top = 0;
    auto* s = reinterpret_cast<SwitchFrame*>(top) - 1;
    *s = {{}, entry};
    ctx.ksp = reinterpret_cast<Word>(s);
}

} // namespace arch
