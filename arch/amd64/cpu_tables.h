// Per-CPU descriptor tables of the amd64 port: GDT and 64-bit TSS.  The
// IDT is shared.
#pragma once

#include "layout.h"
#include <generic/types.h>

namespace arch {

struct Tss {
    u32 reserved0;
    u64 rsp0, rsp1, rsp2;
    u64 reserved1;
    u64 ist[7];
    u64 reserved2;
    u16 reserved3, iomap_base;
} PACKED;
static_assert(sizeof(Tss) == 104);

struct CpuTables {
    u64 gdt[8] = {};   // null, kernel code/data, user32 code, user data/code, TSS (2)
    Tss tss = {};
};

void init_idt();   // builds the IDT all CPUs share
void load_idt();   // loads it on this CPU
void init_cpu_tables(CpuTables& t);

} // namespace arch
