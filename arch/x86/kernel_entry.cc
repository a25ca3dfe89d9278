#include "kernel_entry.h"
#include "lapic.h"
#include <arch.h>
#include <generic/console.h>
#include <generic/exception.h>
#include <generic/fpage.h>
#include <generic/fpu.h>
#include <generic/kdebug.h>
#include <generic/kip.h>
#include <generic/platform.h>
#include <generic/scheduler.h>
#include <generic/smp.h>
#include <generic/space.h>
#include <generic/tcb.h>

extern "C" char x86_copy_user_start[], x86_copy_user_words[], x86_copy_user_end[], x86_copy_user_words_fixup[],
    x86_copy_user_fixup[];

namespace x86 {

namespace {

enum : Word { vec_breakpoint = 3, vec_invalid_opcode = 6, vec_no_fpu = 7, vec_page_fault = 14 };
enum : Word { pf_write = 1u << 1, pf_fetch = 1u << 4 };

const char* const exception_names[32] = {
    "divide error", "debug", "NMI", "breakpoint", "overflow", "bound range exceeded",
    "invalid opcode", "device not available", "double fault", "coprocessor segment overrun",
    "invalid TSS", "segment not present", "stack fault", "general protection fault", "page fault",
    "reserved 15", "x87 floating-point error", "alignment check", "machine check",
    "SIMD floating-point error", "virtualization exception", "control protection",
    "reserved 22", "reserved 23", "reserved 24", "reserved 25", "reserved 26", "reserved 27",
    "reserved 28", "reserved 29", "reserved 30", "reserved 31",
};
} // namespace

const char* exception_name(Word vector) { return vector < 32 ? exception_names[vector] : "interrupt"; }

bool interrupt(Word vector)
{
    if (vector == VECTOR_TIMER) {
        lapic.eoi();
        timer_tick();
        return true;
    }
    if (vector == VECTOR_IPI) {
        lapic.eoi();
        smp::serve_mailbox();
        return true;
    }
    if (vector == VECTOR_SPURIOUS)
        return true;
    return platform::dispatch_interrupt(vector);
}

void kdebug_trap(Word& ip, Word& ax)
{
    Tcb* t = Tcb::current();
    u8 code[7];
    if (!arch::copy_from_user(code, ip, 2)) {
        kdebug(t, KdebugOp::Enter, 0);
        return;
    }
    if (code[0] == 0x3c) {   // cmpb $imm8, %al
        ip += 2;
        // Single-stepping and LIPC statistics exist where the port has LIPC.
        bool lipc_ops = arch::has_lipc;
        switch (code[1]) {
        case 0x00: kdebug(t, KdebugOp::PrintChar, ax & 0xff); return;
        case 0x01: kdebug(t, KdebugOp::PrintString, ax); return;
        case 0x08: ax = kdebug(t, KdebugOp::ReadChar, 0); return;
        case 0x0d: ax = kdebug(t, KdebugOp::ReadCharBlocking, 0); return;
        case 0x40: kdebug(t, KdebugOp::Shutdown, ax); return;
        case 0x41: ax = kdebug(t, KdebugOp::FreeKernelMemory, 0); return;
        case 0x42: if (lipc_ops) { ax = kdebug(t, KdebugOp::InterruptAfter, ax); return; } break;
        case 0x43: if (lipc_ops) { ax = kdebug(t, KdebugOp::FaultAfter, ax); return; } break;
        case 0x44: if (lipc_ops) { ax = kdebug(t, KdebugOp::LipcStatistics, ax); return; } break;
        case 0x45: ax = kdebug(t, KdebugOp::InterruptsTaken, ax); return;
        case 0x46: ax = kdebug(t, KdebugOp::CurrentProcessor, 0); return;
        default: break;
        }
        kdebug(t, KdebugOp::Enter, 0);   // ClearPage, ToggleBreakin, unknown
        return;
    }
    Word message = 0;
    if (code[0] == 0xeb && arch::copy_from_user(code, ip, 7) && code[2] == 0xb8)   // jmp; mov $imm32, %eax
        __builtin_memcpy(&message, &code[3], 4);
    kdebug(t, KdebugOp::Enter, message);
}

bool kernel_interface(Word& ip, Word& ax, Word& cx, Word& dx, Word& si)
{
    u8 code[2];
    if (!arch::copy_from_user(code, ip, 2) || code[0] != 0xf0 || code[1] != 0x90)
        return false;
    Space* space = Tcb::current()->space;
    const Kip& k = kip();
    ax = space->kip_area.is_nil() ? 0 : space->kip_area.base();
    cx = k.api_version;
    dx = k.api_flags;
    si = reinterpret_cast<const Word*>(reinterpret_cast<const char*>(&k) + k.kernel_descriptor)[0];
    ip += 2;
    return true;
}

void user_trap(Word vector, Word error, UserRegisters r)
{
    switch (vector) {
    case vec_breakpoint:
        kdebug_trap(r.ip, r.ax);
        return;
    case vec_invalid_opcode:
        if (!kernel_interface(r.ip, r.ax, r.cx, r.dx, r.si))
            user_exception(vector, error, exception_name(vector));
        return;
    case vec_no_fpu:
        if (!fpu_take_ownership())
            user_exception(vector, error, "device not available (no memory for FPU state)");
        return;
    case vec_page_fault: {
        Word access = (error & pf_write) != 0   ? Fpage::rights_w
                      : (error & pf_fetch) != 0 ? Fpage::rights_x
                                                : Fpage::rights_r;
        user_page_fault(read_cr2(), access);
        return;
    }
    default:
        if (interrupt(vector))
            return;
        if (vector < 32) {
            user_exception(vector, error, exception_name(vector));
            return;
        }
        kprintf("Chestnut: unexpected interrupt vector %lu in thread %lx\n", vector, Tcb::current()->global_id.raw());
    }
}

Word copy_user_fixup(Word ip)
{
    if (ip >= Word(x86_copy_user_start) && ip < Word(x86_copy_user_words))
        return Word(x86_copy_user_words_fixup);
    if (ip >= Word(x86_copy_user_words) && ip < Word(x86_copy_user_end))
        return Word(x86_copy_user_fixup);
    return 0;
}

bool kernel_trap(Word vector, Word error, Word& ip, Word port_fixup)
{
    if (vector == vec_page_fault) {
        Word resume = port_fixup != 0 ? port_fixup : copy_user_fixup(ip);
        if (resume != 0) {
            ip = resume;
            return true;
        }
    }
    if (interrupt(vector))
        return true;
    kprintf("\nkernel %s (vector %lu, error %lx) at ip %lx, cr2 %lx\n", exception_name(vector), vector, error, ip,
            read_cr2());
    return false;
}

} // namespace x86
