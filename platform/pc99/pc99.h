// pc99-internal interfaces between the board's files.
#pragma once

namespace platform::pc99 {
// Programs PIT channel 0 for a 1 kHz periodic interrupt 0 (masked until a
// user driver attaches to it).
void init_pit_channel0();
} // namespace platform::pc99
