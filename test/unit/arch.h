// Host stand-in for the arch contract, so generic algorithms build and run
// as ordinary host code in the unit tests.  "Physical" addresses are host
// addresses (identity window).
#pragma once

#include <generic/types.h>

namespace arch {

inline constexpr Word page_size = 4096;
inline constexpr u64 max_phys_ram = ~u64(0);
inline constexpr bool big_endian = false;
inline constexpr unsigned elf_machine = 62;   // EM_X86_64: the host

inline void cpu_relax() {}
inline void halt_forever() { __builtin_trap(); }
inline void idle_wait() {}
inline u64 cycles() { return 0; }
inline bool interrupts_enabled() { return false; }
inline void enable_interrupts() {}
inline void disable_interrupts() {}

template <class T> inline T* phys_to_virt(Paddr p) { return reinterpret_cast<T*>(p); }
inline Paddr virt_to_phys(const void* v) { return reinterpret_cast<Paddr>(v); }
inline Paddr phys_window_end() { return ~Paddr(0); }
inline Paddr kernel_image_start() { return 0; }
inline Paddr kernel_image_end() { return 0; }

} // namespace arch

// A page-table format for the generic walker and mapping database: three
// levels of 512 u64 entries (1 GiB tables, 2 MiB and 4 KiB leaves) over a
// 4 GiB user space.
namespace arch {

using Pte = u64;
inline constexpr unsigned page_bits = 12;
inline constexpr unsigned pt_levels = 3;
inline constexpr unsigned pt_shift[pt_levels] = {30, 21, 12};
inline constexpr unsigned pt_entries = 512;
inline constexpr bool pt_leaf_allowed[pt_levels] = {false, true, true};
inline constexpr Word user_end = Word(1) << 32;

enum class CacheMode : u8 { Default = 0, Uncached = 1, WriteThrough = 2 };

// Bits: 0 present, 1-3 rwx, 4 leaf, 5 accessed, 6 dirty, 8-9 cache mode;
// the address from bit 12.
enum : Pte { p_present = 1, p_leaf = 16, p_accessed = 32, p_dirty = 64 };
inline Pte pte_table(Paddr table) { return Pte(table) | p_present; }
inline Pte pte_page(Paddr page, unsigned, Word rights, CacheMode c)
{
    return Pte(page) | p_present | p_leaf | (Pte(rights & 7) << 1) | (Pte(c) << 8);
}
inline bool pte_present(Pte p) { return (p & p_present) != 0; }
inline bool pte_is_table(Pte p, unsigned level) { return level + 1 < pt_levels && (p & p_leaf) == 0; }
inline Paddr pte_address(Pte p, unsigned) { return Paddr(p & ~Pte(0xfff)); }
inline Word pte_rights(Pte p) { return Word((p >> 1) & 7); }
inline Pte pte_with_rights(Pte p, Word rights) { return (p & ~Pte(0xe)) | (Pte(rights & 7) << 1); }
inline Word pte_status(Pte p) { return ((p & p_accessed) ? 5 : 0) | ((p & p_dirty) ? 2 : 0); }
inline Pte pte_without_status(Pte p) { return p & ~Pte(p_accessed | p_dirty); }
inline CacheMode pte_cache(Pte p) { return CacheMode((p >> 8) & 3); }
inline Pte pte_with_cache(Pte p, CacheMode c) { return (p & ~Pte(0x300)) | (Pte(c) << 8); }

struct PageTableArch {};
inline bool init_root(Pte*, PageTableArch&) { return true; }
inline void destroy_root(Pte*, PageTableArch&) {}
inline void tlb_invalidate(const PageTableArch&, const Pte*, Word, unsigned) {}

} // namespace arch
