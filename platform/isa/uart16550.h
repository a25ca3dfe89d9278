// A 16550 UART on ISA ports, for boards that reach ISA I/O differently
// (pc99: x86 port instructions; malta: memory-mapped through the PCI I/O
// window).  Io provides static u8 in(u16 port) and void out(u16 port, u8).
#pragma once

#include <generic/types.h>

namespace isa {

template <class Io> class Uart16550 {
public:
    explicit constexpr Uart16550(u16 base) : base_(base) {}

    void init() const
    {
        Io::out(base_ + int_enable, 0x00);
        Io::out(base_ + line_ctrl, 0x80);   // DLAB: program the divisor
        Io::out(base_ + data, 1);           // 115200 baud
        Io::out(base_ + int_enable, 0);
        Io::out(base_ + line_ctrl, 0x03);   // 8N1
        Io::out(base_ + fifo_ctrl, 0xc7);   // FIFOs on and cleared
        Io::out(base_ + modem_ctrl, 0x0b);  // DTR, RTS, OUT2 (IRQ line enabled)
    }

    void putc(char c) const
    {
        while ((Io::in(base_ + line_status) & lsr_thr_empty) == 0) {
        }
        Io::out(base_ + data, u8(c));
    }

    // A character, or -1 when none is waiting.
    [[nodiscard]] int getc() const
    {
        if ((Io::in(base_ + line_status) & lsr_data_ready) == 0)
            return -1;
        return Io::in(base_ + data);
    }

    void enable_receive_interrupt() const { Io::out(base_ + int_enable, 0x01); }

private:
    enum : u16 { data = 0, int_enable = 1, fifo_ctrl = 2, line_ctrl = 3, modem_ctrl = 4, line_status = 5 };
    enum : u8 { lsr_data_ready = 0x01, lsr_thr_empty = 0x20 };

    u16 base_;
};

} // namespace isa
