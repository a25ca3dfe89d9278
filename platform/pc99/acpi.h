// ACPI's MADT (Multiple APIC Description Table): the local APICs (one per
// CPU), the IO-APICs and the ISA interrupt overrides.  QEMU's MP table lists
// one CPU per socket only, so CPUs are found here (ACPI 6.x, 5.2.12).
#pragma once

#include <generic/types.h>

namespace platform::pc99 {

struct Madt {
    static constexpr unsigned max_cpus = 64;
    unsigned cpu_count = 0;
    u32 apic_id[max_cpus] = {};      // enabled local APICs, in table order
    Paddr ioapic = 0;                // the first IO-APIC (0: none)
    u32 ioapic_gsi_base = 0;
    u32 isa_gsi[16] = {};            // ISA IRQ -> global system interrupt
    u16 isa_flags[16] = {};          // MPS INTI flags (polarity, trigger)
};

// Reads the MADT through the RSDP/RSDT; false when there is none.
[[nodiscard]] bool read_madt(Madt& m);

extern Madt madt;   // filled at boot when found (madt_found)
extern bool madt_found;

} // namespace platform::pc99
