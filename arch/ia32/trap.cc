// ia32 trap dispatch: every interrupt-gate entry lands in ia32_trap().
#include "arch.h"
#include <generic/assert.h>
#include <generic/console.h>
#include <generic/exception.h>
#include <generic/fpu.h>
#include <generic/kdebug.h>
#include <generic/kip.h>
#include <generic/platform.h>
#include <generic/scheduler.h>
#include <generic/smp.h>
#include <generic/space.h>
#include <generic/tcb.h>
#include <x86/kernel_entry.h>

extern "C" char ia32_copy_user_start[], ia32_copy_user_words[], ia32_copy_user_end[], ia32_copy_user_words_fixup[],
    ia32_copy_user_fixup[];
#if CONFIG_FASTPATH
extern "C" char ia32_sysenter_general[];
extern "C" char ia32_fastpath_user_read[];
#endif

namespace arch {

void syscall_ipc(Frame* f);
void syscall_other(Frame* f);

namespace {

enum : Word { vec_breakpoint = 3, vec_invalid_opcode = 6, vec_no_fpu = 7, vec_page_fault = 14 };

enum : Word { pf_write = 1u << 1, pf_fetch = 1u << 4 };

NORETURN void kernel_fault(Frame* f)
{
    kprintf("\nkernel %s (vector %lu, error %lx) at eip %lx, cr2 %lx\n",
            x86::exception_name(f->vector), f->vector, f->error, f->eip,
            x86::read_cr2());
    dump_frame(*f);
    panic("unexpected exception in the kernel");
}

void user_trap(Frame* f)
{
    switch (f->vector) {
    case VECTOR_IPC:
        syscall_ipc(f);
        return;
    case VECTOR_SYSCALL:
        syscall_other(f);
        return;
    case vec_breakpoint:
        x86::kdebug_trap(f->eip, f->eax);
        return;
    case vec_invalid_opcode:
        if (!x86::kernel_interface(f->eip, f->eax, f->ecx, f->edx, f->esi))
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
    kprintf("  eax %08lx ebx %08lx ecx %08lx edx %08lx esi %08lx edi %08lx ebp %08lx\n"
            "  eip %08lx esp %08lx eflags %08lx cs %04lx\n",
            f.eax, f.ebx, f.ecx, f.edx, f.esi, f.edi, f.ebp, f.eip,
            f.from_user() ? f.user_esp : Word(&f.user_esp), f.eflags, f.cs);
}

Word user_access_fixup(Word ip)
{
    if (ip >= Word(ia32_copy_user_start) && ip < Word(ia32_copy_user_words))
        return Word(ia32_copy_user_words_fixup);
    if (ip >= Word(ia32_copy_user_words) && ip < Word(ia32_copy_user_end))
        return Word(ia32_copy_user_fixup);
#if CONFIG_FASTPATH
    if (ip == Word(ia32_fastpath_user_read))   // a local id whose UTCB is not mapped
        return Word(ia32_sysenter_general);
#endif
    return 0;
}

} // namespace arch

using namespace arch;

extern "C" void ia32_trap(Frame* f)
{
    if (!f->from_user()) {
        if (f->vector == vec_page_fault) {
            if (Word resume = user_access_fixup(f->eip)) {
                f->eip = resume;
                return;
            }
        }
        if (!x86::interrupt(f->vector))
            kernel_fault(f);
        return;
    }
    switch (f->vector) {
    case FRAME_RESUME:    // ia32_user_entry settled it (lipc_arch.cc)
        break;
    case FRAME_PREEMPT:
        yield();
        break;
    default:
        user_trap(f);
    }
    preemption_point();
}
