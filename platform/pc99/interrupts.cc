// pc99 interrupts.  With an IO-APIC in the ACPI MADT (every PC since the
// late 1990s, and QEMU's), the 8259A pair is fully masked and the IO-APIC
// delivers: interrupt threads 0-15 are the ISA lines, reaching their pins
// through the MADT's overrides (QEMU: line 0 on pin 2), and 16 and up are
// the remaining pins (PCI, level triggered, active low).  Each line can be
// routed to any CPU.  Without an IO-APIC the 8259A pair delivers lines
// 0-15 to the boot CPU (platform/isa/pic.cc).
#include "acpi.h"
#include "ioapic.h"
#include "pc99.h"
#include <arch.h>
#include <generic/console.h>
#include <generic/platform.h>
#include <isa/pic.h>
#include <x86/lapic.h>

namespace platform {

namespace {

constexpr unsigned max_lines = 24;   // thread numbers for interrupts (boot.h)
pc99::IoApic ioapic;
bool use_ioapic = false;
unsigned line_count = isa::I8259Pair<isa::BoardIo>::lines;
u8 pin_of_line[max_lines];
u8 line_of_pin[max_lines];
constexpr u8 none = 0xff;

void init_ioapic(const pc99::Madt& m)
{
    unsigned pins = ioapic.init(m.ioapic);
    if (pins > max_lines)
        pins = max_lines;
    for (unsigned i = 0; i < max_lines; i++)
        pin_of_line[i] = line_of_pin[i] = none;
    // ISA lines first (edge, active high unless the override says otherwise).
    for (unsigned line = 0; line < 16; line++) {
        u32 gsi = m.isa_gsi[line];
        if (gsi < m.ioapic_gsi_base || gsi - m.ioapic_gsi_base >= pins)
            continue;
        unsigned pin = gsi - m.ioapic_gsi_base;
        // A pin claimed by an override belongs to the line the override names.
        bool overridden = m.isa_gsi[line] != line;
        if (line_of_pin[pin] != none && !overridden)
            continue;
        if (line_of_pin[pin] != none)
            pin_of_line[line_of_pin[pin]] = none;
        u16 flags = m.isa_flags[line];
        bool active_low = (flags & 3) == 3, level = ((flags >> 2) & 3) == 3;
        pin_of_line[line] = u8(pin);
        line_of_pin[pin] = u8(line);
        ioapic.setup(pin, u8(VECTOR_IOAPIC_BASE + pin), level, active_low, x86::lapic.id());
    }
    // The other pins under their own numbers (PCI: level, active low).
    for (unsigned pin = 16; pin < pins; pin++) {
        if (line_of_pin[pin] != none)
            continue;
        pin_of_line[pin] = u8(pin);
        line_of_pin[pin] = u8(pin);
        ioapic.setup(pin, u8(VECTOR_IOAPIC_BASE + pin), true, true, x86::lapic.id());
    }
    line_count = pins > 16 ? pins : 16;
    use_ioapic = true;
    kprintf("irq: IO-APIC at %lx with %u pins, 8259A pair off\n", Word(m.ioapic), pins);
}

void ioapic_unmask(unsigned line) { ioapic.unmask(pin_of_line[line]); }

} // namespace

void init_interrupts()
{
    isa::pics.init(VECTOR_IRQ_BASE);   // every line masked: also when the IO-APIC takes over
    if (!pc99::madt_found)
        pc99::madt_found = pc99::read_madt(pc99::madt);
    if (pc99::madt_found && pc99::madt.ioapic != 0)
        init_ioapic(pc99::madt);
    else
        kprintf("irq: no IO-APIC in the ACPI tables; the 8259A pair delivers to the boot CPU\n");
    pc99::init_pit_channel0();
}

bool dispatch_interrupt(Word vector)
{
    if (!use_ioapic) {
        if (vector < VECTOR_IRQ_BASE || vector >= VECTOR_IRQ_BASE + 16)
            return false;
        return isa::deliver_interrupt(unsigned(vector - VECTOR_IRQ_BASE));
    }
    if (vector >= VECTOR_IRQ_BASE && vector < VECTOR_IRQ_BASE + 16)
        return true;   // a spurious 8259A interrupt (every line is masked)
    if (vector < VECTOR_IOAPIC_BASE || vector >= VECTOR_IOAPIC_BASE + max_lines)
        return false;
    unsigned pin = unsigned(vector - VECTOR_IOAPIC_BASE);
    unsigned line = line_of_pin[pin];
    ioapic.mask(pin);
    x86::lapic.eoi();
    if (line != none)
        isa::hand_over(line, ioapic_unmask);
    return true;
}

unsigned irq_count() { return line_count; }

bool irq_exists(unsigned irq)
{
    if (irq >= line_count)
        return false;
    return use_ioapic ? pin_of_line[irq] != none : irq != isa::pics.cascade_line;
}

void irq_mask(unsigned irq)
{
    if (!irq_exists(irq))
        return;
    if (use_ioapic)
        ioapic.mask(pin_of_line[irq]);
    else
        isa::pics.mask(irq);
}

void irq_unmask(unsigned irq)
{
    if (!irq_exists(irq))
        return;
    if (use_ioapic)
        ioapic.unmask(pin_of_line[irq]);
    else
        isa::pics.unmask(irq);
}

void irq_route(unsigned irq, u32 cpu_hw_id)
{
    if (use_ioapic && irq_exists(irq))
        ioapic.route(pin_of_line[irq], cpu_hw_id);
}

} // namespace platform
