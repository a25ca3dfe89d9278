// The two 8259A PICs: remapped to vectors 32-47 and fully masked.
#include <generic/platform.h>
#include <x86/io.h>

namespace {
constexpr u16 master_cmd = 0x20, master_data = 0x21, slave_cmd = 0xa0, slave_data = 0xa1;
constexpr u8 icw1_init_icw4 = 0x11, icw4_8086 = 0x01;
} // namespace

namespace platform {

void init_interrupts()
{
    x86::outb(master_cmd, icw1_init_icw4);
    x86::outb(slave_cmd, icw1_init_icw4);
    x86::outb(master_data, 32);      // ICW2: vector base
    x86::outb(slave_data, 40);
    x86::outb(master_data, 1 << 2);  // ICW3: slave on line 2
    x86::outb(slave_data, 2);
    x86::outb(master_data, icw4_8086);
    x86::outb(slave_data, icw4_8086);
    x86::outb(master_data, 0xff);
    x86::outb(slave_data, 0xff);
}

} // namespace platform
