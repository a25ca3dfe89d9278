// The CP0 timer: Count runs at a fixed rate (half the pipeline clock on
// most cores; QEMU derives it from the board clock) and raises hardware
// interrupt 5 (IP7) when it equals Compare.  Count is the cycle counter,
// widened to 64 bits in software; Compare is the tick timer.
#include "arch.h"
#include <generic/platform.h>
#include <generic/scheduler.h>

namespace arch {

namespace {

struct CountState {
    u64 high = 0;        // the bits above the 32 Count has
    u32 last = 0;        // Count at the last read, to see it wrap
    u32 period = 0;      // Count ticks per timer interrupt
    u32 next = 0;        // the Compare value armed
};

CountState count_state[CONFIG_MAX_CPUS];
u64 counts_per_ms = 0;
constexpr unsigned calibration_ms = 10;

} // namespace

u64 cycles()
{
    // Count wraps every few seconds; it is read at least every tick, so a
    // smaller value than last time means exactly one wrap.
    bool was_on = interrupts_enabled();
    if (was_on)
        disable_interrupts();
    CountState& c = count_state[current_cpu()];
    u32 now = mips::read_count();
    if (now < c.last)
        c.high += u64(1) << 32;
    c.last = now;
    u64 result = c.high | now;
    if (was_on)
        enable_interrupts();
    return result;
}

u64 calibrate_cycles_per_ms()
{
    u32 start = mips::read_count();
    platform::calibration_delay(calibration_ms);
    u32 elapsed = mips::read_count() - start;
    counts_per_ms = elapsed / calibration_ms;
    return counts_per_ms;
}

Word timer_khz() { return Word(counts_per_ms); }

void start_tick_timer(unsigned period_us)
{
    CountState& c = count_state[current_cpu()];
    u64 period = counts_per_ms * period_us / 1000;
    c.period = period != 0 ? u32(period) : 1;
    c.next = mips::read_count() + c.period;
    mips::write_compare(c.next);
    mips::write_status(mips::read_status() | ST_IM7);
}

// Hardware interrupt 5: acknowledges by writing Compare (the next tick,
// without drift unless ticks were missed) and runs the scheduler's tick.
void timer_interrupt()
{
    CountState& c = count_state[current_cpu()];
    u32 now = mips::read_count();
    c.next += c.period;
    if (s32(c.next - now) <= 0)
        c.next = now + c.period;   // missed ticks are dropped, not replayed
    mips::write_compare(c.next);
    (void)cycles();                // keep the 64-bit extension current
    timer_tick();
}

} // namespace arch
