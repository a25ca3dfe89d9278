#include "clock.h"
#include "arch_contract.h"

Clock system_clock;

void Clock::init(u64 cycles_per_ms)
{
    cycles_per_ms_ = cycles_per_ms != 0 ? cycles_per_ms : 1;
    boot_cycles_ = arch::cycles();
}

u64 Clock::now_us() const
{
    return udiv64((arch::cycles() - boot_cycles_) * 1000, cycles_per_ms_);
}

u64 udiv64(u64 n, u64 d)
{
    if constexpr (word_bits == 64) {
        return n / d;
    } else {
        if (d >> 32 == 0 && n >> 32 == 0)
            return u32(n) / u32(d);
        // Shift-subtract: only the clock and statistics take this path.
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
