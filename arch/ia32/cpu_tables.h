// Per-CPU descriptor tables of the ia32 port: GDT (with this CPU's UTCB
// segment) and TSS.  The IDT is shared.
#pragma once

#include "layout.h"
#include <generic/types.h>

namespace arch {

struct Tss {
    u32 link;
    u32 esp0, ss0;
    u32 esp1, ss1, esp2, ss2;
    u32 cr3, eip, eflags, eax, ecx, edx, ebx, esp, ebp, esi, edi;
    u32 es, cs, ss, ds, fs, gs, ldt;
    u16 trap, iomap_base;
} PACKED;
static_assert(sizeof(Tss) == 104);

struct CpuTables {
    u64 gdt[7] = {};
    // The sysenter ESP MSR points at tss.esp0 (the entry's first instruction
    // loads the stack from there).  A debug trap taken right after sysenter
    // (user TF set) pushes its frame below that address: into tss.link and
    // this spill area, not into the GDT.
    u32 sysenter_spill[4] = {};
    Tss tss = {};
};

void init_idt();   // builds the IDT all CPUs share
void load_idt();   // loads it on this CPU
void init_cpu_tables(CpuTables& t, unsigned cpu);

} // namespace arch
