// MIPS exception dispatch: every general-exception entry (entry.S) lands
// in mips_exception() with the frame it built.
#include "trap.h"
#include "arch.h"
#include <generic/assert.h>
#include <generic/console.h>
#include <generic/exception.h>
#include <generic/fpage.h>
#include <generic/fpu.h>
#include <generic/platform.h>
#include <generic/scheduler.h>
#include <generic/space.h>
#include <generic/tcb.h>

extern "C" char mips_copy_user_start[], mips_copy_user_end[], mips_copy_user_fixup[];
extern "C" char mips_idle_wait_done[];

namespace arch {

Word user_access_fault_address;

namespace {

const char* const exception_names[32] = {
    "interrupt", "TLB modified", "TLB load miss", "TLB store miss", "address error on load",
    "address error on store", "bus error on fetch", "bus error on data", "system call", "breakpoint",
    "reserved instruction", "coprocessor unusable", "arithmetic overflow", "trap", "exception 14",
    "floating-point exception", "exception 16", "exception 17", "coprocessor 2 exception",
    "exception 19", "exception 20", "exception 21", "MDMX unusable", "watch", "machine check",
    "thread exception", "DSP unusable", "exception 27", "exception 28", "exception 29",
    "cache error", "exception 31",
};

NORETURN void kernel_fault(Frame* f)
{
    kprintf("\nkernel %s (exception %u) at epc %lx, badvaddr %lx\n", exception_names[f->exception_code()],
            f->exception_code(), f->epc, f->badvaddr);
    dump_frame(*f);
    panic("unexpected exception in the kernel");
}

// Hardware interrupts pending and enabled when the exception was taken:
// IP7 is the CP0 timer, IP2 the board's interrupt controller.
void interrupt(Frame* f)
{
    // An interrupt before the idle `wait` executed: do not sleep after it.
    if (f->epc >= reinterpret_cast<Word>(&mips_idle_wait) && f->epc < Word(mips_idle_wait_done))
        f->epc = Word(mips_idle_wait_done);
    u32 pending = u32(f->cause & f->status) >> CAUSE_IP_SHIFT & 0xff;
    if (pending & (1u << 7))
        timer_interrupt();
    for (unsigned line = 0; line < 7; line++)
        if ((pending & (1u << line)) != 0 && !platform::dispatch_interrupt(line))
            kprintf("Chestnut: unexpected interrupt line %u\n", line);
}

bool is_write(unsigned code) { return code == EXC_TLBS || code == EXC_MOD; }

// The "error" word of the exception message: the faulting address where
// the CPU reports one (address errors), else 0.
Word error_of(const Frame* f, unsigned code) { return code == EXC_ADEL || code == EXC_ADES ? f->badvaddr : 0; }

// A TLB exception in kernel mode: only the user-access routines may take
// one, on user memory; resolved or resumed at their fixup.
void kernel_tlb_fault(Frame* f, unsigned code)
{
    Word resume = user_access_fixup(f->epc);
    if (resume == 0 || f->badvaddr >= USER_END)
        kernel_fault(f);
    Tcb* self = Tcb::current();
    if (self->space != nullptr && resolve_soft_fault(self->space, f->badvaddr, is_write(code)))
        return;
    user_access_fault_address = f->badvaddr;
    f->epc = resume;
}

void user_tlb_fault(Frame* f, unsigned code)
{
    Tcb* self = Tcb::current();
    Word address = f->badvaddr;
    bool write = is_write(code);
    if (address < USER_END && resolve_soft_fault(self->space, address, write))
        return;
    // An instruction fetch faults on the address EPC names (or on the
    // delay slot after the branch EPC names).
    bool fetch = address == f->epc || (f->in_delay_slot() && address == f->epc + 4);
    user_page_fault(address, write ? Fpage::rights_w : fetch ? Fpage::rights_x : Fpage::rights_r);
}

void user_trap(Frame* f)
{
    unsigned code = f->exception_code();
    switch (code) {
    case EXC_INT:
        interrupt(f);
        return;
    case EXC_SYS:
        syscall(f);
        return;
    case EXC_BP:
        kdebug_break(f);
        return;
    case EXC_MOD:
    case EXC_TLBL:
    case EXC_TLBS:
        user_tlb_fault(f, code);
        return;
    case EXC_CPU:
        // Coprocessor 1 while the FPU belongs to another thread: lazy switch.
        if (((f->cause >> CAUSE_CE_SHIFT) & 3) == 1 && fpu_present) {
            if (!fpu_take_ownership())
                user_exception(code, 0, "coprocessor unusable (no memory for FPU state)");
            return;
        }
        user_exception(code, 0, exception_names[code]);
        return;
    default:
        user_exception(code, error_of(f, code), exception_names[code]);
        return;
    }
}

} // namespace

void dump_frame(const Frame& f)
{
    static const char* const names[32] = {"0",  "at", "v0", "v1", "a0", "a1", "a2", "a3", "a4", "a5", "a6",
                                          "a7", "t0", "t1", "t2", "t3", "s0", "s1", "s2", "s3", "s4", "s5",
                                          "s6", "s7", "t8", "t9", "k0", "k1", "gp", "sp", "s8", "ra"};
    for (unsigned r = 1; r < 32; r += 4) {
        for (unsigned i = r; i < r + 4 && i < 32; i++)
            kprintf("  %-2s %016lx", names[i], f.gpr[i]);
        kputs("\n");
    }
    kprintf("  epc %016lx status %08lx cause %08lx badvaddr %016lx\n", f.epc, f.status & 0xffffffff,
            f.cause & 0xffffffff, f.badvaddr);
}

Word user_access_fixup(Word ip)
{
    if (ip >= Word(mips_copy_user_start) && ip < Word(mips_copy_user_end))
        return Word(mips_copy_user_fixup);
    return 0;
}

} // namespace arch

using namespace arch;

extern "C" void mips_exception(Frame* f)
{
    if (!f->from_user()) {
        unsigned code = f->exception_code();
        if (code == EXC_INT)
            interrupt(f);
        else if (code == EXC_MOD || code == EXC_TLBL || code == EXC_TLBS)
            kernel_tlb_fault(f, code);
        else
            kernel_fault(f);
        return;
    }
    user_trap(f);
    preemption_point();
}
