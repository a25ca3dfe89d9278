// The system clock: microseconds since boot, from the arch cycle counter
// calibrated against the platform timer at boot.
#pragma once

#include "types.h"

// Cycles to microseconds by multiply and shift: us = cycles * mult >> shift,
// with mult chosen once (the largest shift that keeps mult in 32 bits), so
// reading the clock costs a few multiplies instead of a 64-bit division
// (which 32-bit ports would do bit by bit).  The relative error is below
// 2^-30 of the reading (mult has at least 30 significant bits).
class CycleScale {
public:
    constexpr CycleScale() = default;
    explicit CycleScale(u64 cycles_per_ms);

    [[nodiscard]] u64 to_us(u64 cycles) const;
    [[nodiscard]] u32 mult() const { return mult_; }
    [[nodiscard]] unsigned shift() const { return shift_; }

private:
    u32 mult_ = 1;
    unsigned shift_ = 0;
};

class Clock {
public:
    void init(u64 cycles_per_ms);
    [[nodiscard]] u64 now_us() const;
    [[nodiscard]] u64 cycles_per_us() const { return cycles_per_ms_ / 1000; }

private:
    u64 boot_cycles_ = 0;
    u64 cycles_per_ms_ = 1000000;
    CycleScale scale_;
};

extern Clock system_clock;

// 64-bit division helpers for 32-bit ports (no libgcc in the kernel).
[[nodiscard]] u64 udiv64(u64 n, u64 d);
