// The amd64 register frame: what every kernel entry saves on the kernel
// stack.  Entries from user mode always start on an empty kernel stack, so a
// user thread's frame sits at the top of its TCB page (Tcb::user_frame());
// the syscall entry (syscall.S) builds the same layout by hand.
#pragma once

#include "layout.h"
#include <generic/types.h>

namespace arch {

struct Frame {
    // pushed by the entry stubs, lowest address first
    Word r15, r14, r13, r12, r11, r10, r9, r8, rbp, rdi, rsi, rdx, rcx, rbx, rax;
    Word vector;   // interrupt vector, or FRAME_SYSCALL
    Word error;    // CPU error code, 0 where the CPU pushes none
    // the CPU's interrupt frame (64-bit mode always pushes SS:RSP)
    Word rip, cs, rflags, user_rsp, user_ss;

    [[nodiscard]] bool from_user() const { return (cs & 3) == 3; }
    [[nodiscard]] Word ip() const { return rip; }
    [[nodiscard]] Word sp() const { return user_rsp; }
    [[nodiscard]] Word flags() const { return rflags; }
    // Changing IP, SP or flags makes the thread leave by iretq: sysretq
    // would clobber RCX and R11, which are only dead after a syscall.
    void set_ip(Word ip) { rip = ip; vector = 0; }
    void set_sp(Word sp) { user_rsp = sp; vector = 0; }
    // User-visible flags only; IF stays on and IOPL at 0 whatever the user asks.
    void set_flags(Word f) { rflags = (f & user_flags_mask) | fixed_user_flags; vector = 0; }
    // A frame the syscall entry built (vector FRAME_SYSCALL) leaves by sysretq.
    [[nodiscard]] bool leaves_by_sysret() const { return vector == FRAME_SYSCALL; }

    static constexpr Word user_flags_mask = 0x00000cd5;   // CF PF AF ZF SF DF OF
    static constexpr Word fixed_user_flags = 0x00000202;  // IF and the always-one bit
};

static_assert(sizeof(Frame) == 22 * 8, "entry.S and syscall.S depend on this layout");
static_assert(sizeof(Frame) % 16 == 0, "the frame keeps the kernel stack 16-byte aligned");

// Canonical 48-bit addresses in the user half: what sysretq and iretq may
// return to without faulting in the kernel (the sysret pitfall).
[[nodiscard]] constexpr bool is_user_ip(Word ip) { return ip < USER_END; }

} // namespace arch
