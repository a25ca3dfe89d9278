// How pc99 reaches its ISA devices, for the shared drivers in platform/isa.
#pragma once

#include <x86/io.h>

namespace isa {

// x86 port instructions.
struct BoardIo {
    static u8 in(u16 port) { return x86::inb(port); }
    static void out(u16 port, u8 v) { x86::outb(port, v); }
};

// COM1's i8259 line: the kernel's break-in key unless a driver claims it.
inline constexpr unsigned console_irq = 4;

} // namespace isa
