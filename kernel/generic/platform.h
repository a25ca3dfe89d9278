// The platform contract: what a board (platform/<name>/) provides to the
// generic kernel.  One implementation per platform, chosen by configure.
#pragma once

#include "types.h"

struct BootInfo;

namespace platform {

// Console (a UART on every board we support).
void console_init();
void console_putc(char c);
[[nodiscard]] int console_getc();   // -1 when no character is waiting
// Lets a key on the console (ESC) interrupt into the kernel debugger while
// no user driver owns the console's interrupt.
void console_enable_breakin();

// Fills in the board-independent boot description (memory map, modules,
// command line) from whatever the boot loader handed over; arg0/arg1 are the
// two words the arch entry code received from the loader.  Returns false with
// a message printed when the hand-over is unusable.
[[nodiscard]] bool collect_boot_info(BootInfo& info, Word arg0, Word arg1);

// Brings the interrupt controllers to a known state, every line masked.
void init_interrupts();

// The hardware ids of the board's CPUs (ia32: local APIC ids), up to max;
// returns how many there are (0 when the board cannot tell).
[[nodiscard]] unsigned cpu_hw_ids(u32* ids, unsigned max);

// Device interrupts, numbered 0 .. irq_count()-1 (the interrupt threads);
// irq_exists() is false for numbers the board leaves out (a PC's line 2
// when an override reroutes line 0 to its pin).
[[nodiscard]] unsigned irq_count();
[[nodiscard]] bool irq_exists(unsigned irq);
void irq_mask(unsigned irq);
void irq_unmask(unsigned irq);
// Sends interrupt `irq` to the CPU with hardware id cpu_hw_id from now on,
// where the interrupt controller can (else it keeps its CPU).
void irq_route(unsigned irq, u32 cpu_hw_id);
// The arch took interrupt vector `vector`: when it is a device interrupt,
// mask and acknowledge the line and hand it to interrupt_raised(); false
// when the vector is not a device interrupt.
[[nodiscard]] bool dispatch_interrupt(Word vector);

// Busy-waits `ms` milliseconds against a fixed-frequency clock, to
// calibrate the CPU's counters at boot.
void calibration_delay(unsigned ms);

// Ends the machine: in tests the exit code reaches the host (QEMU exit
// device, semihosting, simulator device); otherwise powers off or halts.
NORETURN void shutdown(unsigned exit_code);

} // namespace platform
