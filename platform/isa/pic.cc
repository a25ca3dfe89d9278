// The i8259 pair of boards with PC-style ISA devices: interrupt lines
// 0-15, each masked from its interrupt until its handler thread
// acknowledges it.  The board decides how an interrupt is recognized
// (pc99: the vector; malta: the PIC's poll command) and hands the line to
// isa::deliver_interrupt(); it also owns the platform's irq_* functions
// (pc99 may drive an IO-APIC instead).
#include "pic.h"
#include <generic/interrupts.h>
#include <generic/kdb.h>
#include <generic/platform.h>

namespace isa {

I8259Pair<BoardIo> pics;

void hand_over(unsigned irq, void (*unmask)(unsigned))
{
    if (irq == console_irq && !interrupt_has_handler(irq)) {
        // Break-in: ESC on the console enters the kernel debugger.
        for (int c; (c = platform::console_getc()) >= 0;)
            if (c == 0x1b)
                kdb_enter("break-in from the console");
        unmask(irq);
        return;
    }
    interrupt_raised(irq);
}

bool deliver_interrupt(unsigned irq)
{
    // Lines 7 and 15 also signal spurious interrupts: nothing in service.
    if ((irq == 7 || irq == 15) && !pics.in_service(irq)) {
        if (irq == 15)
            pics.eoi(0);   // the master saw its cascade line
        return true;
    }
    pics.mask(irq);
    pics.eoi(irq);
    hand_over(irq, [](unsigned line) { pics.unmask(line); });
    return true;
}

} // namespace isa
