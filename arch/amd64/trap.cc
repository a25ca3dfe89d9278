// amd64 trap dispatch: every interrupt-gate entry lands in amd64_trap().
#include "arch.h"
#include <generic/assert.h>
#include <generic/console.h>
#include <generic/exception.h>
#include <generic/fpage.h>
#include <generic/fpu.h>
#include <generic/scheduler.h>
#include <generic/tcb.h>
#include <x86/kernel_entry.h>

extern "C" char amd64_copy_user_start[], amd64_copy_user_words[], amd64_copy_user_end[],
    amd64_copy_user_words_fixup[], amd64_copy_user_fixup[];
#if CONFIG_FASTPATH
extern "C" char ipc_general[];
extern "C" char amd64_fastpath_user_read[];
#endif

namespace arch {

void syscall_lipc(Frame* f);
void syscall_other(Frame* f);

namespace {

enum : Word { vec_breakpoint = 3, vec_invalid_opcode = 6, vec_no_fpu = 7, vec_page_fault = 14 };
enum : Word { pf_write = 1u << 1, pf_fetch = 1u << 4 };

NORETURN void kernel_fault(Frame* f)
{
    kprintf("\nkernel %s (vector %lu, error %lx) at rip %lx, cr2 %lx\n", x86::exception_name(f->vector),
            f->vector, f->error, f->rip, x86::read_cr2());
    dump_frame(*f);
    panic("unexpected exception in the kernel");
}

void user_trap(Frame* f)
{
    switch (f->vector) {
    case VECTOR_LIPC:
        syscall_lipc(f);
        return;
    case VECTOR_SYSCALL:
        syscall_other(f);
        return;
    case vec_breakpoint:
        x86::kdebug_trap(f->rip, f->rax);
        return;
    case vec_invalid_opcode:
        if (!x86::kernel_interface(f->rip, f->rax, f->rcx, f->rdx, f->rsi))
            user_exception(f->vector, f->error, x86::exception_name(f->vector));
        return;
    case vec_no_fpu:
        if (!fpu_take_ownership())
            user_exception(f->vector, f->error, "device not available (no memory for FPU state)");
        return;
    case vec_page_fault: {
        Word access = (f->error & pf_write) != 0   ? Fpage::rights_w
                      : (f->error & pf_fetch) != 0 ? Fpage::rights_x
                                                   : Fpage::rights_r;
        user_page_fault(x86::read_cr2(), access);
        return;
    }
    default:
        if (x86::interrupt(f->vector))
            return;
        if (f->vector < 32) {
            user_exception(f->vector, f->error, x86::exception_name(f->vector));
            return;
        }
        kprintf("Chestnut: unexpected interrupt vector %lu in thread %lx\n", f->vector,
                Tcb::current()->global_id.raw());
    }
}

} // namespace

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
    if (ip >= Word(amd64_copy_user_start) && ip < Word(amd64_copy_user_words))
        return Word(amd64_copy_user_words_fixup);
    if (ip >= Word(amd64_copy_user_words) && ip < Word(amd64_copy_user_end))
        return Word(amd64_copy_user_fixup);
#if CONFIG_FASTPATH
    if (ip == Word(amd64_fastpath_user_read))   // a local id whose UTCB is not mapped
        return Word(ipc_general);
#endif
    return 0;
}

} // namespace arch

using namespace arch;

extern "C" void amd64_trap(Frame* f)
{
    if (!f->from_user()) {
        if (f->vector == vec_page_fault) {
            if (Word resume = user_access_fixup(f->rip)) {
                f->rip = resume;
                return;
            }
        }
        if (!x86::interrupt(f->vector))
            kernel_fault(f);
        return;
    }
    user_trap(f);
    preemption_point();
}
