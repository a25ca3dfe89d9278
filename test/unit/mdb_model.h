// A reference model of the mapping database at 4 KiB granularity, and a
// checker that compares the kernel's page tables and mapping tree with it.
// Shared by the unit tests and the fuzz target.
#pragma once

#include <generic/mapping_db.h>
#include <generic/space.h>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace model {

constexpr Word page = 4096;

struct Key {
    int space;
    Word va;
    bool operator<(const Key& o) const { return space != o.space ? space < o.space : va < o.va; }
    bool operator==(const Key& o) const = default;
};

struct Mapping {
    Paddr frame;
    Word rights;
    bool has_parent;
    Key parent;
};

class World {
public:
    explicit World(int spaces);
    ~World();

    // sigma0 (space 0) owns [pa, pa + 2^size_log2).
    void own(Paddr pa, unsigned size_log2);
    void map(int from, Word src, int to, Word dst, unsigned size_log2, Word rights, bool grant);
    Word unmap(int space, Word va, unsigned size_log2, Word rights, bool flush);
    void delete_space(int s);

    // Empty when kernel and model agree, else what differs.
    [[nodiscard]] std::string check() const;
    [[nodiscard]] Space* space(int i) const { return spaces_[i]; }

private:
    void remove_subtree(const Key& k);
    [[nodiscard]] std::vector<Key> children(const Key& k) const;

    std::vector<Space*> spaces_;
    std::map<Key, Mapping> m_;
};

} // namespace model
