// amd64 page-table entries for the generic page-table walker
// (kernel/generic/page_table.h): four levels of 512 entries, 4 KiB pages
// and 2 MiB superpages (PD leaves); no 1 GiB pages, NX unused.
#pragma once

#include "layout.h"
#include "paging.h"
#include <generic/types.h>

namespace arch {

using Pte = u64;

inline constexpr unsigned pt_levels = 4;   // level 0 = the PML4
inline constexpr unsigned pt_shift[pt_levels] = {39, 30, 21, 12};
inline constexpr unsigned pt_entries = 512;
inline constexpr bool pt_leaf_allowed[pt_levels] = {false, false, true, true};

} // namespace arch

#include <x86/pte_bits.h>

namespace arch {

inline Pte pte_page(Paddr page, unsigned level, Word rights, CacheMode cache)
{
    return pte_leaf(page, level + 1 < pt_levels, rights, cache);
}
inline bool pte_is_table(Pte p, unsigned level) { return level + 1 < pt_levels && (p & pg_superpage) == 0; }
inline Paddr pte_address(Pte p, unsigned level)
{
    return p & (level + 1 < pt_levels && (p & pg_superpage) ? pg_superpage_frame_mask : pg_frame_mask);
}

// The per-space arch part of a page table: the kernel half of the PML4 is
// shared; its per-space slot leads to the space's current-UTCB page.
struct PageTableArch {
    Word* current_utcb_page = nullptr;
    Pte* local_tables[3] = {};   // PDPT, PD and PT of the per-space area
    Paddr root_phys = 0;         // what CR3 gets (the fast path reads it)
    Word kip_base = 0;           // where this space maps the KIP (the Lipc stub)
};

// Sets up the kernel part of a fresh root table; false on out of memory.
[[nodiscard]] bool init_root(Pte* root, PageTableArch& a);
void destroy_root(Pte* root, PageTableArch& a);

// Invalidates the TLB entries of [va, va + 2^size_log2) if the root is the
// one loaded on this CPU.
void tlb_invalidate(const PageTableArch& a, const Pte* root, Word va, unsigned size_log2);

} // namespace arch
