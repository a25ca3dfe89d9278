#include "page_table.h"
#include "kmem.h"

static_assert(arch::pt_entries * sizeof(arch::Pte) <= arch::page_size, "a table must fit a page");
static_assert(arch::pt_entries * sizeof(MappingNode*) <= arch::page_size, "a shadow must fit a page");

arch::Pte* PageTable::new_table()
{
    auto* table = static_cast<arch::Pte*>(kmem.alloc_page());
    void* nodes = kmem.alloc_page();
    if (table == nullptr || nodes == nullptr) {
        if (table != nullptr)
            kmem.free_page(table);
        if (nodes != nullptr)
            kmem.free_page(nodes);
        return nullptr;
    }
    kmem.meta(table) = reinterpret_cast<Word>(nodes);
    return table;
}

MappingNode** PageTable::shadow(arch::Pte* table) { return reinterpret_cast<MappingNode**>(kmem.meta(table)); }

void PageTable::free_table(arch::Pte* table, unsigned level, Word table_base)
{
    const Word span = Word(1) << arch::pt_shift[level];
    for (unsigned i = 0; i < arch::pt_entries; i++) {
        Word base = table_base + Word(i) * span;
        if (base >= arch::user_end || (i != 0 && base == table_base))
            break;
        arch::Pte e = table[i];
        if (arch::pte_present(e) && arch::pte_is_table(e, level))
            free_table(arch::phys_to_virt<arch::Pte>(arch::pte_address(e, level)), level + 1, base);
    }
    kmem.free_page(shadow(table));
    kmem.meta(table) = 0;
    kmem.free_page(table);
}

bool PageTable::init()
{
    root_ = new_table();
    if (root_ == nullptr)
        return false;
    if (!arch::init_root(root_, arch_part)) {
        kmem.free_page(shadow(root_));
        kmem.free_page(root_);
        root_ = nullptr;
        return false;
    }
    return true;
}

void PageTable::destroy()
{
    if (root_ == nullptr)
        return;
    arch::destroy_root(root_, arch_part);
    free_table(root_, 0, 0);
    root_ = nullptr;
}

PageTable::Slot PageTable::find(Word va) const
{
    if (va >= arch::user_end)
        return {};
    arch::Pte* table = root_;
    for (unsigned level = 0; level < arch::pt_levels; level++) {
        unsigned i = index(va, level);
        arch::Pte e = table[i];
        if (!arch::pte_present(e))
            return {nullptr, nullptr, level, align_down(va, Word(1) << arch::pt_shift[level])};
        if (!arch::pte_is_table(e, level))
            return {&table[i], &shadow(table)[i], level, align_down(va, Word(1) << arch::pt_shift[level])};
        table = arch::phys_to_virt<arch::Pte>(arch::pte_address(e, level));
    }
    return {};
}

PageTable::Slot PageTable::make(Word va, unsigned level)
{
    if (va >= arch::user_end)
        return {};
    arch::Pte* table = root_;
    for (unsigned l = 0; l < level; l++) {
        arch::Pte& e = table[index(va, l)];
        if (!arch::pte_present(e)) {
            arch::Pte* fresh = new_table();
            if (fresh == nullptr)
                return {};
            e = arch::pte_table(arch::virt_to_phys(fresh));
        } else if (!arch::pte_is_table(e, l)) {
            return {};
        }
        table = arch::phys_to_virt<arch::Pte>(arch::pte_address(e, l));
    }
    unsigned i = index(va, level);
    return {&table[i], &shadow(table)[i], level, align_down(va, Word(1) << arch::pt_shift[level])};
}

PageTable::Slot PageTable::probe(Word va, unsigned level) const
{
    if (va >= arch::user_end)
        return {};
    arch::Pte* table = root_;
    for (unsigned l = 0; l < level; l++) {
        arch::Pte e = table[index(va, l)];
        if (!arch::pte_present(e) || !arch::pte_is_table(e, l))
            return {};
        table = arch::phys_to_virt<arch::Pte>(arch::pte_address(e, l));
    }
    unsigned i = index(va, level);
    return {&table[i], &shadow(table)[i], level, align_down(va, Word(1) << arch::pt_shift[level])};
}

bool PageTable::split(const Slot& s)
{
    arch::Pte* fresh = new_table();
    if (fresh == nullptr)
        return false;
    unsigned next = s.level + 1;
    Paddr frame = arch::pte_address(*s.pte, s.level);
    Word rights = arch::pte_rights(*s.pte);
    arch::CacheMode cache = arch::pte_cache(*s.pte);
    for (unsigned i = 0; i < arch::pt_entries; i++)
        fresh[i] = arch::pte_page(frame + (Paddr(i) << arch::pt_shift[next]), next, rights, cache);
    *s.pte = arch::pte_table(arch::virt_to_phys(fresh));
    *s.node = nullptr;
    invalidate(s.base, s.size_log2());
    return true;
}
