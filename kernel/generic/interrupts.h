// Interrupt threads (X.2): thread number n < interrupt_count stands for
// hardware interrupt n.  ThreadControl(irq, irq, nil, handler, -1)
// attaches a handler (the "pager" of the interrupt thread); naming the
// interrupt thread itself as pager detaches it.  An interrupt becomes an IPC
// from the interrupt thread to its handler with label -1 << 4; the line
// stays masked until the handler sends back to the interrupt thread.
#pragma once

#include "tcb.h"

// Attach (handler != irq thread) or detach; false when irq does not exist
// or the handler is not a thread.
[[nodiscard]] bool interrupt_control(ThreadId irq, ThreadId handler);

// Whether a user driver handles interrupt `irq`.
[[nodiscard]] bool interrupt_has_handler(unsigned irq);

// The platform saw interrupt `irq` (already masked and acknowledged).
void interrupt_raised(unsigned irq);

// The handler replied to interrupt thread t: re-enable the line.
void interrupt_acknowledged(Tcb* t);

// A thread is being deleted (at its home): detach it from every interrupt
// it handles.
void interrupts_forget_handler(ThreadId handler);

// handler's home becomes `to` (Schedule), called at its home right before:
// its interrupts follow it, a pending one included.
void interrupts_follow_handler(Tcb* handler, Cpu& to);
