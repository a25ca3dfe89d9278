// Kernel memory: a bounded pool of page frames inside the physical window,
// reserved at boot (the KIP reports it as reserved, so sigma0 never hands it
// out).  Page tables, TCBs, UTCB pages and mapping nodes all come from here;
// when the pool is empty the caller fails with the X.2 out-of-memory error
// and the kernel stays consistent.
#pragma once

#include "boot_info.h"
#include "spinlock.h"
#include "types.h"

class KernelMemory {
public:
    void init(Paddr base, Paddr end);

    // A zeroed page, or nullptr when the pool is exhausted.
    [[nodiscard]] void* alloc_page();
    void free_page(void* page);

    // One word of bookkeeping per pool page, for whoever owns the page
    // (page tables keep the address of their node-pointer shadow here).
    [[nodiscard]] Word& meta(const void* page);

    [[nodiscard]] Word free_pages() const { return free_count_; }
    [[nodiscard]] Word total_pages() const { return total_; }
    [[nodiscard]] MemoryRange pool() const { return pool_; }
    [[nodiscard]] bool contains(const void* p) const;

private:
    struct FreePage {
        FreePage* next;
    };

    Spinlock lock_;
    FreePage* free_list_ = nullptr;
    Word free_count_ = 0;
    Word* meta_ = nullptr;
    Word total_ = 0;
    MemoryRange pool_ = {};
};

extern KernelMemory kmem;
