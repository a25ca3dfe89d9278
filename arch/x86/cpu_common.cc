// Boot-time and timer pieces both x86 ports implement alike.
#include <arch.h>
#include <generic/assert.h>
#include <generic/clock.h>
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

void init_fpu_and_local_apic(CpuLocal& cpu, unsigned id)
{
    fpu_init_cpu();
    if (!x86::lapic.init(VECTOR_SPURIOUS))
        panic("cpu %u: no local APIC", id);
    cpu.apic_id = x86::lapic.id();
}

u64 calibrate_cycles_per_ms() { return x86::lapic.calibrate(); }

Word timer_khz() { return Word(udiv64(x86::lapic.timer_hz(), 1000)); }

void start_tick_timer(unsigned period_us) { x86::lapic.start_periodic(period_us, VECTOR_TIMER); }

} // namespace arch
