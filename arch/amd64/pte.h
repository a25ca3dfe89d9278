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

// Cache attributes of a mapping (MemoryControl).
enum class CacheMode : u8 { Default = 0, Uncached = 1, WriteThrough = 2 };

// X.2 rights: r 4, w 2, x 1.  Without NX, r and x are one.
inline constexpr Word rights_r = 4, rights_w = 2, rights_x = 1;

inline Pte pte_table(Paddr table) { return Pte(table) | pg_present | pg_writable | pg_user; }

inline Pte pte_with_cache(Pte p, CacheMode c)
{
    p &= ~Pte(pg_cache_disable | pg_write_through);
    if (c == CacheMode::Uncached)
        p |= pg_cache_disable | pg_write_through;
    else if (c == CacheMode::WriteThrough)
        p |= pg_write_through;
    return p;
}

inline Pte pte_page(Paddr page, unsigned level, Word rights, CacheMode cache)
{
    Pte p = Pte(page) | pg_present | pg_user;
    if (rights & rights_w)
        p |= pg_writable;
    if (level + 1 < pt_levels)
        p |= pg_superpage;
    return pte_with_cache(p, cache);
}

inline bool pte_present(Pte p) { return (p & pg_present) != 0; }
inline bool pte_is_table(Pte p, unsigned level) { return level + 1 < pt_levels && (p & pg_superpage) == 0; }
inline Paddr pte_address(Pte p, unsigned level)
{
    return p & (level + 1 < pt_levels && (p & pg_superpage) ? pg_superpage_frame_mask : pg_frame_mask);
}
inline Word pte_rights(Pte p) { return (p & pg_writable) ? rights_r | rights_w | rights_x : rights_r | rights_x; }
inline Pte pte_with_rights(Pte p, Word rights) { return (rights & rights_w) ? p | pg_writable : p & ~Pte(pg_writable); }
// Access status as X.2 reports it: referenced (r, and x without NX) and dirty (w).
inline Word pte_status(Pte p)
{
    return ((p & pg_accessed) ? rights_r | rights_x : 0) | ((p & pg_dirty) ? rights_w : 0);
}
inline Pte pte_without_status(Pte p) { return p & ~Pte(pg_accessed | pg_dirty); }
inline CacheMode pte_cache(Pte p)
{
    return (p & pg_cache_disable) ? CacheMode::Uncached : (p & pg_write_through) ? CacheMode::WriteThrough : CacheMode::Default;
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
