// The kernel console on COM1 (the 16550 at ISA port 0x3f8), for boards
// with PC-style ISA devices (isa_board.h of the board).
#include "uart16550.h"
#include <generic/platform.h>
#include <isa_board.h>

namespace {
constexpr isa::Uart16550<isa::BoardIo> com1(0x3f8);
} // namespace

namespace platform {

void console_init() { com1.init(); }
void console_putc(char c) { com1.putc(c); }
int console_getc() { return com1.getc(); }

void console_enable_breakin()
{
    com1.enable_receive_interrupt();
    irq_unmask(isa::console_irq);
}

} // namespace platform
