// ia32 page-table entries for the generic page-table walker
// (kernel/generic/page_table.h): two levels, 4 KiB pages and 4 MiB
// superpages (PSE), no PAE, no NX.
#pragma once

#include "layout.h"
#include "paging.h"
#include <generic/types.h>

namespace arch {

using Pte = u32;

inline constexpr unsigned pt_levels = 2;                    // level 0 = the page directory
inline constexpr unsigned pt_shift[pt_levels] = {22, 12};   // bytes one entry maps
inline constexpr unsigned pt_entries = 1024;                // per table, every level
inline constexpr bool pt_leaf_allowed[pt_levels] = {true, true};

} // namespace arch

#include <x86/pte_bits.h>

namespace arch {

inline Pte pte_page(Paddr page, unsigned level, Word rights, CacheMode cache)
{
    return pte_leaf(page, level == 0, rights, cache);
}
inline bool pte_is_table(Pte p, unsigned level) { return level + 1 < pt_levels && (p & pg_superpage) == 0; }
inline Paddr pte_address(Pte p, unsigned level) { return p & (level == 0 && (p & pg_superpage) ? 0xffc00000u : pg_frame_mask); }

// The per-space arch part of a page table: the kernel half of the page
// directory is shared; the last 4 MiB hold the space's current-UTCB page.
struct PageTableArch {
    Word* current_utcb_page = nullptr;
    Pte* local_table = nullptr;
    Paddr root_phys = 0;     // what CR3 gets (the fast path reads it)
    Word sysexit_ip = 0;     // the KIP stubs' return point in this space
    Word kip_base = 0;       // where this space maps the KIP (LIPC code ranges)
};

// Sets up the kernel part of a fresh root table; false on out of memory.
[[nodiscard]] bool init_root(Pte* root, PageTableArch& a);
void destroy_root(Pte* root, PageTableArch& a);

// Invalidates the TLB entries of [va, va + 2^size_log2) if the root is the
// one loaded on this CPU.
void tlb_invalidate(const PageTableArch& a, const Pte* root, Word va, unsigned size_log2);

} // namespace arch
