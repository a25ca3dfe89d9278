// The two 8259A PICs: remapped to vectors 0x20-0x2f; a line stays masked
// from its interrupt until its handler thread acknowledges it.
#include "pc99.h"
#include <arch.h>
#include <generic/interrupts.h>
#include <generic/kdb.h>
#include <generic/platform.h>
#include <x86/io.h>

namespace {
constexpr u16 master_cmd = 0x20, master_data = 0x21, slave_cmd = 0xa0, slave_data = 0xa1;
constexpr u8 icw1_init_icw4 = 0x11, icw4_8086 = 0x01, ocw3_read_isr = 0x0b, eoi = 0x20;
constexpr unsigned cascade_line = 2;
u16 mask = 0xffff;

void write_mask()
{
    x86::outb(master_data, u8(mask));
    x86::outb(slave_data, u8(mask >> 8));
}

bool in_service(unsigned irq)
{
    u16 port = irq < 8 ? master_cmd : slave_cmd;
    x86::outb(port, ocw3_read_isr);
    return (x86::inb(port) & (1u << (irq & 7))) != 0;
}
} // namespace

namespace platform {

void init_interrupts()
{
    x86::outb(master_cmd, icw1_init_icw4);
    x86::outb(slave_cmd, icw1_init_icw4);
    x86::outb(master_data, VECTOR_IRQ_BASE);      // ICW2: vector base
    x86::outb(slave_data, VECTOR_IRQ_BASE + 8);
    x86::outb(master_data, 1 << cascade_line);    // ICW3: slave on line 2
    x86::outb(slave_data, cascade_line);
    x86::outb(master_data, icw4_8086);
    x86::outb(slave_data, icw4_8086);
    mask = u16(0xffff & ~(1u << cascade_line));
    write_mask();
    pc99::init_pit_channel0();
}

unsigned irq_count() { return 16; }

void irq_mask(unsigned irq)
{
    if (irq >= 16 || irq == cascade_line)
        return;
    mask = u16(mask | (1u << irq));
    write_mask();
}

void irq_unmask(unsigned irq)
{
    if (irq >= 16 || irq == cascade_line)
        return;
    mask = u16(mask & ~(1u << irq));
    write_mask();
}

bool dispatch_interrupt(Word vector)
{
    if (vector < VECTOR_IRQ_BASE || vector >= VECTOR_IRQ_BASE + 16)
        return false;
    unsigned irq = unsigned(vector - VECTOR_IRQ_BASE);
    // Lines 7 and 15 also signal spurious interrupts: nothing in service.
    if ((irq == 7 || irq == 15) && !in_service(irq)) {
        if (irq == 15)
            x86::outb(master_cmd, eoi);
        return true;
    }
    irq_mask(irq);
    if (irq >= 8)
        x86::outb(slave_cmd, eoi);
    x86::outb(master_cmd, eoi);
    if (irq == pc99::console_irq && !interrupt_has_handler(irq)) {
        // Break-in: ESC on the console enters the kernel debugger.
        for (int c; (c = console_getc()) >= 0;)
            if (c == 0x1b)
                kdb_enter("break-in from the console");
        irq_unmask(irq);
        return true;
    }
    interrupt_raised(irq);
    return true;
}

} // namespace platform
