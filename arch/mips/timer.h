// The CP0 timer (timer.cc): Count as the 64-bit cycle counter, Compare
// as the per-CPU tick.
#pragma once

#include <generic/types.h>

namespace arch {

[[nodiscard]] u64 cycles();
// Count ticks per millisecond, measured against the board's timer.
[[nodiscard]] u64 calibrate_cycles_per_ms();
void start_tick_timer(unsigned period_us);
[[nodiscard]] Word timer_khz();
// Hardware interrupt 5: acknowledges Compare and runs the scheduler's tick.
void timer_interrupt();

} // namespace arch
