// ia32 implementation of the arch contract (kernel/generic/arch_contract.h).
#pragma once

#include "config.h"
#include "layout.h"
#include <generic/types.h>
#include <x86/cpu.h>

class Utcb;

namespace arch {

inline constexpr Word page_size = 4096;
inline constexpr Word page_bits = 12;
inline constexpr Word superpage_size = 0x400000;
inline constexpr u64 max_phys_ram = 0x100000000ull;   // 32-bit physical addresses, no PAE
inline constexpr bool big_endian = false;
inline constexpr unsigned elf_machine = 3;   // EM_386
inline constexpr Word user_end = USER_END;
inline constexpr Word root_kip_area = ROOT_KIP_AREA;
inline constexpr Word root_utcb_area = ROOT_UTCB_AREA;
inline constexpr unsigned root_utcb_area_log2 = 20;   // 2048 UTCBs
inline constexpr Word page_size_mask = (1u << 12) | (1u << 22);   // 4 KiB and 4 MiB pages
inline constexpr Word page_rights = 6;   // KIP PageInfo: r and w; x is implied by r without NX

inline void cpu_relax() { x86::pause(); }
inline u64 cycles() { return x86::rdtsc(); }
inline bool interrupts_enabled() { return (x86::read_flags() & x86::eflags_if) != 0; }
inline void enable_interrupts() { x86::sti(); }
inline void disable_interrupts() { x86::cli(); }
// Waits for an interrupt with interrupts enabled; returns with them disabled.
inline void idle_wait()
{
    x86::sti_hlt();
    x86::cli();
}
NORETURN void halt_forever();

template <class T> inline T* phys_to_virt(Paddr p) { return reinterpret_cast<T*>(p + KERNEL_OFFSET); }
inline Paddr virt_to_phys(const void* v) { return reinterpret_cast<Word>(v) - KERNEL_OFFSET; }
inline Paddr phys_window_end() { return PHYS_WINDOW_SIZE; }

Paddr kernel_image_start();
Paddr kernel_image_end();

} // namespace arch

#include "context.h"
#include <x86/fpu.h>
#include "paging.h"
#include "pte.h"

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

// Calls f(return address) up the EBP chain of the current kernel stack,
// which ends at the stack's top (debug builds keep frame pointers).
template <class F> inline void backtrace(F f)
{
    Word top = current_tcb_address() + tcb_size;
    auto* frame = static_cast<Word*>(__builtin_frame_address(0));
    for (unsigned depth = 0; depth < 24; depth++) {
        Word at = reinterpret_cast<Word>(frame);
        if (at < current_stack_pointer() || at + 2 * sizeof(Word) > top || (at & 3) != 0)
            return;
        if (frame[1] < KERNEL_OFFSET)
            return;
        f(frame[1]);
        frame = reinterpret_cast<Word*>(frame[0]);
    }
}

// The KIP system-call stubs (kip_stubs.S), in the order of enum Syscall.
[[nodiscard]] const void* kip_stub(unsigned index);
// The space maps the KIP at kip_base (the sysenter return point is there).
void set_kip_location(PageTableArch& a, Word kip_base);
// Whether Ipc enters with sysenter (else int 0x30); set at boot.
extern bool cpu_has_sysenter;

// LIPC (lipc_arch.cc, kip_stubs.S): the user-level Lipc code exists here.
inline constexpr bool has_lipc = true;
// A thread waiting lazily resumes on its frame (user SP sp, at a KIP stub's
// return, EDI its UTCB), not on its kernel stack.  Returns whether the frame
// suits the fast path (Tcb::user_ipc).
[[nodiscard]] bool lipc_resume_frame(ThreadContext& ctx, Frame& f, const PageTableArch& a, Word sp,
                                     Word local_id);
// Whether an Ipc entry came from the Lipc code's kernel fallback.
[[nodiscard]] bool is_lipc_call(const Frame& f, const PageTableArch& a);
// Test support: single-step the thread's user code from its next return.
void start_single_step(Frame& f);
inline constexpr Word kip_stub_size = 16;
// Architecture-specific KIP memory descriptors: none on ia32.
template <class Add> inline void add_arch_memory_descriptors(Add) {}

// The exception message (exception_message.cc).
inline constexpr unsigned exception_message_words = 12;
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

// Loads the kernel-only page directory (when the current space dies).
void activate_kernel_page_table();

// Cycle-counter calibration and the per-CPU tick timer.
[[nodiscard]] u64 calibrate_cycles_per_ms();
void start_tick_timer(unsigned period_us);
[[nodiscard]] Word timer_khz();

// Boot-time set-up of the boot CPU (descriptor tables, paging, interrupt
// controllers); runs once kernel memory exists.
void init_boot_cpu(CpuLocal& cpu);
// The per-CPU part of that, which every AP runs for itself.
void init_this_cpu(CpuLocal& cpu, unsigned id);

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
#include "user_access.h"
