// QEMU Malta board internals shared by the board's files.
#pragma once

#include <arch.h>
#include <generic/types.h>
#include <isa_board.h>

namespace platform::malta {

inline constexpr Paddr isa_io_base = isa::malta_io_base;
inline constexpr Paddr fpga_base = 0x1f000000;

// The CPU interrupt line (Cause.IP2) the i8259 pair drives.
inline constexpr unsigned i8259_cpu_line = 2;

// Programs PIT channel 0 for a 1 kHz periodic interrupt 0 (masked until a
// user driver attaches to it); it also paces calibration_delay().
void init_pit_channel0();

} // namespace platform::malta
