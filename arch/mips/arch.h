// MIPS64 (n64, little endian) implementation of the arch contract
// (kernel/generic/arch_contract.h).
#pragma once

#include "cp0.h"
#include "layout.h"
#include <generic/types.h>

class Utcb;

extern "C" void mips_idle_wait();

namespace arch {

inline constexpr Word page_size = 4096;
inline constexpr Word page_bits = 12;
inline constexpr u64 max_phys_ram = PHYS_WINDOW_SIZE;   // CKSEG0/CKSEG1 reach the first 512 MiB
inline constexpr bool big_endian = false;
inline constexpr unsigned elf_machine = 8;               // EM_MIPS
inline constexpr Word user_end = USER_END;
inline constexpr Word root_kip_area = ROOT_KIP_AREA;
inline constexpr Word root_utcb_area = ROOT_UTCB_AREA;
inline constexpr unsigned root_utcb_area_log2 = 20;      // 1024 UTCBs of 1 KiB
inline constexpr Word page_size_mask = (1u << 12) | (1u << 21);   // 4 KiB and 2 MiB pages
inline constexpr Word page_rights = 6;                   // KIP PageInfo: r and w; x is implied by r

inline void cpu_relax() {}
[[nodiscard]] u64 cycles();
inline bool interrupts_enabled() { return (mips::read_status() & ST_IE) != 0; }
inline void enable_interrupts() { asm volatile("ei\n\tehb" ::: "memory"); }
inline void disable_interrupts() { asm volatile("di\n\tehb" ::: "memory"); }
// Waits for an interrupt with interrupts enabled; returns with them disabled.
inline void idle_wait() { mips_idle_wait(); }
NORETURN void halt_forever();

template <class T> inline T* phys_to_virt(Paddr p) { return reinterpret_cast<T*>(p + CKSEG0); }
inline Paddr virt_to_phys(const void* v) { return reinterpret_cast<Word>(v) - CKSEG0; }
inline Paddr phys_window_end() { return PHYS_WINDOW_SIZE; }
// Device registers: the uncached alias of the physical window.
template <class T> inline T* phys_to_uncached(Paddr p) { return reinterpret_cast<T*>(p + CKSEG1); }

Paddr kernel_image_start();
Paddr kernel_image_end();

} // namespace arch

#include "board.h"
#include "context.h"
#include "fpu.h"
#include "paging.h"
#include "pte.h"

namespace arch {

// TCBs live in a virtual array in xkseg: thread number n's TCB (and
// kernel stack) is the page at tcb_area + n * tcb_size; free slots map a
// read-only zero page.
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

// The KIP system-call stubs (kip_stubs.S), in the order of enum Syscall.
[[nodiscard]] const void* kip_stub(unsigned index);
inline constexpr Word kip_stub_size = 16;
// Architecture-specific KIP memory descriptors: none on MIPS.
template <class Add> inline void add_arch_memory_descriptors(Add) {}

// The exception message (exception_message.cc).
inline constexpr unsigned exception_message_words = 35;
void write_exception_message(Utcb& u, const Frame& f, Word vector, Word error);
void read_exception_reply(Utcb& u, Frame& f);

// Physical ranges of devices the kernel drives itself (sigma0 may not own
// them): on MIPS all of them are the board's (board.h).
template <class F> inline void for_each_kernel_device_range(F f)
{
    for (unsigned i = 0; i < mips::board_device_range_count; i++)
        f(mips::board_device_ranges[i].base, mips::board_device_ranges[i].end);
}

// Loads the kernel-only table (when the current space dies).
void activate_kernel_page_table();

// Cycle-counter calibration and the per-CPU tick timer (CP0 Count/Compare).
[[nodiscard]] u64 calibrate_cycles_per_ms();
void start_tick_timer(unsigned period_us);
[[nodiscard]] Word timer_khz();

// Boot-time set-up of the boot CPU (TLB, kernel TCB table, FPU); runs once
// kernel memory exists.
void init_boot_cpu(CpuLocal& cpu);

} // namespace arch

#include "user_access.h"
