// The PIIX4's 8254: a 1 kHz periodic channel 0 that user drivers may attach
// to as interrupt 0; at boot it first times the calibration delay (the
// line is masked then).
#include "malta.h"
#include <generic/platform.h>
#include <isa/i8254.h>

namespace {
using Pit = isa::I8254<isa::BoardIo>;
} // namespace

namespace platform {

void malta::init_pit_channel0() { Pit::start_channel0(1000); }

void calibration_delay(unsigned ms)
{
    Pit::delay_channel0(ms);
    malta::init_pit_channel0();
}

} // namespace platform
