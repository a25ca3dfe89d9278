#include "cpu_tables.h"
#include <x86/cpu.h>
#include <x86/descriptors.h>

extern "C" char amd64_trap_stubs[];

namespace arch {

namespace {

// A 64-bit interrupt gate (Intel SDM vol. 3, 6.14.1).
struct Gate {
    u16 offset_low, selector;
    u8 ist, type;
    u16 offset_mid;
    u32 offset_high, reserved;
} PACKED;
static_assert(sizeof(Gate) == 16);

constexpr unsigned stub_count = 256;
constexpr unsigned stub_stride = 16;

Gate idt[256];

void set_gate(unsigned vector, u8 type)
{
    Word handler = reinterpret_cast<Word>(amd64_trap_stubs) + vector * stub_stride;
    idt[vector] = {u16(handler), SEL_KERNEL_CS, 0, type, u16(handler >> 16), u32(handler >> 32), 0};
}

} // namespace

void init_idt()
{
    for (unsigned v = 0; v < stub_count; v++)
        set_gate(v, x86::gate_interrupt_ring0);
    // What user code may raise with int n: kdebug (int3), Lipc and the system calls.
    set_gate(3, x86::gate_interrupt_ring3);
    set_gate(VECTOR_LIPC, x86::gate_interrupt_ring3);
    set_gate(VECTOR_SYSCALL, x86::gate_interrupt_ring3);
}

void load_idt() { x86::lidt(idt, sizeof idt); }

void init_cpu_tables(CpuTables& t)
{
    using namespace x86;
    t.gdt[0] = 0;
    t.gdt[SEL_KERNEL_CS >> 3] = segment_descriptor(0, 0xfffff, seg_code_ring0, seg_flags_64bit_code);
    t.gdt[SEL_KERNEL_DS >> 3] = segment_descriptor(0, 0xfffff, seg_data_ring0, seg_flags_32bit_4k);
    t.gdt[SEL_USER32_CS >> 3] = segment_descriptor(0, 0xfffff, seg_code_ring3, seg_flags_32bit_4k);
    t.gdt[SEL_USER_DS >> 3] = segment_descriptor(0, 0xfffff, seg_data_ring3, seg_flags_32bit_4k);
    t.gdt[SEL_USER_CS >> 3] = segment_descriptor(0, 0xfffff, seg_code_ring3, seg_flags_64bit_code);
    // The 64-bit TSS descriptor takes two slots: the usual one and the
    // upper half of the base (SDM vol. 3, 8.2.3).
    Word tss = reinterpret_cast<Word>(&t.tss);
    t.gdt[SEL_TSS >> 3] = segment_descriptor(u32(tss), sizeof(Tss) - 1, seg_tss_available, 0);
    t.gdt[(SEL_TSS >> 3) + 1] = tss >> 32;
    t.tss = {};
    t.tss.iomap_base = sizeof(Tss);   // no I/O bitmap: every port access from ring 3 faults

    lgdt(t.gdt, sizeof t.gdt);
    // Reload CS through a far return, then the data segments; FS and GS
    // are null (their bases come from the MSRs).
    asm volatile("pushq %0; leaq 1f(%%rip), %%rax; pushq %%rax; lretq; 1:" ::"i"(SEL_KERNEL_CS) : "rax", "memory");
    asm volatile("mov %0, %%ds; mov %0, %%es; mov %1, %%ss; mov %2, %%fs" ::"r"(SEL_USER_DS), "r"(SEL_KERNEL_DS),
                 "r"(0));
    ltr(SEL_TSS);
}

} // namespace arch
