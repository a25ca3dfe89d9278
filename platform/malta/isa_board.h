// How Malta reaches its ISA devices, for the shared drivers in
// platform/isa: the PIIX4's ISA ports appear through the GT-64120's PCI
// I/O window at physical 0x18000000 (the window QEMU's boot loader sets
// up, as YAMON does), uncached through CKSEG1.
#pragma once

#include <arch.h>
#include <generic/types.h>

namespace isa {

inline constexpr Paddr malta_io_base = 0x18000000;

struct BoardIo {
    static volatile u8* port(u16 p) { return arch::phys_to_uncached<volatile u8>(malta_io_base + p); }
    static u8 in(u16 p) { return *port(p); }
    static void out(u16 p, u8 v) { *port(p) = v; }
};

// COM1's i8259 line: the kernel's break-in key unless a driver claims it.
inline constexpr unsigned console_irq = 4;

} // namespace isa
