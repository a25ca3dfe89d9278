// The kdebug interface on MIPS: `break CODE` (syscall_numbers.h) with the
// argument in a0 and the result in v0, the counterpart of the X.2 x86
// "int3; cmpb $op, %al" markers.  Any other `break` is a breakpoint
// exception for the thread's exception handler.
#include "arch.h"
#include "syscall_numbers.h"
#include "trap.h"
#include <generic/exception.h>
#include <generic/kdebug.h>
#include <generic/tcb.h>

namespace arch {

namespace {

// The code field of a `break` instruction (SPECIAL, function 0x0d), or -1.
long break_code(u32 insn)
{
    if ((insn & 0xfc00003f) != 0x0000000d)
        return -1;
    return long((insn >> 16) & 0x3ff);
}

bool op_of(long code, KdebugOp& op)
{
    switch (code) {
    case KDEBUG_BREAK_PRINT_CHAR: op = KdebugOp::PrintChar; return true;
    case KDEBUG_BREAK_PRINT_STRING: op = KdebugOp::PrintString; return true;
    case KDEBUG_BREAK_READ_CHAR: op = KdebugOp::ReadChar; return true;
    case KDEBUG_BREAK_READ_CHAR_WAIT: op = KdebugOp::ReadCharBlocking; return true;
    case KDEBUG_BREAK_SHUTDOWN: op = KdebugOp::Shutdown; return true;
    case KDEBUG_BREAK_FREE_PAGES: op = KdebugOp::FreeKernelMemory; return true;
    case KDEBUG_BREAK_IRQS_TAKEN: op = KdebugOp::InterruptsTaken; return true;
    case KDEBUG_BREAK_CURRENT_CPU: op = KdebugOp::CurrentProcessor; return true;
    case KDEBUG_BREAK_ENTER: op = KdebugOp::Enter; return true;
    default: return false;
    }
}

} // namespace

void kdebug_break(Frame* f)
{
    u32 insn = 0;
    KdebugOp op;
    if (f->in_delay_slot() || !copy_from_user(&insn, f->epc, sizeof insn) || !op_of(break_code(insn), op)) {
        user_exception(EXC_BP, 0, "breakpoint");
        return;
    }
    f->epc += 4;
    f->gpr[v0] = kdebug(Tcb::current(), op, f->gpr[a0]);
}

} // namespace arch
