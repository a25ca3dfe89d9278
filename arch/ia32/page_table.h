// A user address space's ia32 page directory.  The kernel half is copied
// from the kernel page directory (its page tables are shared and never
// change), except the last 4 MiB: a per-space table holding the space's
// current-UTCB page.
#pragma once

#include "paging.h"
#include <generic/types.h>

namespace arch {

class PageTable {
public:
    [[nodiscard]] bool init();     // false when kernel memory is exhausted
    void destroy();

    // Maps one 4 KiB user page; false when a page table cannot be allocated.
    [[nodiscard]] bool map_page(Word va, Paddr pa, bool writable);
    void unmap_page(Word va);
    // The physical page behind a user address, or 0 when none is mapped.
    [[nodiscard]] Paddr lookup(Word va) const;

    [[nodiscard]] Paddr root() const { return virt_to_phys_pd(); }
    // Kernel view of the current-UTCB page (one word per CPU, see layout.h).
    [[nodiscard]] Word* current_utcb_slots() const { return current_utcb_page_; }

private:
    [[nodiscard]] Paddr virt_to_phys_pd() const;

    u32* pd_ = nullptr;
    Word* current_utcb_page_ = nullptr;
};

} // namespace arch
