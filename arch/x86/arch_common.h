// The part of the arch contract both x86 ports implement alike on top of
// their own types (Frame, ThreadContext, CpuLocal, PageTableArch): the TCB
// area, backtraces, the KIP stubs, kernel devices, boot, timer and SMP
// entry points.  Included by arch/<port>/arch.h after context.h and pte.h.
#pragma once

#include "config.h"
#include <generic/types.h>
#include <layout.h>

class Utcb;

namespace arch {

// TCBs live in a virtual array: thread number n's TCB (and kernel stack) is
// the page at tcb_area + n * tcb_size; free slots map a read-only zero page.
inline constexpr Word tcb_area = TCB_AREA;
inline constexpr Word tcb_size = TCB_SIZE;
inline constexpr unsigned thread_no_bits = THREAD_NO_BITS;
inline void map_tcb_page(Word tcb_address, Paddr page) { set_tcb_page(tcb_address, page); }
inline void unmap_tcb_page(Word tcb_address) { set_tcb_page(tcb_address, 0); }
inline Paddr tcb_page(Word tcb_address) { return get_tcb_page(tcb_address); }

// The running thread's TCB is found from the kernel stack pointer.
inline Word current_tcb_address() { return current_stack_pointer() & ~(tcb_size - 1); }

// Prints a register frame for fault diagnostics.
void dump_frame(const Frame& f);

// Calls f(return address) up the frame-pointer chain of the current kernel
// stack, which ends at the stack's top (debug builds keep frame pointers).
template <class F> inline void backtrace(F f)
{
    Word top = current_tcb_address() + tcb_size;
    auto* frame = static_cast<Word*>(__builtin_frame_address(0));
    for (unsigned depth = 0; depth < 24; depth++) {
        Word at = reinterpret_cast<Word>(frame);
        if (at < current_stack_pointer() || at + 2 * sizeof(Word) > top || (at & (sizeof(Word) - 1)) != 0)
            return;
        if (frame[1] < KERNEL_OFFSET)
            return;
        f(frame[1]);
        frame = reinterpret_cast<Word*>(frame[0]);
    }
}

// The KIP system-call stubs (kip_stubs.S), in the order of enum Syscall.
[[nodiscard]] const void* kip_stub(unsigned index);
inline constexpr Word kip_stub_size = 16;
// The space maps the KIP at kip_base.
void set_kip_location(PageTableArch& a, Word kip_base);
// Architecture-specific KIP memory descriptors: none on x86.
template <class Add> inline void add_arch_memory_descriptors(Add) {}

// The exception message (exception_message.cc).
void write_exception_message(Utcb& u, const Frame& f, Word vector, Word error);
void read_exception_reply(Utcb& u, Frame& f);

// Physical ranges of devices the kernel drives itself (sigma0 may not own
// them): the IO-APIC and the local APIC.
template <class F> inline void for_each_kernel_device_range(F f)
{
    f(0xfec00000, 0xfec01000);
    f(0xfee00000, 0xfee01000);
}

// Physical memory the kernel needs during boot besides its image: the
// application processors' start-up page (ap_boot.S).
template <class F> inline void for_each_boot_reserved_range(F f)
{
    if constexpr (CONFIG_MAX_CPUS > 1)
        f(AP_TRAMPOLINE_PHYS, AP_TRAMPOLINE_PHYS + page_size, "the AP start-up page");
}

// Loads the kernel-only page table (when the current space dies).
void activate_kernel_page_table();

// Cycle-counter calibration and the per-CPU tick timer.
[[nodiscard]] u64 calibrate_cycles_per_ms();
void start_tick_timer(unsigned period_us);
[[nodiscard]] Word timer_khz();

// Boot-time set-up of the boot CPU (descriptor tables, paging, interrupt
// controllers, the Ipc entry); runs once kernel memory exists.
void init_boot_cpu(CpuLocal& cpu);
// The per-CPU part of that, which every AP runs for itself.
void init_this_cpu(CpuLocal& cpu, unsigned id);
// Its last step on both ports: lazy FPU set-up, the local APIC (cpu.apic_id).
void init_fpu_and_local_apic(CpuLocal& cpu, unsigned id);

// Multiprocessor (smp.cc): the boot CPU's hardware id (local APIC id);
// start the CPU with hardware id hw_id on the stack stack_top, where it
// calls secondary_cpu_main(); false when it did not report in time.
[[nodiscard]] u32 boot_cpu_hw_id();
[[nodiscard]] bool start_cpu(CpuLocal& cpu, unsigned id, u32 hw_id, Word stack_top);
// Interrupts CPU `to` so it looks at its mailbox (kernel/generic/smp.h).
void send_ipi(const CpuLocal& to);
// Drops this CPU's translation of a kernel page (a TCB slot) that another
// CPU changed.
inline void flush_kernel_page(Word va) { flush_tlb_page(va); }

} // namespace arch
