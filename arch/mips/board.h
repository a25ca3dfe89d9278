// What the MIPS port needs from the board beyond the platform contract
// (kernel/generic/platform.h); platform/<board>/ defines it.
#pragma once

#include <generic/boot_info.h>

namespace mips {

// Physical ranges of the devices the kernel drives itself; sigma0 may not
// own them.
extern const MemoryRange board_device_ranges[];
extern const unsigned board_device_range_count;

} // namespace mips
