// Page-table bits and kernel-mapping functions both x86 page-table formats
// share (the low 12 bits of an entry mean the same in the 32-bit and the
// 64-bit format).  Included by the port's paging.h.
#pragma once

#include <generic/types.h>

namespace arch {

enum : Word {
    pg_present = 1u << 0, pg_writable = 1u << 1, pg_user = 1u << 2,
    pg_write_through = 1u << 3, pg_cache_disable = 1u << 4,
    pg_accessed = 1u << 5, pg_dirty = 1u << 6, pg_superpage = 1u << 7, pg_global = 1u << 8,
};

// Drops the boot identity map, turns on global pages and builds the kernel
// page tables that every space shares (TCB area, device area).
void init_kernel_paging();

// Maps a device's registers uncached into the device area; returns the address.
[[nodiscard]] Word map_device(Paddr phys, Word size);

// Backs a TCB slot with a page (or with the shared zero page when page == 0),
// and tells which page backs it.
void set_tcb_page(Word tcb_address, Paddr page);
[[nodiscard]] Paddr get_tcb_page(Word tcb_address);

void flush_tlb_page(Word va);
void flush_tlb_all();

} // namespace arch
