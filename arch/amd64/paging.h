// amd64 four-level page tables (Intel SDM vol. 3, 4.5): PML4, PDPT, PD, PT
// of 512 eight-byte entries; 4 KiB pages and 2 MiB superpages.
#pragma once

#include "layout.h"
#include <generic/types.h>

namespace arch {

enum : u64 {
    pg_present = 1ul << 0, pg_writable = 1ul << 1, pg_user = 1ul << 2,
    pg_write_through = 1ul << 3, pg_cache_disable = 1ul << 4,
    pg_accessed = 1ul << 5, pg_dirty = 1ul << 6, pg_superpage = 1ul << 7, pg_global = 1ul << 8,
};
constexpr u64 pg_frame_mask = 0x000ffffffffff000ul;
constexpr u64 pg_superpage_frame_mask = 0x000fffffffe00000ul;
constexpr unsigned pml4_index(Word va) { return unsigned((va >> 39) & 511); }
constexpr unsigned pdpt_index(Word va) { return unsigned((va >> 30) & 511); }
constexpr unsigned pd_index(Word va) { return unsigned((va >> 21) & 511); }
constexpr unsigned pt_index(Word va) { return unsigned((va >> 12) & 511); }

// The PML4 all spaces copy their kernel half from.
u64* kernel_pml4();

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
