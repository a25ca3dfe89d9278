// The mapping database: every user mapping with its parent, so that map
// (share) and grant (donate) build address spaces recursively and Unmap
// revokes recursively (X.2 "Mapping").
//
// Invariants:
// - Each present user leaf of a page table has exactly one MappingNode, found
//   through the table's shadow (PageTable::Slot::node); leaves without a node
//   (KIP, UTCB pages) belong to the kernel and take no part in mapping.
// - A node covers one leaf: 2^size_log2 bytes at vaddr in its space, backed by
//   physical memory at paddr.  A child's physical range lies inside its
//   parent's, and its rights are a subset of its parent's.
// - Roots are sigma0's mappings of the physical memory it owns (1:1).
// - Children of a node are a doubly linked sibling list.
#pragma once

#include "fpage.h"
#include "page_table.h"
#include "types.h"

class Space;

class MappingNode {
public:
    Space* space = nullptr;
    Word vaddr = 0;
    Paddr paddr = 0;
    u8 size_log2 = 0;
    u8 rights = 0;
    MappingNode* parent = nullptr;
    MappingNode* first_child = nullptr;
    MappingNode* next = nullptr;
    MappingNode* prev = nullptr;
};

namespace mdb {

// Maps (or grants) what `from` has at [src, src + 2^size_log2) to `to` at
// dst, with at most `rights`.  Unmapped source pages are skipped; so are
// destination pages in the receiver's KIP or UTCB area.  Existing mappings
// at the destination are replaced.  False when kernel memory ran out (the
// mapping is then incomplete but consistent).
[[nodiscard]] bool map(Space* from, Word src, Space* to, Word dst, unsigned size_log2, Word rights,
                       bool grant);

// Revokes `rights` from every mapping derived from the mappings of `space`
// in [va, va + 2^size_log2) and, with `flush`, from those mappings too.  A
// mapping that loses read access disappears.  Returns the access status
// (referenced: r and x, dirty: w) of the mappings and everything derived
// from them, and resets it.
Word unmap(Space* space, Word va, unsigned size_log2, Word rights, bool flush);

// Removes every mapping of `space` and everything derived from them.
void unmap_all(Space* space);

// sigma0 owns [pa, pa + 2^size_log2) idempotently: creates its root
// mappings (1:1, full rights, as large leaves as fit) where none exist yet,
// for the physical memory is_ownable(base, size_log2) allows.  False when
// kernel memory ran out.
using OwnableFn = bool (*)(Paddr base, unsigned size_log2);
[[nodiscard]] bool sigma0_own(Space* sigma0, Paddr pa, unsigned size_log2, OwnableFn is_ownable);

// Applies a cache mode to the leaves of `space` in the range.
void set_cache_mode(Space* space, Word va, unsigned size_log2, arch::CacheMode mode);

// Statistics for leak tests and the kernel debugger.
[[nodiscard]] Word nodes_in_use();

} // namespace mdb
