// amd64 multiprocessor start-up: each application processor starts in the
// trampoline page (ap_boot.S) through the shared handshake (x86/ap_start.h);
// a CPU that does not report in is left out.  Every AP starts on the stack
// of its idle thread, so the generic code finds its TCB (and with it its
// Cpu) from the first instruction on.
#include "arch.h"
#include <generic/cpu.h>
#include <generic/kmem.h>
#include <generic/smp.h>
#include <generic/string.h>
#include <generic/tcb.h>
#include <x86/ap_start.h>
#include <x86/lapic.h>

extern "C" char ap_trampoline_start[], ap_trampoline_end[], ap_cr3[], ap_stack[], ap_entry[];
extern "C" u64 boot_pdpt_low[512];
extern "C" void amd64_ap_entry();

namespace arch {

namespace {

u64* ap_pml4;   // the kernel's, plus the boot identity map

void set_trampoline_word(const char* symbol, u64 value)
{
    *phys_to_virt<u64>(AP_TRAMPOLINE_PHYS + Word(symbol - ap_trampoline_start)) = value;
}

} // namespace

u32 boot_cpu_hw_id() { return x86::lapic.id(); }

bool start_cpu(CpuLocal& cpu, unsigned, u32 hw_id, Word stack_top)
{
    if (ap_pml4 == nullptr) {
        ap_pml4 = static_cast<u64*>(kmem.alloc_page());
        if (ap_pml4 == nullptr)
            return false;
        memcpy(ap_pml4, kernel_pml4(), page_size);
        ap_pml4[0] = virt_to_phys(boot_pdpt_low) | pg_present | pg_writable;
    }
    memcpy(phys_to_virt<void>(AP_TRAMPOLINE_PHYS), ap_trampoline_start,
           Word(ap_trampoline_end - ap_trampoline_start));
    set_trampoline_word(ap_cr3, virt_to_phys(ap_pml4));
    set_trampoline_word(ap_stack, stack_top);
    set_trampoline_word(ap_entry, reinterpret_cast<Word>(amd64_ap_entry));
    cpu.apic_id = hw_id;
    bool started = x86::start_ap(hw_id, u8(AP_TRAMPOLINE_PHYS >> 12));
    if (!started)   // it must never run on this stack now
        set_trampoline_word(ap_stack, 0);
    return started;
}

void send_ipi(const CpuLocal& to) { x86::lapic.send_ipi(to.apic_id, VECTOR_IPI); }

} // namespace arch

// The AP's first C++ code, on its idle thread's stack.
extern "C" NORETURN void amd64_ap_main()
{
    Tcb* idle = Tcb::current();
    Cpu& cpu = *idle->cpu;
    arch::activate_kernel_page_table();   // drops the trampoline's identity map
    arch::init_this_cpu(cpu.arch, cpu.id);
    x86::ap_started = true;
    smp::secondary_cpu_main();
}
