#include "lapic.h"
#include "cpu.h"
#include <arch.h>
#include <generic/clock.h>
#include <generic/platform.h>

namespace x86 {

LocalApic lapic;

namespace {
// Register offsets (Intel SDM Vol 3, 11.4.1), in bytes.
enum : unsigned {
    reg_id = 0x20, reg_eoi = 0xb0, reg_spurious = 0xf0, reg_icr_low = 0x300, reg_icr_high = 0x310,
    reg_lvt_timer = 0x320, reg_timer_initial = 0x380, reg_timer_current = 0x390, reg_timer_divide = 0x3e0,
};
constexpr u32 apic_enable = 1u << 8;
constexpr u32 timer_periodic = 1u << 17, lvt_masked = 1u << 16;
constexpr u32 divide_by_16 = 0x3;
constexpr u32 msr_apic_base = 0x1b;
constexpr u64 apic_base_enable = 1u << 11, apic_base_x2apic = 1u << 10;
// x2APIC mode: register r (an xAPIC MMIO offset) is MSR 0x800 + r / 16, the
// ICR one 64-bit MSR with the destination in its upper half (SDM vol. 3, 11.12).
constexpr u32 msr_x2apic_base = 0x800, msr_x2apic_icr = 0x830;
constexpr unsigned calibration_ms = 10;
} // namespace

u32 LocalApic::read(unsigned reg) const
{
    return x2apic_ ? u32(rdmsr(msr_x2apic_base + reg / 16)) : base_[reg / 4];
}

void LocalApic::write(unsigned reg, u32 value)
{
    if (x2apic_)
        wrmsr(msr_x2apic_base + reg / 16, value);
    else
        base_[reg / 4] = value;
}

bool LocalApic::init(u8 spurious_vector)
{
    if ((cpuid(1).edx & cpuid1_edx_apic) == 0)
        return false;
    // x2APIC only where CPUID reports it (every CPU of a machine alike);
    // each CPU switches its own APIC.
    if ((cpuid(1).ecx & cpuid1_ecx_x2apic) != 0) {
        wrmsr(msr_apic_base, rdmsr(msr_apic_base) | apic_base_enable | apic_base_x2apic);
        x2apic_ = true;
    } else if (base_ == nullptr) {
        Paddr phys = Paddr(rdmsr(msr_apic_base) & 0xfffff000u);
        base_ = reinterpret_cast<volatile u32*>(arch::map_device(phys, 4096));
    }
    write(reg_spurious, apic_enable | spurious_vector);
    return true;
}

u64 LocalApic::calibrate()
{
    write(reg_timer_divide, divide_by_16);
    write(reg_lvt_timer, lvt_masked);
    write(reg_timer_initial, 0xffffffffu);
    u64 tsc_start = rdtsc();
    platform::calibration_delay(calibration_ms);
    u64 tsc_elapsed = rdtsc() - tsc_start;
    u32 elapsed = 0xffffffffu - read(reg_timer_current);
    write(reg_timer_initial, 0);
    timer_hz_ = u64(elapsed) * (1000 / calibration_ms);
    return udiv64(tsc_elapsed, calibration_ms);
}

void LocalApic::start_periodic(unsigned period_us, u8 vector)
{
    u64 count = udiv64(timer_hz_ * period_us, 1000000);
    write(reg_timer_divide, divide_by_16);
    write(reg_lvt_timer, timer_periodic | vector);
    write(reg_timer_initial, count != 0 ? u32(count) : 1);
}

void LocalApic::eoi() { write(reg_eoi, 0); }
// The x2APIC id register holds the whole 32-bit id; the xAPIC's its top byte.
u32 LocalApic::id() const { return x2apic_ ? read(reg_id) : read(reg_id) >> 24; }

void LocalApic::send_icr(u32 apic_id, u32 low)
{
    if (x2apic_) {   // no delivery-status bit to wait for (SDM vol. 3, 11.12.9)
        wrmsr(msr_x2apic_icr, (u64(apic_id) << 32) | low);
        return;
    }
    while ((read(reg_icr_low) & (1u << 12)) != 0)
        pause();
    write(reg_icr_high, apic_id << 24);
    write(reg_icr_low, low);
}

void LocalApic::send_ipi(u32 apic_id, u8 vector) { send_icr(apic_id, vector); }   // fixed, physical
void LocalApic::send_init(u32 apic_id) { send_icr(apic_id, 0x00004500); }           // INIT, level assert
void LocalApic::send_startup(u32 apic_id, u8 page) { send_icr(apic_id, 0x00004600 | page); }   // STARTUP

} // namespace x86
