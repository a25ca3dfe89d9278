// The Malta devices the kernel drives itself, which sigma0 may not own:
// the first page of ISA I/O space (PICs, PIT, COM1), the GT-64120 system
// controller's registers and the FPGA (reset register).
#include "malta.h"
#include <board.h>
#include <generic/platform.h>

const MemoryRange mips::board_device_ranges[] = {
    {platform::malta::isa_io_base, platform::malta::isa_io_base + 0x1000},
    {0x1be00000, 0x1be01000},
    {platform::malta::fpga_base, platform::malta::fpga_base + 0x1000},
};
const unsigned mips::board_device_range_count = sizeof board_device_ranges / sizeof board_device_ranges[0];

namespace platform {

// The Malta board as QEMU models it for this port: one CPU, which the
// board cannot enumerate.
unsigned cpu_hw_ids(u32*, unsigned) { return 0; }

} // namespace platform
