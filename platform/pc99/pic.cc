// pc99 interrupts: the 8259A pair remapped to vectors 0x20-0x2f (the
// shared driver: platform/isa/pic.cc).
#include "pc99.h"
#include <arch.h>
#include <generic/platform.h>
#include <isa/pic.h>

namespace platform {

void init_interrupts()
{
    isa::pics.init(VECTOR_IRQ_BASE);
    pc99::init_pit_channel0();
}

bool dispatch_interrupt(Word vector)
{
    if (vector < VECTOR_IRQ_BASE || vector >= VECTOR_IRQ_BASE + 16)
        return false;
    return isa::deliver_interrupt(unsigned(vector - VECTOR_IRQ_BASE));
}

} // namespace platform
