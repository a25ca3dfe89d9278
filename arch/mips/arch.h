// MIPS64 (n64, little endian) implementation of the arch contract
// (kernel/generic/arch_contract.h).  This header holds CPU control and
// the memory constants; each other part of the contract has its own
// header, included below.
#pragma once

#include "cp0.h"
#include "layout.h"
#include <generic/types.h>

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

// No frame-pointer chain to walk in the n64 ABI: panics print no backtrace.
template <class F> inline void backtrace(F) {}

struct CpuLocal;
// Boot-time set-up of the boot CPU (TLB, kernel TCB table, FPU, interrupt
// mask); runs once kernel memory exists.
void init_boot_cpu(CpuLocal& cpu);

} // namespace arch

#include "board.h"
#include "context.h"
#include "exception_message.h"
#include "fpu.h"
#include "kip_stubs.h"
#include "lipc.h"
#include "paging.h"
#include "pte.h"
#include "smp.h"
#include "timer.h"
#include "trap.h"
#include "user_access.h"
