// MIPS page-table entries for the generic page-table walker
// (kernel/generic/page_table.h), laid out for the software TLB refill
// handler (entry.S), which runs on every TLB miss.
//
// Three levels of 512 eight-byte entries map the 512 GiB user part of
// xuseg with 4 KiB pages and 2 MiB superpages (level 1).  A leaf entry is an
// EntryLo value shifted left by 6 with two software bits below it, so the
// refill loads it with one `ld` and one `dsrl`:
//
//   bit  0     P  present (software)
//   bit  1     W  the X.2 write right (software)
//   bit  6     G  global (hardware; kernel TCB entries only)
//   bit  7     V  valid (hardware) = referenced: set on the first access
//   bit  8     D  dirty (hardware write enable) = written: set on the first write
//   bits 9-11  C  cache coherency attribute
//   bits 12-35    physical frame (the address itself)
//
// V and D start clear: the first access traps as "TLB invalid" or "TLB
// modified" and the kernel sets them (soft_fault.cc), which is how a CPU
// without hardware reference bits still reports X.2 access status.  A
// table entry is the table's CKSEG0 address with P set: negative where a
// leaf is positive, and usable by the refill with a -1 load offset.  Even
// and odd pages sit side by side, as the EntryLo0/EntryLo1 pair of a TLB
// entry wants them.
#pragma once

#include "config.h"
#include "cp0.h"
#include "layout.h"
#include <generic/types.h>

namespace arch {

using Pte = u64;

inline constexpr unsigned pt_levels = 3;
inline constexpr unsigned pt_shift[pt_levels] = {PT_SHIFT0, PT_SHIFT1, PT_SHIFT2};
inline constexpr unsigned pt_entries = 512;
inline constexpr bool pt_leaf_allowed[pt_levels] = {false, true, true};

// Cache attributes of a mapping (MemoryControl).
enum class CacheMode : u8 { Default = 0, Uncached = 1, WriteThrough = 2 };

inline constexpr Word rights_r = 4, rights_w = 2, rights_x = 1;

enum : Pte {
    pte_p = 1u << 0, pte_w = 1u << 1,
    pte_g = Pte(ENTRYLO_G) << PTE_HW_SHIFT, pte_v = Pte(ENTRYLO_V) << PTE_HW_SHIFT,
    pte_d = Pte(ENTRYLO_D) << PTE_HW_SHIFT, pte_c_shift = ENTRYLO_C_SHIFT + PTE_HW_SHIFT,
    pte_c_mask = Pte(7) << pte_c_shift,
};

// Cache coherency attributes (MIPS64 Vol. III, "Cacheability and
// Coherency Attributes"): 3 cacheable write-back, 2 uncached, 1 cacheable
// write-through with write allocate.
inline constexpr Pte cca_of(CacheMode c)
{
    return c == CacheMode::Uncached ? 2 : c == CacheMode::WriteThrough ? 1 : 3;
}

inline Pte pte_table(Paddr table) { return Pte(CKSEG0 + table) | pte_p; }

inline Pte pte_with_cache(Pte p, CacheMode c) { return (p & ~pte_c_mask) | (cca_of(c) << pte_c_shift); }

inline Pte pte_page(Paddr page, unsigned level, Word rights, CacheMode cache)
{
    (void)level;
    Pte p = Pte(page) | pte_p | ((rights & rights_w) ? pte_w : 0);
    return pte_with_cache(p, cache);
}

inline bool pte_present(Pte p) { return (p & pte_p) != 0; }
inline bool pte_is_table(Pte p, unsigned level) { return level + 1 < pt_levels && s64(p) < 0; }
inline Paddr pte_address(Pte p, unsigned level)
{
    if (s64(p) < 0)
        return Paddr((p & ~Pte(0xfff)) - CKSEG0);
    return Paddr(p & ~((Pte(1) << pt_shift[level]) - 1));
}
// Without RI/XI (QEMU's MIPS64R2-generic has none), r and x are one.
inline Word pte_rights(Pte p) { return rights_r | rights_x | ((p & pte_w) ? rights_w : 0); }
// Taking w away also clears D, so the TLB stops accepting writes.
inline Pte pte_with_rights(Pte p, Word rights) { return (rights & rights_w) ? p | pte_w : p & ~(pte_w | pte_d); }
inline Word pte_status(Pte p) { return ((p & pte_v) ? rights_r | rights_x : 0) | ((p & pte_d) ? rights_w : 0); }
inline Pte pte_without_status(Pte p) { return p & ~(pte_v | pte_d); }
inline CacheMode pte_cache(Pte p)
{
    Pte c = (p & pte_c_mask) >> pte_c_shift;
    return c == 2 ? CacheMode::Uncached : c == 1 ? CacheMode::WriteThrough : CacheMode::Default;
}

// The per-space arch part: the space's ASID on each CPU, valid while its
// generation is that CPU's current one (tlb.cc).
struct PageTableArch {
    u64 asid_generation[CONFIG_MAX_CPUS] = {};
    u8 asid[CONFIG_MAX_CPUS] = {};
};

// The user root holds no kernel part on MIPS: kernel memory is unmapped
// (CKSEG0) or refilled from the kernel's own TCB table.
[[nodiscard]] inline bool init_root(Pte*, PageTableArch&) { return true; }
inline void destroy_root(Pte*, PageTableArch&) {}

// Removes every TLB entry of the space for [va, va + 2^size_log2) on this
// CPU, whether or not the space is the active one (the TLB holds entries
// of many ASIDs at once).
void tlb_invalidate(const PageTableArch& a, const Pte* root, Word va, unsigned size_log2);

} // namespace arch
