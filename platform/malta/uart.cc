// The PIIX4's 16550 UART at ISA port 0x3f8 (COM1): the Malta kernel
// console, which QEMU connects to -serial.
#include "malta.h"
#include <generic/platform.h>
#include <isa/uart16550.h>

namespace {
constexpr isa::Uart16550<platform::malta::IsaIo> com1(0x3f8);
} // namespace

namespace platform {

void console_init() { com1.init(); }
void console_putc(char c) { com1.putc(c); }
int console_getc() { return com1.getc(); }

void console_enable_breakin()
{
    com1.enable_receive_interrupt();
    irq_unmask(malta::console_irq);
}

} // namespace platform
