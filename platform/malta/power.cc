// Ending the machine on QEMU Malta.  A non-zero exit code leaves through
// UHI semihosting (MIPS "Unified Hosting Interface": `sdbbp 1` with
// operation UHI_exit = 1 in t9 and the code in a0; QEMU exits with that
// status when started with -semihosting-config enable=on,target=native).
// Success, and anything that comes back, resets the board through the
// FPGA's software-reset register (0x1f000500, value 0x42), which QEMU turns
// into an exit with status 0 under -no-reboot.  Without semihosting an
// `sdbbp` would enter debug mode, so a plain run never issues one for 0.
#include "malta.h"
#include <generic/platform.h>

namespace platform {

void shutdown(unsigned exit_code)
{
    if (exit_code != 0) {
        register Word op asm("$25") = 1;   // UHI_exit
        register Word code asm("$4") = exit_code;
        asm volatile("sdbbp 1" ::"r"(op), "r"(code) : "memory");
    }
    *arch::phys_to_uncached<volatile u32>(malta::fpga_base + 0x500) = 0x42;
    arch::halt_forever();
}

} // namespace platform
