// The PIIX4's two 8259A PICs, whose output drives CPU interrupt line 2.
// MIPS has no interrupt-acknowledge cycle that delivers a vector, so the
// line number comes from the PIC's poll command.  A line stays masked from
// its interrupt until its handler thread acknowledges it.
#include "malta.h"
#include <generic/interrupts.h>
#include <generic/kdb.h>
#include <generic/platform.h>
#include <isa/i8259.h>

namespace {
isa::I8259Pair<platform::malta::IsaIo> pics;
} // namespace

namespace platform {

void init_interrupts()
{
    pics.init(0);   // the vector base is unused in poll mode
    malta::init_pit_channel0();
}

unsigned irq_count() { return pics.lines; }
void irq_mask(unsigned irq) { pics.mask(irq); }
void irq_unmask(unsigned irq) { pics.unmask(irq); }

bool dispatch_interrupt(Word line)
{
    if (line != malta::i8259_cpu_line)
        return false;
    int polled = pics.poll();
    if (polled < 0)
        return true;   // withdrawn meanwhile, or spurious
    unsigned irq = unsigned(polled);
    if ((irq == 7 || irq == 15) && !pics.in_service(irq)) {
        if (irq == 15)
            pics.eoi(0);   // the master saw its cascade line
        return true;
    }
    pics.mask(irq);
    pics.eoi(irq);
    if (irq == malta::console_irq && !interrupt_has_handler(irq)) {
        // Break-in: ESC on the console enters the kernel debugger.
        for (int c; (c = console_getc()) >= 0;)
            if (c == 0x1b)
                kdb_enter("break-in from the console");
        pics.unmask(irq);
        return true;
    }
    interrupt_raised(irq);
    return true;
}

} // namespace platform
