// The generic page-table walker.  The arch defines the geometry (levels,
// bits per level, which levels may hold leaves) and the entry encoding
// (arch/<cpu>/pte.h); this code allocates, walks, splits and frees tables
// for the user part of a space.  Hardware-walked ports load the root into
// the MMU; soft-TLB ports refill from the same tables.
//
// Every table page has a shadow page of the same number of entries holding
// the mapping-database node of each leaf (kmem.meta() of the table page
// points at it), so a virtual address leads to its node in one walk.
#pragma once

#include "arch_contract.h"
#include "types.h"

class MappingNode;
class PageTable;

// The other CPUs' part of PageTable::invalidate (kernel: smp.cc).
void tlb_shoot_down(const PageTable& pt, Word va, unsigned size_log2);

class PageTable {
public:
    struct Slot {
        arch::Pte* pte = nullptr;
        MappingNode** node = nullptr;
        unsigned level = 0;
        Word base = 0;   // first virtual address the slot maps

        [[nodiscard]] bool valid() const { return pte != nullptr; }
        [[nodiscard]] bool present() const { return pte != nullptr && arch::pte_present(*pte); }
        [[nodiscard]] unsigned size_log2() const { return arch::pt_shift[level]; }
    };

    [[nodiscard]] bool init();   // false when kernel memory is exhausted
    // Frees every table of the user part; the mappings are already gone.
    void destroy();

    // The present leaf mapping va, or an invalid slot whose level and base
    // name the empty entry (the hole) the walk ended at.
    [[nodiscard]] Slot find(Word va) const;
    // The slot for a leaf of 2^pt_shift[level] bytes at va, allocating the
    // tables above it; invalid when memory is exhausted or a larger leaf
    // already maps va.
    [[nodiscard]] Slot make(Word va, unsigned level);
    // The entry at `level` for va without allocating anything: invalid when
    // a table above it is missing or a larger leaf maps va; its pte may be
    // empty, a leaf or a table.
    [[nodiscard]] Slot probe(Word va, unsigned level) const;
    // Replaces the superpage leaf s by a table of next-level leaves mapping
    // the same memory with the same rights (node pointers cleared for the
    // caller to fill); false when memory is exhausted.
    [[nodiscard]] bool split(const Slot& s);
    // Calls f(Slot&) for each present leaf intersecting [start, last], in
    // address order.  f may clear the leaf it is given.
    template <class F> void for_each_leaf(Word start, Word last, F f) { visit(root_, 0, 0, start, last, f); }

    // After a change to the entries for [va, va + 2^size_log2): flushes
    // them from this CPU's TLB and from the other CPUs that may cache them
    // (tlb_shoot_down).  Soft-TLB ports invalidate per ASID whether or not
    // the space is loaded, so the arch part travels along.
    void invalidate(Word va, unsigned size_log2) const
    {
        invalidate_local(va, size_log2);
        tlb_shoot_down(*this, va, size_log2);
    }
    void invalidate_local(Word va, unsigned size_log2) const { arch::tlb_invalidate(arch_part, root_, va, size_log2); }
    [[nodiscard]] Paddr root_phys() const { return arch::virt_to_phys(root_); }

    arch::PageTableArch arch_part;

private:
    template <class F> void visit(arch::Pte* table, unsigned level, Word table_base, Word start, Word last, F& f);
    [[nodiscard]] static arch::Pte* new_table();
    static void free_table(arch::Pte* table, unsigned level, Word table_base);
    [[nodiscard]] static MappingNode** shadow(arch::Pte* table);
    [[nodiscard]] static unsigned index(Word va, unsigned level)
    {
        return unsigned((va >> arch::pt_shift[level]) & (arch::pt_entries - 1));
    }

    arch::Pte* root_ = nullptr;
};

template <class F>
void PageTable::visit(arch::Pte* table, unsigned level, Word table_base, Word start, Word last, F& f)
{
    const unsigned shift = arch::pt_shift[level];
    const Word span = Word(1) << shift;
    for (unsigned i = index(start > table_base ? start : table_base, level); i < arch::pt_entries; i++) {
        Word base = table_base + Word(i) * span;
        if (base > last || base >= arch::user_end || (i != 0 && base == table_base))
            return;
        arch::Pte& e = table[i];
        if (!arch::pte_present(e))
            continue;
        if (arch::pte_is_table(e, level)) {
            visit(arch::phys_to_virt<arch::Pte>(arch::pte_address(e, level)), level + 1, base, start, last, f);
        } else {
            Slot s{&e, &shadow(table)[i], level, base};
            f(s);
        }
    }
}
