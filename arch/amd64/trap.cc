// amd64 trap dispatch: every interrupt-gate entry lands in amd64_trap();
// what ia32 handles alike is in x86/kernel_entry.h.
#include "arch.h"
#include <generic/assert.h>
#include <generic/console.h>
#include <generic/scheduler.h>
#include <x86/kernel_entry.h>

#if CONFIG_FASTPATH
extern "C" char ipc_general_frame[];
extern "C" char amd64_fastpath_user_read[];
#endif

namespace arch {

void syscall_lipc(Frame* f);
void syscall_other(Frame* f);

void dump_frame(const Frame& f)
{
    kprintf("  rax %016lx rbx %016lx rcx %016lx rdx %016lx\n"
            "  rsi %016lx rdi %016lx rbp %016lx r8  %016lx\n"
            "  r9  %016lx r10 %016lx r11 %016lx r12 %016lx\n"
            "  r13 %016lx r14 %016lx r15 %016lx\n"
            "  rip %016lx rsp %016lx rflags %08lx cs %04lx\n",
            f.rax, f.rbx, f.rcx, f.rdx, f.rsi, f.rdi, f.rbp, f.r8, f.r9, f.r10, f.r11, f.r12, f.r13, f.r14,
            f.r15, f.rip, f.user_rsp, f.rflags, f.cs);
}

Word user_access_fixup(Word ip)
{
#if CONFIG_FASTPATH
    if (ip == Word(amd64_fastpath_user_read))   // a local id whose UTCB is not mapped
        return Word(ipc_general_frame);
#endif
    return x86::copy_user_fixup(ip);
}

} // namespace arch

using namespace arch;

extern "C" void amd64_trap(Frame* f)
{
    if (!f->from_user()) {
        if (!x86::kernel_trap(f->vector, f->error, f->rip, user_access_fixup(f->rip))) {
            dump_frame(*f);
            panic("unexpected exception in the kernel");
        }
        return;
    }
    switch (f->vector) {
    case VECTOR_LIPC:
        syscall_lipc(f);
        break;
    case VECTOR_SYSCALL:
        syscall_other(f);
        break;
    default:
        x86::user_trap(f->vector, f->error, {f->rip, f->rax, f->rcx, f->rdx, f->rsi});
    }
    preemption_point();
}
