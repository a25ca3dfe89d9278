// The cascaded pair of 8259A interrupt controllers of a PC-style south
// bridge (lines 0-7 master, 8-15 slave on master line 2).  Io as in
// uart16550.h.  Every line starts masked; a line stays masked from its
// interrupt until its handler acknowledges it (kernel/generic/interrupts.h).
#pragma once

#include <generic/types.h>

namespace isa {

template <class Io> class I8259Pair {
public:
    static constexpr unsigned lines = 16;
    static constexpr unsigned cascade_line = 2;

    // Initializes both in cascade mode, delivering vectors vector_base + line.
    void init(u8 vector_base)
    {
        Io::out(master_cmd, icw1_init_icw4);
        Io::out(slave_cmd, icw1_init_icw4);
        Io::out(master_data, vector_base);        // ICW2: vector base
        Io::out(slave_data, u8(vector_base + 8));
        Io::out(master_data, 1 << cascade_line);  // ICW3: slave on line 2
        Io::out(slave_data, cascade_line);
        Io::out(master_data, icw4_8086);
        Io::out(slave_data, icw4_8086);
        mask_ = u16(0xffff & ~(1u << cascade_line));
        write_mask();
    }

    void mask(unsigned irq)
    {
        if (irq >= lines || irq == cascade_line)
            return;
        mask_ = u16(mask_ | (1u << irq));
        write_mask();
    }

    void unmask(unsigned irq)
    {
        if (irq >= lines || irq == cascade_line)
            return;
        mask_ = u16(mask_ & ~(1u << irq));
        write_mask();
    }

    // End of interrupt for `irq` (both controllers for a slave line).
    void eoi(unsigned irq)
    {
        if (irq >= 8)
            Io::out(slave_cmd, eoi_cmd);
        Io::out(master_cmd, eoi_cmd);
    }

    // Whether `irq` is in service; lines 7 and 15 also signal spurious
    // interrupts, which are not.
    [[nodiscard]] bool in_service(unsigned irq)
    {
        u16 port = irq < 8 ? master_cmd : slave_cmd;
        Io::out(port, ocw3_read_isr);
        return (Io::in(port) & (1u << (irq & 7))) != 0;
    }

    // Acknowledges the highest-priority pending line the way an interrupt
    // acknowledge cycle would (OCW3 poll command) and returns it, or -1
    // when nothing is pending.  For CPUs without a vectored INTA cycle.
    [[nodiscard]] int poll()
    {
        int irq = poll_one(master_cmd);
        if (irq == int(cascade_line)) {
            int slave = poll_one(slave_cmd);
            return slave < 0 ? -1 : 8 + slave;
        }
        return irq;
    }

private:
    static constexpr u16 master_cmd = 0x20, master_data = 0x21, slave_cmd = 0xa0, slave_data = 0xa1;
    static constexpr u8 icw1_init_icw4 = 0x11, icw4_8086 = 0x01, ocw3_read_isr = 0x0b, ocw3_poll = 0x0c,
                        eoi_cmd = 0x20;

    int poll_one(u16 cmd)
    {
        Io::out(cmd, ocw3_poll);
        u8 v = Io::in(cmd);
        return (v & 0x80) != 0 ? int(v & 7) : -1;
    }

    void write_mask()
    {
        Io::out(master_data, u8(mask_));
        Io::out(slave_data, u8(mask_ >> 8));
    }

    u16 mask_ = 0xffff;
};

} // namespace isa
