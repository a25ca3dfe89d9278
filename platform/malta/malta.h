// QEMU Malta board internals shared by the board's files.  The PIIX4
// south bridge's ISA I/O ports appear through the GT-64120's PCI I/O
// window at physical 0x18000000 (the window QEMU's boot loader sets up,
// as YAMON does); the kernel reaches them uncached through CKSEG1.
#pragma once

#include <arch.h>
#include <generic/types.h>

namespace platform::malta {

inline constexpr Paddr isa_io_base = 0x18000000;
inline constexpr Paddr fpga_base = 0x1f000000;

// ISA port access for the drivers in platform/isa.
struct IsaIo {
    static volatile u8* port(u16 p) { return arch::phys_to_uncached<volatile u8>(isa_io_base + p); }
    static u8 in(u16 p) { return *port(p); }
    static void out(u16 p, u8 v) { *port(p) = v; }
};

// The i8259 line of COM1: the kernel's break-in key unless a driver claims it.
inline constexpr unsigned console_irq = 4;
// The CPU interrupt line (Cause.IP2) the i8259 pair drives.
inline constexpr unsigned i8259_cpu_line = 2;

// Programs PIT channel 0 for a 1 kHz periodic interrupt 0 (masked until a
// user driver attaches to it); it also paces calibration_delay().
void init_pit_channel0();

} // namespace platform::malta
