// The ia32 register frame: what every kernel entry saves on the kernel stack.
// Entries from user mode always start on an empty kernel stack, so a user
// thread's frame sits at the top of its TCB page (Tcb::user_frame()); the
// sysenter path builds the same layout by hand.
#pragma once

#include "layout.h"
#include <generic/types.h>

namespace arch {

struct Frame {
    // pushal order, lowest address first
    Word edi, esi, ebp, esp_at_pusha, ebx, edx, ecx, eax;
    Word vector;   // interrupt vector, or FRAME_SYSENTER
    Word error;    // CPU error code, 0 where the CPU pushes none
    Word eip, cs, eflags;
    Word user_esp, user_ss;   // only pushed on entry from user mode

    [[nodiscard]] bool from_user() const { return (cs & 3) == 3; }
    [[nodiscard]] Word ip() const { return eip; }
    [[nodiscard]] Word sp() const { return user_esp; }
    [[nodiscard]] Word flags() const { return eflags; }
    // Changing IP, SP or flags makes the thread leave by iret: sysexit
    // would keep the kernel's flags and clobber ECX and EDX.
    void set_ip(Word ip) { eip = ip; vector = 0; }
    void set_sp(Word sp) { user_esp = sp; vector = 0; }
    // User-visible flags only; IF stays on and IOPL at 0 whatever the user asks.
    void set_flags(Word f) { eflags = (f & user_flags_mask) | fixed_user_flags; vector = 0; }
    // A frame the sysenter entry built (vector FRAME_SYSENTER) leaves by sysexit.
    [[nodiscard]] bool leaves_by_sysexit() const { return vector == FRAME_SYSENTER; }

    static constexpr Word user_flags_mask = 0x00000cd5;   // CF PF AF ZF SF DF OF
    static constexpr Word fixed_user_flags = 0x00000202;  // IF and the always-one bit
};

static_assert(sizeof(Frame) == 15 * 4, "entry.S and the sysenter path depend on this layout");

} // namespace arch
