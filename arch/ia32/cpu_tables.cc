#include "cpu_tables.h"
#include <x86/cpu.h>
#include <x86/descriptors.h>

extern "C" char ia32_trap_stubs[];

namespace arch {

namespace {

struct Gate {
    u16 offset_low, selector;
    u8 zero, type;
    u16 offset_high;
} PACKED;

constexpr unsigned stub_count = 256;
constexpr unsigned stub_stride = 16;

Gate idt[256];

void set_gate(unsigned vector, u8 type)
{
    Word handler = reinterpret_cast<Word>(ia32_trap_stubs) + vector * stub_stride;
    idt[vector] = {u16(handler), SEL_KERNEL_CS, 0, type, u16(handler >> 16)};
}

} // namespace

void init_idt()
{
    for (unsigned v = 0; v < stub_count; v++)
        set_gate(v, x86::gate_interrupt_ring0);
    // What user code may raise with int n: kdebug (int3) and the system calls.
    set_gate(3, x86::gate_interrupt_ring3);
    set_gate(0x30, x86::gate_interrupt_ring3);
    set_gate(0x31, x86::gate_interrupt_ring3);
}

void load_idt() { x86::lidt(idt, sizeof idt); }

void init_cpu_tables(CpuTables& t, unsigned cpu)
{
    using namespace x86;
    t.gdt[0] = 0;
    t.gdt[SEL_KERNEL_CS >> 3] = segment_descriptor(0, 0xfffff, seg_code_ring0, seg_flags_32bit_4k);
    t.gdt[SEL_KERNEL_DS >> 3] = segment_descriptor(0, 0xfffff, seg_data_ring0, seg_flags_32bit_4k);
    t.gdt[SEL_USER_CS >> 3] = segment_descriptor(0, 0xfffff, seg_code_ring3, seg_flags_32bit_4k);
    t.gdt[SEL_USER_DS >> 3] = segment_descriptor(0, 0xfffff, seg_data_ring3, seg_flags_32bit_4k);
    // %gs:0 is this CPU's word in the current space's current-UTCB page.
    t.gdt[SEL_UTCB >> 3] =
        segment_descriptor(CURRENT_UTCB_PAGE + 4 * cpu, 3, seg_data_ring3, seg_flags_bytes);
    t.gdt[SEL_TSS >> 3] = segment_descriptor(u32(reinterpret_cast<Word>(&t.tss)), sizeof(Tss) - 1,
                                             seg_tss_available, 0);
    t.tss = {};
    t.tss.ss0 = SEL_KERNEL_DS;
    t.tss.iomap_base = sizeof(Tss);   // no I/O bitmap: every port access from ring 3 faults

    lgdt(t.gdt, sizeof t.gdt);
    asm volatile("ljmp %0, $1f\n1:" ::"i"(SEL_KERNEL_CS));
    asm volatile("mov %0, %%ds; mov %0, %%es; mov %0, %%fs; mov %1, %%ss; mov %2, %%gs"
                 ::"r"(SEL_USER_DS), "r"(SEL_KERNEL_DS), "r"(SEL_UTCB));
    ltr(SEL_TSS);
}

} // namespace arch
