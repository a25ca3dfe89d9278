// Starting the application processors on x86 (ia32 and amd64): each gets
// INIT and up to two STARTUP IPIs naming the trampoline page (the port's
// ap_boot.S) and must report within a time limit; a CPU that does not is
// left out.  Every AP starts on the stack of its idle thread, so the
// generic code finds its TCB (and with it its Cpu) from the first
// instruction on.
#include "ap_start.h"
#include "lapic.h"
#include <arch.h>
#include <generic/clock.h>
#include <generic/cpu.h>
#include <generic/smp.h>
#include <generic/string.h>
#include <generic/tcb.h>

extern "C" char ap_trampoline_start[], ap_trampoline_end[], ap_cr3[], ap_stack[], ap_entry[];
extern "C" void x86_ap_entry();

namespace x86 {

volatile bool ap_started;

namespace {

void wait_us(u64 us)
{
    u64 until = system_clock.now_us() + us;
    while (system_clock.now_us() < until)
        arch::cpu_relax();
}

bool wait_started(u64 us)
{
    u64 until = system_clock.now_us() + us;
    while (!ap_started && system_clock.now_us() < until)
        arch::cpu_relax();
    return ap_started;
}

// The trampoline's parameter words are machine words on both ports.
void set_trampoline_word(const char* symbol, Word value)
{
    *arch::phys_to_virt<Word>(AP_TRAMPOLINE_PHYS + Word(symbol - ap_trampoline_start)) = value;
}

bool start_ap(u32 hw_id, u8 trampoline_page)
{
    ap_started = false;
    lapic.send_init(hw_id);
    wait_us(10000);
    for (int attempt = 0; attempt < 2 && !ap_started; attempt++) {
        lapic.send_startup(hw_id, trampoline_page);
        if (wait_started(attempt == 0 ? 1000 : 100000))
            break;
    }
    return ap_started;
}

} // namespace

} // namespace x86

namespace arch {

u32 boot_cpu_hw_id() { return x86::lapic.id(); }

bool start_cpu(CpuLocal& cpu, unsigned, u32 hw_id, Word stack_top)
{
    Paddr root = ap_root_table();
    if (root == 0)
        return false;
    memcpy(phys_to_virt<void>(AP_TRAMPOLINE_PHYS), ap_trampoline_start,
           Word(ap_trampoline_end - ap_trampoline_start));
    x86::set_trampoline_word(ap_cr3, root);
    x86::set_trampoline_word(ap_stack, stack_top);
    x86::set_trampoline_word(ap_entry, reinterpret_cast<Word>(x86_ap_entry));
    cpu.apic_id = hw_id;
    bool started = x86::start_ap(hw_id, u8(AP_TRAMPOLINE_PHYS >> 12));
    if (!started)   // it must never run on this stack now
        x86::set_trampoline_word(ap_stack, 0);
    return started;
}

void send_ipi(const CpuLocal& to) { x86::lapic.send_ipi(to.apic_id, VECTOR_IPI); }

} // namespace arch

// The AP's first C++ code, on its idle thread's stack.
extern "C" NORETURN void x86_ap_main()
{
    Tcb* idle = Tcb::current();
    Cpu& cpu = *idle->cpu;
    arch::activate_kernel_page_table();   // drops the trampoline's identity map
    arch::init_this_cpu(cpu.arch, cpu.id);
    x86::ap_started = true;
    smp::secondary_cpu_main();
}
