// The clock's cycles-to-microseconds scaling against exact division.
#include <generic/clock.h>
#include <gtest/gtest.h>

namespace {

unsigned __int128 exact_us(u64 cycles, u64 cycles_per_ms)
{
    return (static_cast<unsigned __int128>(cycles) * 1000) / cycles_per_ms;
}

void expect_close(u64 cycles_per_ms, u64 cycles)
{
    CycleScale s(cycles_per_ms);
    u64 got = s.to_us(cycles);
    auto want = static_cast<u64>(exact_us(cycles, cycles_per_ms));
    // Truncating mult loses at most one part in 2^30 of the reading, plus one.
    u64 slack = want / (u64(1) << 30) + 1;
    EXPECT_LE(got, want) << cycles_per_ms << " " << cycles;
    EXPECT_GE(got + slack, want) << cycles_per_ms << " " << cycles;
}

TEST(Clock, ScaleMatchesDivisionAcrossFrequencies)
{
    const u64 rates[] = {1, 999, 1000, 62495, 999000, 1000000, 3400000, 5000000000ull};
    const u64 readings[] = {0, 1, 999, 1000000, 0xffffffffull, 0x100000000ull, 123456789012345ull,
                            u64(1) << 60};
    for (u64 r : rates)
        for (u64 c : readings)
            expect_close(r, c);
}

TEST(Clock, ScaleIsMonotonic)
{
    CycleScale s(999123);
    u64 last = 0;
    for (u64 c = 0; c < 5000000; c += 997) {
        u64 us = s.to_us(c);
        EXPECT_GE(us, last);
        last = us;
    }
}

TEST(Clock, MultiplierFitsAndShiftIsLarge)
{
    CycleScale s(1000000);   // 1 GHz
    EXPECT_GE(s.shift(), 40u);
    EXPECT_GT(s.mult(), 1u << 31);
}

} // namespace
