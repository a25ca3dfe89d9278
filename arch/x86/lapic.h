// The local APIC: the per-CPU tick timer, EOI, IPIs.  x2APIC mode (MSR
// access) where CPUID reports it, else xAPIC (MMIO); QEMU 7.2 TCG has no
// x2APIC, so MMIO is the mode that runs here.
#pragma once

#include <generic/types.h>

namespace x86 {

class LocalApic {
public:
    // Maps and enables the APIC of the calling CPU; false when there is none.
    [[nodiscard]] bool init(u8 spurious_vector);
    // Measures the timer's input clock and the TSC together against one
    // platform calibration delay (call once, on the boot CPU); returns TSC
    // cycles per millisecond.
    [[nodiscard]] u64 calibrate();
    // A periodic interrupt every period_us on `vector`.
    void start_periodic(unsigned period_us, u8 vector);
    void eoi();
    [[nodiscard]] u32 id() const;
    [[nodiscard]] u64 timer_hz() const { return timer_hz_; }
    [[nodiscard]] bool x2apic() const { return x2apic_; }

    // Inter-processor interrupts.
    void send_ipi(u32 apic_id, u8 vector);
    void send_init(u32 apic_id);
    void send_startup(u32 apic_id, u8 page);

private:
    [[nodiscard]] u32 read(unsigned reg) const;
    void write(unsigned reg, u32 value);
    void send_icr(u32 apic_id, u32 low);

    volatile u32* base_ = nullptr;
    u64 timer_hz_ = 0;
    bool x2apic_ = false;
};

extern LocalApic lapic;

} // namespace x86
