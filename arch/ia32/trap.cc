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

#if CONFIG_FASTPATH
extern "C" char ia32_sysenter_general[];
extern "C" char ia32_fastpath_user_read[];
#endif

namespace arch {

void syscall_ipc(Frame* f);
void syscall_other(Frame* f);

namespace {

void user_trap(Frame* f)
{
    switch (f->vector) {
    case VECTOR_IPC:
        syscall_ipc(f);
        return;
    case VECTOR_SYSCALL:
        syscall_other(f);
        return;
    default:
        x86::user_trap(f->vector, f->error, {f->eip, f->eax, f->ecx, f->edx, f->esi});
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
#if CONFIG_FASTPATH
    if (ip == Word(ia32_fastpath_user_read))   // a local id whose UTCB is not mapped
        return Word(ia32_sysenter_general);
#endif
    return x86::copy_user_fixup(ip);
}

} // namespace arch

using namespace arch;

extern "C" void ia32_trap(Frame* f)
{
    if (!f->from_user()) {
        if (!x86::kernel_trap(f->vector, f->error, f->eip, user_access_fixup(f->eip))) {
            dump_frame(*f);
            panic("unexpected exception in the kernel");
        }
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
