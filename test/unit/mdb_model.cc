#include "mdb_model.h"
#include <algorithm>
#include <cstdio>

namespace model {

namespace {

bool ownable(Paddr, unsigned) { return true; }

Word last_of(Word base, unsigned log2) { return base + ((Word(1) << log2) - 1); }

} // namespace

World::World(int spaces)
{
    for (int i = 0; i < spaces; i++) {
        auto* s = new Space;
        if (!s->page_table.init())
            std::abort();
        s->is_sigma0 = i == 0;
        spaces_.push_back(s);
    }
}

World::~World()
{
    for (Space* s : spaces_) {
        mdb::unmap_all(s);
        s->page_table.destroy();
        delete s;
    }
}

std::vector<Key> World::children(const Key& k) const
{
    std::vector<Key> out;
    for (auto& [key, m] : m_)
        if (m.has_parent && m.parent == k)
            out.push_back(key);
    return out;
}

void World::remove_subtree(const Key& k)
{
    for (const Key& c : children(k))
        remove_subtree(c);
    m_.erase(k);
}

void World::own(Paddr pa, unsigned size_log2)
{
    if (!mdb::sigma0_own(spaces_[0], pa, size_log2, ownable))
        std::abort();
    for (Word a = pa; a <= last_of(pa, size_log2); a += page)
        if (!m_.count({0, a}))
            m_[{0, a}] = {a, 7, false, {}};
}

void World::map(int from, Word src, int to, Word dst, unsigned size_log2, Word rights, bool grant)
{
    bool ok = mdb::map(spaces_[from], src, spaces_[to], dst, size_log2, rights, grant);
    if (!ok)
        std::abort();
    if (from == to && src <= last_of(dst, size_log2) && dst <= last_of(src, size_log2))
        return;
    for (Word off = 0; off < (Word(1) << size_log2); off += page) {
        Key s{from, src + off}, d{to, dst + off};
        auto it = m_.find(s);
        if (it == m_.end())
            continue;
        Mapping source = it->second;
        Word r = source.rights & rights;
        if (r == 0)
            continue;
        r |= 4;   // every mapping is readable
        // Mapping a page again below the same parent only adds rights.
        auto existing = m_.find(d);
        if (!grant && existing != m_.end() && existing->second.has_parent && existing->second.parent == s &&
            existing->second.frame == source.frame) {
            existing->second.rights |= r;
            continue;
        }
        // A page never replaces its own origin.
        bool origin = false;
        for (Key k = s;;) {
            if (k == d) {
                origin = true;
                break;
            }
            auto p = m_.find(k);
            if (p == m_.end() || !p->second.has_parent)
                break;
            k = p->second.parent;
        }
        if (origin)
            continue;
        if (existing != m_.end())
            remove_subtree(d);
        if (grant) {
            for (const Key& c : children(s))
                m_[c].parent = d;
            m_[d] = {source.frame, r, source.has_parent, source.parent};
            m_.erase(s);
        } else {
            m_[d] = {source.frame, r, true, s};
        }
    }
}

Word World::unmap(int space, Word va, unsigned size_log2, Word rights, bool flush)
{
    Word status = mdb::unmap(spaces_[space], va, size_log2, rights, flush);
    if (rights == 0)
        return status;
    // Post-order: children first, then the node itself (with flush).
    auto revoke = [&](auto&& self, const Key& k, bool include) -> void {
        for (const Key& c : children(k))
            self(self, c, true);
        if (!include)
            return;
        Mapping& m = m_[k];
        m.rights &= ~rights;
        if ((m.rights & 4) == 0)
            m_.erase(k);
    };
    for (Word a = va; a <= last_of(va, size_log2); a += page)
        if (m_.count({space, a}))
            revoke(revoke, {space, a}, flush);
    return status;
}

void World::delete_space(int s)
{
    mdb::unmap_all(spaces_[s]);
    std::vector<Key> mine;
    for (auto& [k, m] : m_)
        if (k.space == s)
            mine.push_back(k);
    for (const Key& k : mine)
        if (m_.count(k))
            remove_subtree(k);
}

std::string World::check() const
{
    char buf[256];
    // Every model mapping is in the page table with its frame, rights and parent.
    for (auto& [k, m] : m_) {
        PageTable::Slot s = spaces_[k.space]->page_table.find(k.va);
        if (!s.present() || *s.node == nullptr) {
            std::snprintf(buf, sizeof buf, "space %d %lx: missing", k.space, k.va);
            return buf;
        }
        MappingNode* n = *s.node;
        Paddr frame = n->paddr + (k.va - n->vaddr);
        if (frame != m.frame || n->rights != m.rights || n->space != spaces_[k.space]) {
            std::snprintf(buf, sizeof buf, "space %d %lx: frame %lx rights %u, model %lx %lu", k.space, k.va,
                          frame, n->rights, m.frame, m.rights);
            return buf;
        }
        bool kernel_has_parent = n->parent != nullptr;
        if (kernel_has_parent != m.has_parent) {
            std::snprintf(buf, sizeof buf, "space %d %lx: parent presence differs", k.space, k.va);
            return buf;
        }
        if (m.has_parent) {
            MappingNode* p = n->parent;
            Word parent_va = p->vaddr + (frame - p->paddr);
            if (p->space != spaces_[m.parent.space] || parent_va != m.parent.va) {
                int parent_space = -1;
                for (size_t i = 0; i < spaces_.size(); i++)
                    if (spaces_[i] == p->space)
                        parent_space = int(i);
                std::snprintf(buf, sizeof buf, "space %d %lx: parent %d %lx, model %d %lx", k.space, k.va,
                              parent_space, parent_va, m.parent.space, m.parent.va);
                return buf;
            }
        }
    }
    // Nothing else is mapped.
    for (size_t i = 0; i < spaces_.size(); i++) {
        std::string extra;
        spaces_[i]->page_table.for_each_leaf(0, arch::user_end - 1, [&](PageTable::Slot& s) {
            for (Word a = s.base; a < s.base + (Word(1) << s.size_log2()) && extra.empty(); a += page)
                if (!m_.count({int(i), a})) {
                    std::snprintf(buf, sizeof buf, "space %zu %lx: mapped but not in the model", i, a);
                    extra = buf;
                }
        });
        if (!extra.empty())
            return extra;
    }
    return {};
}

} // namespace model
