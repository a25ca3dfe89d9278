// ia32 boot-time CPU set-up.
#include "arch.h"
#include <generic/assert.h>
#include <generic/clock.h>
#include <generic/console.h>
#include <generic/platform.h>
#include <x86/lapic.h>

extern "C" void ia32_sysenter_entry();

namespace arch {

void activate_kernel_page_table() { x86::write_cr3(virt_to_phys(kernel_page_directory())); }

bool cpu_has_sysenter = false;

namespace {

enum : u32 { msr_sysenter_cs = 0x174, msr_sysenter_esp = 0x175, msr_sysenter_eip = 0x176 };

// sysenter/sysexit (SEP), except on the early Pentium Pro steppings that
// report SEP without having it (Intel SDM vol. 2, CPUID).
bool has_working_sep()
{
    auto r = x86::cpuid(1);
    unsigned family = (r.eax >> 8) & 0xf, model = (r.eax >> 4) & 0xf, stepping = r.eax & 0xf;
    if ((r.edx & x86::cpuid1_edx_sep) == 0)
        return false;
    return !(family == 6 && model < 3 && stepping < 3);
}

// The sysenter MSRs of this CPU: the stack pointer MSR points at this CPU's
// tss.esp0, which the entry loads as its stack (so a thread switch only
// updates esp0, never the MSR).
void init_sysenter(CpuLocal& cpu)
{
    if (!cpu_has_sysenter)
        return;
    x86::wrmsr(msr_sysenter_cs, SEL_KERNEL_CS);
    x86::wrmsr(msr_sysenter_esp, reinterpret_cast<Word>(&cpu.tables.tss.esp0));
    x86::wrmsr(msr_sysenter_eip, reinterpret_cast<Word>(ia32_sysenter_entry));
}

} // namespace

void init_this_cpu(CpuLocal& cpu, unsigned id)
{
    init_cpu_tables(cpu.tables, id);
    load_idt();
    cpu.utcb_slot_offset = 4 * id;
    init_sysenter(cpu);
    init_fpu_and_local_apic(cpu, id);
}

void init_boot_cpu(CpuLocal& cpu)
{
    auto features = x86::cpuid(1);
    constexpr u32 required =
        x86::cpuid1_edx_pse | x86::cpuid1_edx_tsc | x86::cpuid1_edx_pge | x86::cpuid1_edx_apic;
    if ((features.edx & required) != required)
        panic("this CPU lacks PSE, TSC, PGE or a local APIC (cpuid 1 edx %x); Chestnut needs a "
              "Pentium Pro or later", features.edx);
    init_idt();
    cpu_has_sysenter = has_working_sep();
    init_kernel_paging();   // the device area the local APIC is mapped into
    init_this_cpu(cpu, 0);
    kprintf("cpu: Ipc enters with %s, %s\n", cpu_has_sysenter ? "sysenter" : "int 0x30",
            CONFIG_FASTPATH && cpu_has_sysenter ? "fast path on" : "general path only");
}

} // namespace arch
