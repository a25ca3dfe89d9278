// The 8254 programmable interval timer of a PC-style south bridge.  Io as
// in uart16550.h.
#pragma once

#include <generic/types.h>

namespace isa {

template <class Io> struct I8254 {
    static constexpr u32 hz = 1193182;

    // Channel 0 as a rate generator (mode 2): interrupt 0 `rate_hz` times a second.
    static void start_channel0(u32 rate_hz)
    {
        u32 count = hz / rate_hz;
        Io::out(command, 0x34);   // ch0, lo/hi, mode 2
        Io::out(ch0_data, u8(count));
        Io::out(ch0_data, u8(count >> 8));
    }

    // Busy-waits `ms` milliseconds (at most 54) with channel 0 counting
    // down once (mode 0) and its output read back; channel 0 is left idle.
    static void delay_channel0(unsigned ms)
    {
        u32 count = hz * ms / 1000;
        Io::out(command, 0x30);   // ch0, lo/hi, mode 0: OUT goes high at zero
        Io::out(ch0_data, u8(count));
        Io::out(ch0_data, u8(count >> 8));
        for (;;) {
            Io::out(command, 0xe2);   // read-back: status of ch0
            if ((Io::in(ch0_data) & 0x80) != 0)
                return;
        }
    }

    static constexpr u16 ch0_data = 0x40, ch2_data = 0x42, command = 0x43;
};

} // namespace isa
