// Kernel-entry handling that ia32 and amd64 share: exception names, the
// interrupts every x86 kernel takes (tick timer, IPIs, devices), the X.2
// x86 kdebug convention and the KernelInterface trap.  The ports pass the
// frame registers concerned (EIP/RIP, EAX/RAX, ...).
#pragma once

#include <generic/types.h>

namespace x86 {

[[nodiscard]] const char* exception_name(Word vector);

// Interrupt vectors with the same meaning on every x86 port: the local APIC
// timer and IPI, spurious interrupts, device lines (platform).  True when
// the vector was one of them (it is handled then).
[[nodiscard]] bool interrupt(Word vector);

// X.2 kdebug on x86: int3 followed by "jmp 2f; mov $string, %eax" (enter
// with a message) or "cmpb $op, %al" (an operation with its argument in
// the accumulator).  ip is the address after int3; the marker is skipped.
void kdebug_trap(Word& ip, Word& ax);

// KernelInterface: the invalid-opcode sequence "lock; nop" (X.2 x86)
// returns the KIP base, API version, API flags and kernel id.  False when
// the faulting instruction is something else.
[[nodiscard]] bool kernel_interface(Word& ip, Word& ax, Word& cx, Word& dx, Word& si);

// The port's registers that the shared handlers read and write.
struct UserRegisters {
    Word& ip;
    Word& ax;
    Word& cx;
    Word& dx;
    Word& si;
};

// A trap from user mode that is none of the port's system-call vectors:
// kdebug, KernelInterface, the lazy FPU, page faults, interrupts, and the
// exceptions the thread's handler gets.
void user_trap(Word vector, Word error, UserRegisters r);

// A trap in kernel mode: a user-access fault resumes at its fixup (the
// port adds its own in `port_fixup`, 0 for none) and interrupts are
// handled; false (after a line on the console) for anything else, which
// the port reports with its registers before it stops the kernel.
[[nodiscard]] bool kernel_trap(Word vector, Word error, Word& ip, Word port_fixup);

// Where a kernel fault at ip in x86_copy_user resumes, or 0.
[[nodiscard]] Word copy_user_fixup(Word ip);

} // namespace x86
