// 16550 UART on COM1: the pc99 kernel console.
#include "pc99.h"
#include <generic/platform.h>
#include <x86/io.h>

namespace {

constexpr u16 com1 = 0x3f8;
enum : u16 { data = 0, int_enable = 1, fifo_ctrl = 2, line_ctrl = 3, modem_ctrl = 4, line_status = 5 };
enum : u8 { lsr_data_ready = 0x01, lsr_thr_empty = 0x20 };

} // namespace

namespace platform {

void console_init()
{
    x86::outb(com1 + int_enable, 0x00);
    x86::outb(com1 + line_ctrl, 0x80);   // DLAB: program the divisor
    x86::outb(com1 + data, 1);           // 115200 baud
    x86::outb(com1 + int_enable, 0);
    x86::outb(com1 + line_ctrl, 0x03);   // 8N1
    x86::outb(com1 + fifo_ctrl, 0xc7);   // FIFOs on and cleared
    x86::outb(com1 + modem_ctrl, 0x0b);  // DTR, RTS, OUT2 (IRQ line enabled)
}

void console_putc(char c)
{
    while ((x86::inb(com1 + line_status) & lsr_thr_empty) == 0) {
    }
    x86::outb(com1 + data, u8(c));
}

void console_enable_breakin()
{
    x86::outb(com1 + int_enable, 0x01);   // received-data interrupt
    irq_unmask(pc99::console_irq);
}

int console_getc()
{
    if ((x86::inb(com1 + line_status) & lsr_data_ready) == 0)
        return -1;
    return x86::inb(com1 + data);
}

} // namespace platform
