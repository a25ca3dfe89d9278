#include "clock.h"
#include "arch_contract.h"

Clock system_clock;

CycleScale::CycleScale(u64 cycles_per_ms)
{
    if (cycles_per_ms == 0)
        cycles_per_ms = 1;
    // mult = 1000 * 2^shift / cycles_per_ms < 2^32, shift as large as allowed.
    for (unsigned s = 63; s > 0; s--) {
        if (s >= 54)   // 1000 << s would overflow 64 bits
            continue;
        u64 m = udiv64(u64(1000) << s, cycles_per_ms);
        if (m < (u64(1) << 32)) {
            mult_ = u32(m);
            shift_ = s;
            return;
        }
    }
    mult_ = u32(udiv64(1000, cycles_per_ms));
    shift_ = 0;
}

u64 CycleScale::to_us(u64 cycles) const
{
    // The 96-bit product cycles * mult, as hi * 2^32 + lo, shifted right.
    u64 lo = u64(u32(cycles)) * mult_;
    u64 hi = (cycles >> 32) * mult_;
    if (shift_ >= 32)
        return (hi + (lo >> 32)) >> (shift_ - 32);
    return (hi << (32 - shift_)) + (lo >> shift_);
}

void Clock::init(u64 cycles_per_ms)
{
    cycles_per_ms_ = cycles_per_ms != 0 ? cycles_per_ms : 1;
    scale_ = CycleScale(cycles_per_ms_);
    boot_cycles_ = arch::cycles();
}

u64 Clock::now_us() const { return scale_.to_us(arch::cycles() - boot_cycles_); }

u64 udiv64(u64 n, u64 d)
{
    if constexpr (word_bits == 64) {
        return n / d;
    } else {
        if (d >> 32 == 0 && n >> 32 == 0)
            return u32(n) / u32(d);
        // Shift-subtract: only boot-time calibration takes this path.
        u64 q = 0, r = 0;
        for (int i = 63; i >= 0; i--) {
            r = (r << 1) | ((n >> i) & 1);
            if (r >= d) {
                r -= d;
                q |= u64(1) << i;
            }
        }
        return q;
    }
}
