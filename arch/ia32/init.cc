// ia32 boot-time CPU set-up.
#include "arch.h"
#include <generic/assert.h>
#include <generic/clock.h>
#include <generic/platform.h>
#include <x86/lapic.h>

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

void activate_kernel_page_table() { x86::write_cr3(virt_to_phys(kernel_page_directory())); }

void init_boot_cpu(CpuLocal& cpu)
{
    auto features = x86::cpuid(1);
    constexpr u32 required =
        x86::cpuid1_edx_pse | x86::cpuid1_edx_tsc | x86::cpuid1_edx_pge | x86::cpuid1_edx_apic;
    if ((features.edx & required) != required)
        panic("this CPU lacks PSE, TSC, PGE or a local APIC (cpuid 1 edx %x); Chestnut needs a "
              "Pentium Pro or later", features.edx);
    init_cpu_tables(cpu.tables, 0);
    init_idt();
    init_kernel_paging();
    fpu_init_cpu();
    if (!x86::lapic.init(VECTOR_SPURIOUS))
        panic("no local APIC");
}

u64 calibrate_cycles_per_ms() { return x86::lapic.calibrate(); }

Word timer_khz() { return Word(udiv64(x86::lapic.timer_hz(), 1000)); }

void start_tick_timer(unsigned period_us) { x86::lapic.start_periodic(period_us, VECTOR_TIMER); }

} // namespace arch
