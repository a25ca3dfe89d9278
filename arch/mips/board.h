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

namespace arch {

// The contract's view: the kernel's own devices, all of them the board's.
template <class F> inline void for_each_kernel_device_range(F f)
{
    for (unsigned i = 0; i < mips::board_device_range_count; i++)
        f(mips::board_device_ranges[i].base, mips::board_device_ranges[i].end);
}

} // namespace arch
