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
#include <x86/lapic.h>

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

const char* const exception_names[32] = {
    "divide error", "debug", "NMI", "breakpoint", "overflow", "bound range exceeded",
    "invalid opcode", "device not available", "double fault", "coprocessor segment overrun",
    "invalid TSS", "segment not present", "stack fault", "general protection fault", "page fault",
    "reserved 15", "x87 floating-point error", "alignment check", "machine check",
    "SIMD floating-point error", "virtualization exception", "control protection",
    "reserved 22", "reserved 23", "reserved 24", "reserved 25", "reserved 26", "reserved 27",
    "reserved 28", "reserved 29", "reserved 30", "reserved 31",
};

enum : Word { vec_breakpoint = 3, vec_invalid_opcode = 6, vec_no_fpu = 7, vec_page_fault = 14 };

enum : Word { pf_write = 1u << 1, pf_fetch = 1u << 4 };

NORETURN void kernel_fault(Frame* f)
{
    kprintf("\nkernel %s (vector %lu, error %lx) at eip %lx, cr2 %lx\n",
            f->vector < 32 ? exception_names[f->vector] : "interrupt", f->vector, f->error, f->eip,
            x86::read_cr2());
    dump_frame(*f);
    panic("unexpected exception in the kernel");
}

// Interrupts: the tick timer and device lines; both user and kernel mode
// (the idle thread waits with interrupts on).
bool interrupt(Frame* f)
{
    if (f->vector == VECTOR_TIMER) {
        x86::lapic.eoi();
        timer_tick();
        return true;
    }
    if (f->vector == VECTOR_IPI) {
        x86::lapic.eoi();
        smp::serve_mailbox();
        return true;
    }
    if (f->vector == VECTOR_SPURIOUS)
        return true;
    return platform::dispatch_interrupt(f->vector);
}

// X.2 kdebug on x86: int3 followed by "jmp 2f; mov $string, %eax" (enter
// with a message) or "cmpb $op, %al" (an operation with its argument in eax).
void kdebug_trap(Frame* f)
{
    Tcb* t = Tcb::current();
    u8 code[7];
    if (!copy_from_user(code, f->eip, 2)) {
        kdebug(t, KdebugOp::Enter, 0);
        return;
    }
    if (code[0] == 0x3c) {   // cmpb $imm8, %al
        f->eip += 2;
        switch (code[1]) {
        case 0x00: kdebug(t, KdebugOp::PrintChar, f->eax & 0xff); return;
        case 0x01: kdebug(t, KdebugOp::PrintString, f->eax); return;
        case 0x08: f->eax = kdebug(t, KdebugOp::ReadChar, 0); return;
        case 0x0d: f->eax = kdebug(t, KdebugOp::ReadCharBlocking, 0); return;
        case 0x40: kdebug(t, KdebugOp::Shutdown, f->eax); return;
        case 0x41: f->eax = kdebug(t, KdebugOp::FreeKernelMemory, 0); return;
        case 0x42: f->eax = kdebug(t, KdebugOp::InterruptAfter, f->eax); return;
        case 0x43: f->eax = kdebug(t, KdebugOp::FaultAfter, f->eax); return;
        case 0x44: f->eax = kdebug(t, KdebugOp::LipcStatistics, f->eax); return;
        case 0x45: f->eax = kdebug(t, KdebugOp::InterruptsTaken, f->eax); return;
        case 0x46: f->eax = kdebug(t, KdebugOp::CurrentProcessor, 0); return;
        default: kdebug(t, KdebugOp::Enter, 0); return;   // ClearPage, ToggleBreakin, unknown
        }
    }
    Word message = 0;
    if (code[0] == 0xeb && copy_from_user(code, f->eip, 7) && code[2] == 0xb8)   // jmp; mov $imm32, %eax
        __builtin_memcpy(&message, &code[3], 4);
    kdebug(t, KdebugOp::Enter, message);
}

// KernelInterface: the invalid-opcode sequence "lock; nop" (X.2 x86).
bool kernel_interface(Frame* f)
{
    u8 code[2];
    if (!copy_from_user(code, f->eip, 2) || code[0] != 0xf0 || code[1] != 0x90)
        return false;
    Space* space = Tcb::current()->space;
    const Kip& k = kip();
    f->eax = space->kip_area.is_nil() ? 0 : space->kip_area.base();
    f->ecx = k.api_version;
    f->edx = k.api_flags;
    f->esi = reinterpret_cast<const Word*>(reinterpret_cast<const char*>(&k) + k.kernel_descriptor)[0];
    f->eip += 2;
    return true;
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
        kdebug_trap(f);
        return;
    case vec_invalid_opcode:
        if (!kernel_interface(f))
            user_exception(f->vector, f->error, exception_names[f->vector]);
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
        if (interrupt(f))
            return;
        if (f->vector < 32) {
            user_exception(f->vector, f->error, exception_names[f->vector]);
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
        if (!interrupt(f))
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
