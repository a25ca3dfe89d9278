// The system clock: microseconds since boot, from the arch cycle counter
// calibrated against the platform timer at boot.
#pragma once

#include "types.h"

class Clock {
public:
    void init(u64 cycles_per_ms);
    [[nodiscard]] u64 now_us() const;
    [[nodiscard]] u64 cycles_per_us() const { return cycles_per_ms_ / 1000; }

private:
    u64 boot_cycles_ = 0;
    u64 cycles_per_ms_ = 1000000;
};

extern Clock system_clock;

// 64-bit division helpers for 32-bit ports (no libgcc in the kernel).
[[nodiscard]] u64 udiv64(u64 n, u64 d);
