// amd64 boot-time CPU set-up.
#include "arch.h"
#include <generic/assert.h>
#include <generic/console.h>
#include <generic/clock.h>
#include <generic/cpu.h>
#include <x86/lapic.h>

extern "C" void amd64_syscall_entry();

namespace arch {

void activate_kernel_page_table() { x86::write_cr3(virt_to_phys(kernel_pml4())); }

namespace {

// RFLAGS bits syscall clears: TF, IF, DF, NT, AC (the kernel runs with
// interrupts off and clean flags).
constexpr u64 syscall_flag_mask = 0x100 | 0x200 | 0x400 | 0x4000 | 0x40000;

// syscall/sysretq (SDM vol. 3, 5.8.8): STAR's selector bases (layout.h),
// the entry point, the flags mask.  EFER.SCE is on since boot.S.
void init_syscall()
{
    x86::wrmsr(MSR_STAR, (u64(SEL_USER32_CS & ~3u) << 48) | (u64(SEL_KERNEL_CS) << 32));
    x86::wrmsr(MSR_LSTAR, reinterpret_cast<Word>(amd64_syscall_entry));
    x86::wrmsr(MSR_FMASK, syscall_flag_mask);
}

// CPUID features Chestnut uses only when present, named in the boot log.
void report_optional_features()
{
    bool pcid = (x86::cpuid(1).ecx & x86::cpuid1_ecx_pcid) != 0;
    kprintf("cpu: Ipc enters with syscall, %s; local APIC in %s; %s\n",
            CONFIG_FASTPATH ? "fast path on" : "general path only",
            x86::lapic.x2apic() ? "x2APIC mode" : "xAPIC (MMIO) mode, no x2APIC",
            pcid ? "PCID reported but not used: CR3 loads flush" : "no PCID: CR3 loads flush");
}

} // namespace

void init_this_cpu(CpuLocal& cpu, unsigned id)
{
    init_cpu_tables(cpu.tables);
    load_idt();
    cpu.utcb_slot_offset = 8 * id;
    cpu.fs_base = CURRENT_UTCB_PAGE + cpu.utcb_slot_offset;
    restore_fs_base(cpu);
    // The kernel's GS base while in the kernel; swapgs exchanges it with
    // the user's (KERNEL_GS_BASE) on every entry and exit.
    x86::wrmsr(MSR_GS_BASE, reinterpret_cast<Word>(&cpu));
    x86::wrmsr(MSR_KERNEL_GS_BASE, 0);
    init_syscall();
    init_fpu_and_local_apic(cpu, id);
}

void init_boot_cpu(CpuLocal& cpu)
{
    auto features = x86::cpuid(1);
    constexpr u32 required = x86::cpuid1_edx_tsc | x86::cpuid1_edx_pge | x86::cpuid1_edx_apic |
                             x86::cpuid1_edx_fxsr;
    if ((features.edx & required) != required)
        panic("this CPU lacks TSC, PGE, FXSR or a local APIC (cpuid 1 edx %x)", features.edx);
    init_idt();
    init_kernel_paging();   // the device area the local APIC is mapped into
    init_this_cpu(cpu, 0);
    report_optional_features();
}

} // namespace arch
