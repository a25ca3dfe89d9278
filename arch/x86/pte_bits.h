// Page-table entry bits both x86 page-table formats share (32-bit entries
// on ia32, 64-bit on amd64: the low 12 bits mean the same), for the generic
// walker (kernel/generic/page_table.h).  The including pte.h defines Pte,
// the pg_* bits (its paging.h) and the level-dependent functions.
#pragma once

#include <generic/types.h>

namespace arch {

// Cache attributes of a mapping (MemoryControl).
enum class CacheMode : u8 { Default = 0, Uncached = 1, WriteThrough = 2 };

// X.2 rights: r 4, w 2, x 1.  Without NX, r and x are one: a present page
// can be read and executed; w adds RW.
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

// A leaf; superpage says whether it is a large page (PS bit).
inline Pte pte_leaf(Paddr page, bool superpage, Word rights, CacheMode cache)
{
    Pte p = Pte(page) | pg_present | pg_user;
    if (rights & rights_w)
        p |= pg_writable;
    if (superpage)
        p |= pg_superpage;
    return pte_with_cache(p, cache);
}

inline bool pte_present(Pte p) { return (p & pg_present) != 0; }
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

} // namespace arch
