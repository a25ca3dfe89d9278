#include "memory.h"
#include <l4/kip.h>

namespace sigma0 {

namespace {

struct Range {
    L4_Word_t base, last;   // inclusive
    Kind kind;
};
struct Owned {
    L4_Word_t base, last;   // inclusive, sorted, never overlapping
    L4_ThreadId_t owner;
};

constexpr unsigned max_ranges = 64;
constexpr unsigned max_owned = 4096;
Range ranges[max_ranges];
unsigned range_count;
Owned owned[max_owned];
unsigned owned_count;

Kind kind_from_type(L4_Word_t t)
{
    switch (t) {
    case L4_ConventionalMemoryType: return Kind::Conventional;
    case L4_ReservedMemoryType: return Kind::Reserved;
    case L4_BootLoaderSpecificMemoryType: return Kind::BootLoader;
    case L4_DedicatedMemoryType: return Kind::Dedicated;
    case L4_SharedMemoryType: return Kind::Shared;
    default: return Kind::None;
    }
}

// Later descriptors override earlier ones (X.2): carve each into the list.
void add_range(L4_Word_t base, L4_Word_t last, Kind kind)
{
    Range kept[max_ranges];
    unsigned n = 0;
    for (unsigned i = 0; i < range_count && n + 2 < max_ranges; i++) {
        Range r = ranges[i];
        if (r.last < base || r.base > last) {
            kept[n++] = r;
            continue;
        }
        if (r.base < base)
            kept[n++] = {r.base, base - 1, r.kind};
        if (r.last > last)
            kept[n++] = {last + 1, r.last, r.kind};
    }
    kept[n++] = {base, last, kind};
    range_count = n;
    for (unsigned i = 0; i < n; i++)
        ranges[i] = kept[i];
}

bool overlaps_owned_by_other(L4_Word_t base, L4_Word_t last, L4_ThreadId_t owner)
{
    for (unsigned i = 0; i < owned_count; i++)
        if (owned[i].base <= last && base <= owned[i].last && owned[i].owner != owner)
            return true;
    return false;
}

} // namespace

void init_memory()
{
    L4_KernelInterfacePage_t* kip = L4_GetKernelInterface();
    for (L4_Word_t i = 0; i < L4_NumMemoryDescriptors(kip); i++) {
        L4_MemoryDesc_t* d = L4_MemoryDesc(kip, i);
        if (!L4_IsMemoryDescVirtual(d))
            add_range(L4_MemoryDescLow(d), L4_MemoryDescHigh(d), kind_from_type(L4_MemoryDescType(d)));
    }
}

Kind kind_of(L4_Word_t base, L4_Word_t size_log2)
{
    L4_Word_t last = base + ((1ul << size_log2) - 1);
    for (unsigned i = 0; i < range_count; i++)
        if (ranges[i].base <= base && last <= ranges[i].last)
            return ranges[i].kind;
    return Kind::None;
}

bool claim(L4_Word_t base, L4_Word_t size_log2, L4_ThreadId_t owner)
{
    L4_Word_t last = base + ((1ul << size_log2) - 1);
    if (overlaps_owned_by_other(base, last, owner))
        return false;
    // Merge with an adjacent or overlapping region of the same owner.
    for (unsigned i = 0; i < owned_count; i++) {
        Owned& o = owned[i];
        if (o.owner == owner && o.base <= last + 1 && base <= o.last + 1) {
            if (base < o.base)
                o.base = base;
            if (last > o.last)
                o.last = last;
            return true;
        }
    }
    if (owned_count == max_owned)
        return false;
    owned[owned_count++] = {base, last, owner};
    return true;
}

L4_Word_t find_free(L4_Word_t size_log2)
{
    L4_Word_t size = 1ul << size_log2;
    for (unsigned i = 0; i < range_count; i++) {
        if (ranges[i].kind != Kind::Conventional)
            continue;
        // Leave the first megabyte to those who ask for it by address.
        L4_Word_t from = ranges[i].base < 0x100000 ? 0x100000 : ranges[i].base;
        L4_Word_t base = (from + size - 1) & ~(size - 1);
        for (; base >= ranges[i].base && base + size - 1 <= ranges[i].last && base + size - 1 >= base;
             base += size)
            if (kind_of(base, size_log2) == Kind::Conventional &&
                !overlaps_owned_by_other(base, base + size - 1, L4_nilthread))
                return base;
    }
    return ~0ul;
}

} // namespace sigma0
