// The MIPS register frame: what every kernel entry saves (entry.S).  A
// thread entered from user mode has it at the top of its kernel stack
// (Tcb::user_frame()).  MIPS stacks nothing in hardware, so the frame holds
// every general register by number, HI/LO and the CP0 exception state.
#pragma once

#include "cp0.h"
#include "frame_layout.h"
#include <generic/types.h>

namespace arch {

// n64 register numbers.
enum Reg : unsigned {
    at = 1, v0 = 2, v1 = 3, a0 = 4, a1 = 5, a2 = 6, a3 = 7, a4 = 8, a5 = 9, a6 = 10, a7 = 11,
    t0 = 12, t1 = 13, t2 = 14, t3 = 15, s0 = 16, s7 = 23, t8 = 24, t9 = 25, k0 = 26, k1 = 27,
    gp = 28, sp = 29, s8 = 30, ra = 31,
};

struct Frame {
    Word gpr[32];
    Word hi, lo;
    Word epc, status, cause, badvaddr;

    [[nodiscard]] bool from_user() const { return (status & ST_KSU_USER) != 0; }
    [[nodiscard]] Word ip() const { return epc; }
    [[nodiscard]] Word sp() const { return gpr[Reg::sp]; }
    // MIPS has no user-visible flags register: X.2 flags read as 0 and
    // writes are ignored.
    [[nodiscard]] Word flags() const { return 0; }
    void set_ip(Word ip) { epc = ip; }
    void set_sp(Word v) { gpr[Reg::sp] = v; }
    void set_flags(Word) {}

    [[nodiscard]] unsigned exception_code() const { return unsigned((cause & CAUSE_EXC_MASK) >> CAUSE_EXC_SHIFT); }
    [[nodiscard]] bool in_delay_slot() const { return (cause & CAUSE_BD) != 0; }
    Word& operator[](Reg r) { return gpr[r]; }
    Word operator[](Reg r) const { return gpr[r]; }
};

static_assert(sizeof(Frame) == FRAME_SIZE && FRAME_SIZE % 16 == 0, "entry.S depends on this layout");
static_assert(__builtin_offsetof(Frame, epc) == FRAME_EPC && __builtin_offsetof(Frame, badvaddr) == FRAME_BADVADDR);

} // namespace arch
