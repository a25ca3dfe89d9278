// ia32 boot-time CPU set-up.
#include "arch.h"
#include <generic/assert.h>

extern "C" char __kernel_phys_start[], __kernel_phys_end[];

namespace arch {

Paddr kernel_image_start() { return reinterpret_cast<Paddr>(__kernel_phys_start); }
Paddr kernel_image_end() { return reinterpret_cast<Paddr>(__kernel_phys_end); }

void halt_forever()
{
    for (;;) {
        x86::cli();
        x86::hlt();
    }
}

void init_boot_cpu(CpuLocal& cpu)
{
    auto features = x86::cpuid(1);
    constexpr u32 required = x86::cpuid1_edx_pse | x86::cpuid1_edx_tsc | x86::cpuid1_edx_pge;
    if ((features.edx & required) != required)
        panic("this CPU lacks PSE, TSC or PGE (cpuid 1 edx %x); Chestnut needs a Pentium Pro or later",
              features.edx);
    init_cpu_tables(cpu.tables, 0);
    init_idt();
    init_kernel_paging();
}

} // namespace arch
