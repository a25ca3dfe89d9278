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

// Builds the TCB table (every slot mapping the shared read-only zero page)
// and the empty user root of "no space".
void init_kernel_paging();

// Backs a TCB slot with a page (or with the shared zero page when page == 0),
// and tells which page backs it.
void set_tcb_page(Word tcb_address, Paddr page);
[[nodiscard]] Paddr get_tcb_page(Word tcb_address);

// A kernel view of the physical page `page` for copying into it; valid until
// the next call on this CPU.  The whole physical window is unmapped CKSEG0.
[[nodiscard]] inline void* copy_window(unsigned, Paddr page) { return reinterpret_cast<void*>(page + CKSEG0); }

} // namespace arch
