#include "boot_memory.h"
#include "arch_contract.h"
#include "assert.h"

void BootMemory::reserve(MemoryRange r, const char* what)
{
    assert(count_ < max_reserved);
    reserved_[count_++] = {{align_down(r.base, arch::page_size), align_up(r.end, arch::page_size)}, what};
}

const char* BootMemory::conflict(Paddr base, Paddr end) const
{
    for (unsigned i = 0; i < count_; i++)
        if (reserved_[i].range.overlaps(base, end))
            return reserved_[i].what;
    return nullptr;
}

bool BootMemory::choose_pool(const BootInfo& info, MemoryRange& pool) const
{
    Word total = 0;
    for (unsigned i = 0; i < info.ram_count; i++)
        total += info.ram[i].size();
    Word want = min<Word>(max<Word>(total / 4, mib(4)), mib(64));
    want = align_down(want, arch::page_size);

    // Walk RAM from the top of the window down, page by page through free gaps.
    for (unsigned i = info.ram_count; i-- > 0;) {
        Paddr top = align_down(min<Paddr>(info.ram[i].end, arch::phys_window_end()), arch::page_size);
        Paddr bottom = align_up(info.ram[i].base, arch::page_size);
        while (top > bottom && top - bottom >= want) {
            Paddr base = top - want;
            bool clash = false;
            for (unsigned r = 0; r < count_; r++) {
                if (reserved_[r].range.overlaps(base, top)) {
                    top = reserved_[r].range.base;   // retry below this reservation
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                pool = {base, top};
                return true;
            }
        }
    }
    return false;
}
