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

} // namespace x86
