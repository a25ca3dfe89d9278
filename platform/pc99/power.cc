// Ending the machine on a PC: QEMU's isa-debug-exit device (present in test
// runs; QEMU exits with status (code << 1) | 1), then ACPI S5 soft-off through
// the PIIX4 power-management block QEMU's "pc" machine has at 0x600 (QEMU
// exits with status 0), then halt.
#include <generic/arch_contract.h>
#include <generic/platform.h>
#include <x86/io.h>

namespace {
constexpr u16 debug_exit_port = 0xf4;
constexpr u16 piix4_pm1a_control = 0x604;
constexpr u16 pm1_sleep_enable_s5 = 0x2000;   // SLP_EN with SLP_TYP 0 = S5 on PIIX4
} // namespace

namespace platform {

void shutdown(unsigned exit_code)
{
    if (exit_code != 0)
        x86::outl(debug_exit_port, exit_code);
    x86::outw(piix4_pm1a_control, pm1_sleep_enable_s5);
    arch::halt_forever();
}

} // namespace platform
