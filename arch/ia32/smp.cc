// ia32 multiprocessor start-up: each application processor starts in the
// trampoline page (ap_boot.S) through the shared handshake (x86/ap_start.h);
// a CPU that does not report in is left out.  Every AP starts on the stack
// of its idle thread, so the
// generic code finds its TCB (and with it its Cpu) from the first
// instruction on.
#include "arch.h"
#include <generic/clock.h>
#include <generic/cpu.h>
#include <generic/kmem.h>
#include <generic/smp.h>
#include <generic/string.h>
#include <generic/tcb.h>
#include <x86/ap_start.h>
#include <x86/lapic.h>

extern "C" char ap_trampoline_start[], ap_trampoline_end[], ap_cr3[], ap_stack[], ap_entry[];
extern "C" void ia32_ap_entry();

namespace arch {

namespace {

u32* ap_page_directory;   // the kernel's, plus an identity map of the first 4 MiB

void set_trampoline_word(const char* symbol, u32 value)
{
    *phys_to_virt<u32>(AP_TRAMPOLINE_PHYS + Word(symbol - ap_trampoline_start)) = value;
}

} // namespace

u32 boot_cpu_hw_id() { return x86::lapic.id(); }

bool start_cpu(CpuLocal& cpu, unsigned, u32 hw_id, Word stack_top)
{
    if (ap_page_directory == nullptr) {
        ap_page_directory = static_cast<u32*>(kmem.alloc_page());
        if (ap_page_directory == nullptr)
            return false;
        memcpy(ap_page_directory, kernel_page_directory(), page_size);
        ap_page_directory[0] = 0x83;   // present, writable, 4 MiB page at 0
    }
    memcpy(phys_to_virt<void>(AP_TRAMPOLINE_PHYS), ap_trampoline_start,
           Word(ap_trampoline_end - ap_trampoline_start));
    set_trampoline_word(ap_cr3, u32(virt_to_phys(ap_page_directory)));
    set_trampoline_word(ap_stack, u32(stack_top));
    set_trampoline_word(ap_entry, u32(reinterpret_cast<Word>(ia32_ap_entry)));
    cpu.apic_id = hw_id;
    bool started = x86::start_ap(hw_id, u8(AP_TRAMPOLINE_PHYS >> 12));
    if (!started)   // it must never run on this stack now
        set_trampoline_word(ap_stack, 0);
    return started;
}

void send_ipi(const CpuLocal& to) { x86::lapic.send_ipi(to.apic_id, VECTOR_IPI); }

} // namespace arch

// The AP's first C++ code, on its idle thread's stack.
extern "C" NORETURN void ia32_ap_main()
{
    Tcb* idle = Tcb::current();
    Cpu& cpu = *idle->cpu;
    arch::activate_kernel_page_table();   // drops the trampoline's identity map
    arch::init_this_cpu(cpu.arch, cpu.id);
    x86::ap_started = true;
    smp::secondary_cpu_main();
}
