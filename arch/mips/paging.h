// The kernel's mapped memory on MIPS: only the TCB area (xkseg).  A
// two-level table, a directory of TCB_AREA size / 2 MiB leaf tables in the
// PTE format of pte.h with global entries, which the refill handler walks
// for TCB-area misses (entry.S, refill_not_user).  Everything else the
// kernel touches is unmapped CKSEG0/CKSEG1.
#pragma once

#include "layout.h"
#include "pte.h"
#include <generic/types.h>

inline constexpr unsigned tcb_directory_entries = 1u << (TCB_AREA_BITS - PT_SHIFT1);
extern "C" arch::Pte* mips_tcb_directory[tcb_directory_entries];

namespace arch {

inline constexpr Word tcb_area = TCB_AREA;
inline constexpr Word tcb_size = TCB_SIZE;
inline constexpr unsigned thread_no_bits = THREAD_NO_BITS;

// Builds the TCB table (every slot mapping the shared read-only zero page)
// and the empty user root of "no space".
void init_kernel_paging();
// Loads that root (when the current space dies).
void activate_kernel_page_table();

// Backs a TCB slot with a page, back with the shared zero page, and tells
// which page backs it.
void map_tcb_page(Word tcb_address, Paddr page);
void unmap_tcb_page(Word tcb_address);
[[nodiscard]] Paddr tcb_page(Word tcb_address);

// A kernel view of the physical page `page` for copying into it; valid until
// the next call on this CPU.  The whole physical window is unmapped CKSEG0.
[[nodiscard]] inline void* copy_window(unsigned, Paddr page) { return reinterpret_cast<void*>(page + CKSEG0); }

} // namespace arch
