#include "mapping_db.h"
#include "assert.h"
#include "object_cache.h"
#include "space.h"

namespace {

ObjectCache<MappingNode> nodes;

constexpr Word all_rights = Fpage::rights_rwx;

unsigned level_of(unsigned size_log2)
{
    for (unsigned l = 0; l < arch::pt_levels; l++)
        if (arch::pt_shift[l] == size_log2)
            return l;
    assert(false);
    return arch::pt_levels - 1;
}

Word size_of(unsigned level) { return Word(1) << arch::pt_shift[level]; }

// Every mapping can be read: w or x alone would be unenforceable on most
// MMUs, so they imply r (X.2 leaves the combination to the implementation).
Word normalize(Word rights) { return rights == 0 ? 0 : rights | Fpage::rights_r; }

void link_child(MappingNode* parent, MappingNode* c)
{
    c->parent = parent;
    c->prev = nullptr;
    c->next = parent != nullptr ? parent->first_child : nullptr;
    if (c->next != nullptr)
        c->next->prev = c;
    if (parent != nullptr)
        parent->first_child = c;
}

void unlink(MappingNode* n)
{
    if (n->prev != nullptr)
        n->prev->next = n->next;
    else if (n->parent != nullptr)
        n->parent->first_child = n->next;
    if (n->next != nullptr)
        n->next->prev = n->prev;
    n->parent = n->next = n->prev = nullptr;
}

PageTable::Slot slot_of(const MappingNode* n)
{
    PageTable::Slot s = n->space->page_table.find(n->vaddr);
    assert(s.present() && *s.node == n);
    return s;
}

bool is_ancestor_or_self(const MappingNode* a, const MappingNode* n)
{
    for (; n != nullptr; n = n->parent)
        if (n == a)
            return true;
    return false;
}

// Status of one leaf, reset as X.2 Unmap requires.
Word take_status(MappingNode* n)
{
    PageTable::Slot s = slot_of(n);
    Word status = arch::pte_status(*s.pte);
    if (status != 0) {
        *s.pte = arch::pte_without_status(*s.pte);
        n->space->page_table.invalidate(n->vaddr, n->size_log2);
    }
    return status;
}

// Revokes rights from one node whose children are done; may free it.
void revoke_one(MappingNode* n, Word rights)
{
    if (rights == 0)
        return;
    PageTable::Slot s = slot_of(n);
    Word remaining = n->rights & ~rights;
    if ((remaining & Fpage::rights_r) == 0) {
        assert(n->first_child == nullptr);
        *s.pte = 0;
        *s.node = nullptr;
        n->space->page_table.invalidate(n->vaddr, n->size_log2);
        unlink(n);
        nodes.destroy(n);
        return;
    }
    n->rights = u8(remaining);
    *s.pte = arch::pte_with_rights(*s.pte, remaining);
    n->space->page_table.invalidate(n->vaddr, n->size_log2);
}

// Revokes rights from the subtree below `root` (and from root with `self`),
// post-order and without recursion: mapping chains can be deep.
Word revoke(MappingNode* root, Word rights, bool self)
{
    Word status = 0;
    MappingNode* n = root;
    while (n->first_child != nullptr)
        n = n->first_child;
    for (;;) {
        status |= take_status(n);
        if (n == root) {
            if (self)
                revoke_one(n, rights);
            return status;
        }
        MappingNode* sibling = n->next;
        MappingNode* parent = n->parent;
        revoke_one(n, rights);
        if (sibling != nullptr) {
            n = sibling;
            while (n->first_child != nullptr)
                n = n->first_child;
        } else {
            n = parent;
        }
    }
}

// Takes `count` nodes from the cache at once, chained through `next`.
MappingNode* reserve(Word count)
{
    MappingNode* list = nullptr;
    for (Word i = 0; i < count; i++) {
        MappingNode* n = nodes.create();
        if (n == nullptr) {
            while (list != nullptr) {
                MappingNode* next = list->next;
                nodes.destroy(list);
                list = next;
            }
            return nullptr;
        }
        n->next = list;
        list = n;
    }
    return list;
}

// Splits the superpage leaf of n into next-level leaves with their own
// nodes; n's children move to the pieces that contain them.
bool split(MappingNode* n)
{
    unsigned level = level_of(n->size_log2);
    assert(level + 1 < arch::pt_levels);
    unsigned piece_log2 = arch::pt_shift[level + 1];
    // Children as large as the pieces (or larger) are split first.
    for (MappingNode* c = n->first_child; c != nullptr;) {
        if (c->size_log2 > piece_log2) {
            if (!split(c))
                return false;
            c = n->first_child;   // the child list changed
        } else {
            c = c->next;
        }
    }
    Word count = Word(1) << (n->size_log2 - piece_log2);
    MappingNode* pieces = reserve(count);
    if (pieces == nullptr)
        return false;
    PageTable::Slot s = slot_of(n);
    Space* space = n->space;
    if (!space->page_table.split(s)) {
        while (pieces != nullptr) {
            MappingNode* next = pieces->next;
            nodes.destroy(pieces);
            pieces = next;
        }
        return false;
    }
    for (Word i = 0; i < count; i++) {
        MappingNode* p = pieces;
        pieces = pieces->next;
        *p = {space, n->vaddr + (i << piece_log2), n->paddr + (Paddr(i) << piece_log2), u8(piece_log2),
              n->rights, nullptr, nullptr, nullptr, nullptr};
        link_child(n->parent, p);
        PageTable::Slot ps = space->page_table.find(p->vaddr);
        assert(ps.present() && ps.level == level + 1);
        *ps.node = p;
    }
    while (MappingNode* c = n->first_child) {
        unlink(c);
        MappingNode* piece = *space->page_table.find(n->vaddr + ((c->paddr - n->paddr) & ~((Paddr(1) << piece_log2) - 1))).node;
        link_child(piece, c);
    }
    unlink(n);
    nodes.destroy(n);
    return true;
}

// Splits leaves of `space` until the one holding va is at most 2^size_log2.
bool split_down_to(Space* space, Word va, unsigned size_log2)
{
    for (;;) {
        PageTable::Slot s = space->page_table.find(va);
        if (!s.present() || s.size_log2() <= size_log2 || *s.node == nullptr)
            return true;
        if (!split(*s.node))
            return false;
    }
}

// Splits the leaf holding `boundary` until none starts before it.  When
// memory runs out, returns the straddling leaf so the caller can leave it
// alone; else an invalid slot.
PageTable::Slot cut_at(Space* space, Word boundary)
{
    for (;;) {
        PageTable::Slot s = space->page_table.find(boundary);
        if (!s.present() || s.base == boundary || *s.node == nullptr)
            return {};
        if (!split(*s.node))
            return s;
    }
}

// Empties [va, va + 2^level size) of `to` for a new leaf.  False when the
// range holds kernel pages (KIP, UTCB) or an ancestor of `source` (a page
// cannot be mapped over its own origin).
bool clear_destination(Space* to, Word va, unsigned level, const MappingNode* source)
{
    Word last = va + size_of(level) - 1;
    for (Word at = va; at <= last && at >= va;) {
        PageTable::Slot s = to->page_table.find(at);
        if (!s.present()) {
            at = s.base + size_of(s.level);
            continue;
        }
        if (*s.node == nullptr || is_ancestor_or_self(*s.node, source))
            return false;
        at = s.base + size_of(s.level);
    }
    for (Word at = va; at <= last && at >= va;) {
        PageTable::Slot s = to->page_table.find(at);
        Word next = s.base + size_of(s.level);
        if (s.present())
            revoke(*s.node, all_rights, true);
        at = next;
    }
    return true;
}

// Maps the leaf-sized chunk at src in `from` to `to` at dst.
bool map_chunk(Space* from, Word src, Space* to, Word dst, unsigned level, Word rights, bool grant)
{
    Word size = size_of(level);
    if (dst + (size - 1) >= arch::user_end || dst + (size - 1) < dst ||
        to->overlaps_kernel_areas(dst, dst + size - 1))
        return true;
    // A larger leaf at the destination is cut to the chunk first; in the
    // same space that may cut the source too, so look it up afterwards.
    if (!split_down_to(to, dst, arch::pt_shift[level]))
        return false;
    PageTable::Slot source_slot = from->page_table.find(src);
    MappingNode* source = *source_slot.node;
    if (grant && source->size_log2 != arch::pt_shift[level])
        return true;   // the source was cut smaller than the chunk meanwhile
    Word r = normalize(source->rights & rights);
    if (r == 0)
        return true;
    Paddr pa = source->paddr + (src - source->vaddr);

    // Mapping the same page again below the same parent only adds rights.
    PageTable::Slot existing = to->page_table.find(dst);
    if (existing.present() && existing.level == level && *existing.node != nullptr) {
        MappingNode* e = *existing.node;
        if (e == source)
            return true;
        if (e->parent == source && e->paddr == pa && !grant) {
            e->rights = u8(e->rights | r);
            *existing.pte = arch::pte_with_rights(*existing.pte, e->rights);
            to->page_table.invalidate(dst, arch::pt_shift[level]);
            return true;
        }
    }
    if (!clear_destination(to, dst, level, source))
        return true;   // nothing to do here (see clear_destination); not a memory failure
    arch::CacheMode cache = arch::pte_cache(*source_slot.pte);
    MappingNode* c = nodes.create();
    if (c == nullptr)
        return false;
    PageTable::Slot d = to->page_table.make(dst, level);
    if (!d.valid()) {
        nodes.destroy(c);
        return false;
    }
    assert(!d.present());   // chunk_level never picks a level with a table below
    *c = {to, dst, pa, u8(arch::pt_shift[level]), u8(r), nullptr, nullptr, nullptr, nullptr};
    if (grant) {
        // The new mapping takes the source's place in the tree; the source
        // leaf disappears without touching what was derived from it.
        link_child(source->parent, c);
        while (MappingNode* child = source->first_child) {
            unlink(child);
            link_child(c, child);
        }
        *source_slot.pte = 0;
        *source_slot.node = nullptr;
        from->page_table.invalidate(source->vaddr, source->size_log2);
        unlink(source);
        nodes.destroy(source);
    } else {
        link_child(source, c);
    }
    *d.pte = arch::pte_page(pa, level, r, cache);
    *d.node = c;
    to->page_table.invalidate(dst, arch::pt_shift[level]);
    return true;
}

// The largest leaf level for a chunk starting at src/dst that fits into
// [src, src_last] and into a source leaf of 2^leaf_log2 bytes, and where
// the destination holds no finer-grained table (so that mapping over
// existing pages works page by page); pt_levels when even the smallest page
// does not fit (a region smaller than a page maps nothing).
unsigned chunk_level(Word src, Word dst, Word src_last, unsigned leaf_log2, const Space* to)
{
    for (unsigned l = 0; l < arch::pt_levels; l++) {
        Word size = size_of(l);
        if (!arch::pt_leaf_allowed[l] || arch::pt_shift[l] > leaf_log2 || !is_aligned(src | dst, size) ||
            src_last - src < size - 1)
            continue;
        PageTable::Slot d = to->page_table.probe(dst, l);
        if (d.valid() && d.present() && arch::pte_is_table(*d.pte, l))
            continue;
        return l;
    }
    return arch::pt_levels;
}

Word last_of(Word base, unsigned size_log2)
{
    return size_log2 >= word_bits ? ~Word(0) : base + ((Word(1) << size_log2) - 1);
}

} // namespace

bool mdb::map(Space* from, Word src, Space* to, Word dst, unsigned size_log2, Word rights, bool grant)
{
    Word src_last = last_of(src, size_log2);
    Word dst_last = last_of(dst, size_log2);
    if (from == to && src <= dst_last && dst <= src_last)
        return true;   // a range mapped onto itself: nothing sensible to do
    if (src_last >= arch::user_end)
        src_last = arch::user_end - 1;
    for (Word at = src; at <= src_last && at >= src;) {
        PageTable::Slot s = from->page_table.find(at);
        if (!s.present() || *s.node == nullptr) {
            Word next = s.base + size_of(s.level);
            if (next <= at)
                break;
            at = next;
            continue;
        }
        Word dst_at = dst + (at - src);
        unsigned level = chunk_level(at, dst_at, src_last, s.size_log2(), to);
        if (level == arch::pt_levels)
            break;
        if (grant && arch::pt_shift[level] < s.size_log2()) {
            // Grant moves whole leaves: cut the source leaf to the chunk.
            if (!split_down_to(from, at, arch::pt_shift[level]))
                return false;
            continue;
        }
        if (!map_chunk(from, at, to, dst_at, level, rights, grant))
            return false;
        at += size_of(level);
    }
    return true;
}

Word mdb::unmap(Space* space, Word va, unsigned size_log2, Word rights, bool flush)
{
    Word last = last_of(va, size_log2);
    if (last >= arch::user_end)
        last = arch::user_end - 1;
    rights &= all_rights;
    // Leaves straddling the range are cut to it before their rights change.
    // Without memory to cut one, the straddling leaf is left out.
    if (rights != 0) {
        if (PageTable::Slot s = cut_at(space, va); s.valid())
            va = s.base + size_of(s.level);
        if (last + 1 != 0 && last + 1 < arch::user_end)
            if (PageTable::Slot s = cut_at(space, last + 1); s.valid())
                last = s.base - 1;
    }
    Word status = 0;
    for (Word at = va; at <= last && at >= va;) {
        PageTable::Slot s = space->page_table.find(at);
        Word next = s.base + size_of(s.level);
        if (s.present() && *s.node != nullptr)
            status |= revoke(*s.node, rights, flush);
        if (next <= at)
            break;
        at = next;
    }
    return status;
}

void mdb::unmap_all(Space* space) { (void)unmap(space, 0, word_bits, all_rights, true); }

bool mdb::sigma0_own(Space* sigma0, Paddr pa, unsigned size_log2, OwnableFn is_ownable)
{
    Paddr last = last_of(pa, size_log2);
    for (Paddr at = pa; at <= last && at >= pa && at < arch::user_end;) {
        PageTable::Slot s = sigma0->page_table.find(at);
        if (s.present()) {
            at = s.base + size_of(s.level);
            continue;
        }
        bool done = false;
        for (unsigned l = 0; l < arch::pt_levels && !done; l++) {
            Word size = size_of(l);
            if (!arch::pt_leaf_allowed[l] || !is_aligned(at, size) || last - at < size - 1 ||
                !is_ownable(at, arch::pt_shift[l]) || sigma0->overlaps_kernel_areas(at, at + size - 1))
                continue;
            PageTable::Slot d = sigma0->page_table.make(at, l);
            if (!d.valid())
                return false;
            if (d.present())
                continue;   // a table below: own it in smaller leaves
            MappingNode* n = nodes.create();
            if (n == nullptr)
                return false;
            *n = {sigma0, at, at, u8(arch::pt_shift[l]), u8(all_rights), nullptr, nullptr, nullptr, nullptr};
            *d.pte = arch::pte_page(at, l, all_rights, arch::CacheMode::Default);
            *d.node = n;
            // A soft-TLB may hold entries for the hole this leaf fills (an
            // invalid one per missed page): a new larger leaf must not be
            // loaded next to them.
            sigma0->page_table.invalidate(at, arch::pt_shift[l]);
            at += size;
            done = true;
        }
        if (!done)
            at += size_of(arch::pt_levels - 1);
    }
    return true;
}

void mdb::set_cache_mode(Space* space, Word va, unsigned size_log2, arch::CacheMode mode)
{
    Word last = last_of(va, size_log2);
    space->page_table.for_each_leaf(va, last, [&](PageTable::Slot& s) {
        if (*s.node == nullptr)
            return;
        *s.pte = arch::pte_with_cache(*s.pte, mode);
        space->page_table.invalidate(s.base, s.size_log2());
    });
}

Word mdb::nodes_in_use() { return nodes.objects_in_use(); }
