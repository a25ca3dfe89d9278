#include "kmem.h"
#include "arch_contract.h"
#include "assert.h"
#include "string.h"

KernelMemory kmem;

void KernelMemory::init(Paddr base, Paddr end)
{
    base = align_up(base, arch::page_size);
    end = align_down(end, arch::page_size);
    assert(base < end && end <= arch::phys_window_end());
    // The first pages of the pool hold the per-page bookkeeping words.
    Word pages = (end - base) / arch::page_size;
    Word meta_pages = align_up(pages * sizeof(Word), arch::page_size) / arch::page_size;
    meta_ = arch::phys_to_virt<Word>(base);
    memset(meta_, 0, meta_pages * arch::page_size);
    base += meta_pages * arch::page_size;
    pool_ = {base, end};
    // Push in descending order so allocation hands out ascending addresses.
    for (Paddr p = end; p > base;) {
        p -= arch::page_size;
        auto* page = arch::phys_to_virt<FreePage>(p);
        page->next = free_list_;
        free_list_ = page;
        total_++;
        free_count_++;
    }
}

void* KernelMemory::alloc_page()
{
    FreePage* page;
    {
        SpinlockGuard guard(lock_);
        page = free_list_;
        if (page == nullptr)
            return nullptr;
        free_list_ = page->next;
        free_count_--;
    }
    memset(page, 0, arch::page_size);
    return page;
}

void KernelMemory::free_page(void* p)
{
    assert(contains(p) && is_aligned(reinterpret_cast<Word>(p), arch::page_size));
    auto* page = static_cast<FreePage*>(p);
    SpinlockGuard guard(lock_);
    page->next = free_list_;
    free_list_ = page;
    free_count_++;
}

Word& KernelMemory::meta(const void* page)
{
    assert(contains(page));
    return meta_[(arch::virt_to_phys(page) - pool_.base) / arch::page_size];
}

bool KernelMemory::contains(const void* p) const
{
    Paddr phys = arch::virt_to_phys(p);
    return pool_.base <= phys && phys < pool_.end;
}
