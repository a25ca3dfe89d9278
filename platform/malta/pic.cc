// Malta interrupts: the PIIX4's 8259A pair drives CPU interrupt line 2
// (the shared driver: platform/isa/pic.cc).  MIPS has no
// interrupt-acknowledge cycle that delivers a vector, so the line number
// comes from the PIC's poll command.
#include "malta.h"
#include <generic/platform.h>
#include <isa/pic.h>

namespace platform {

void init_interrupts()
{
    isa::pics.init(0);   // the vector base is unused in poll mode
    malta::init_pit_channel0();
}

bool dispatch_interrupt(Word line)
{
    if (line != malta::i8259_cpu_line)
        return false;
    int irq = isa::pics.poll();
    return irq < 0 || isa::deliver_interrupt(unsigned(irq));   // nothing pending: withdrawn or spurious
}

unsigned irq_count() { return isa::pics.lines; }
bool irq_exists(unsigned irq) { return irq < isa::pics.lines && irq != isa::pics.cascade_line; }
void irq_mask(unsigned irq) { isa::pics.mask(irq); }
void irq_unmask(unsigned irq) { isa::pics.unmask(irq); }
void irq_route(unsigned, u32) {}   // one CPU

} // namespace platform
