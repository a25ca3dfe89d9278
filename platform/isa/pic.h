// The shared i8259 pair (pic.cc) as the boards use it.
#pragma once

#include "i8259.h"
#include <isa_board.h>

namespace isa {

extern I8259Pair<BoardIo> pics;

// Masks and acknowledges line `irq` and hands it to the kernel (or, for
// the console line without a driver, to the debugger break-in); spurious
// interrupts are dropped.  Returns true.
bool deliver_interrupt(unsigned irq);

// A masked and acknowledged line goes to the kernel, or to the debugger's
// break-in for the console line without a driver (then unmask() re-enables
// it).  For every interrupt controller of an ISA board.
void hand_over(unsigned irq, void (*unmask)(unsigned));

} // namespace isa
