// The 8254 PIT: calibration delays (channel 2, gated, no interrupt) and a
// 1 kHz periodic channel 0 that user drivers may attach to as interrupt 0.
#include <generic/platform.h>
#include "pc99.h"
#include <isa/i8254.h>
#include <isa_board.h>
#include <x86/io.h>

namespace {
using Pit = isa::I8254<isa::BoardIo>;
constexpr u16 port_b = 0x61;
} // namespace

namespace platform {

void calibration_delay(unsigned ms)
{
    // Channel 2 in mode 0 counts down once; OUT2 (port B bit 5) goes high at 0.
    u32 count = Pit::hz * ms / 1000;
    x86::outb(port_b, u8((x86::inb(port_b) & ~0x02u) | 0x01u));   // gate on, speaker off
    x86::outb(Pit::command, 0xb0);                                  // ch2, lo/hi, mode 0
    x86::outb(Pit::ch2_data, u8(count));
    x86::outb(Pit::ch2_data, u8(count >> 8));
    while ((x86::inb(port_b) & 0x20) == 0) {
    }
}

void pc99::init_pit_channel0() { Pit::start_channel0(1000); }

} // namespace platform
