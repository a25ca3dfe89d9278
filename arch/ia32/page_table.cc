#include "page_table.h"
#include "arch.h"
#include <generic/kmem.h>
#include <generic/string.h>

namespace arch {

bool PageTable::init()
{
    pd_ = static_cast<u32*>(kmem.alloc_page());
    auto* local_table = static_cast<u32*>(kmem.alloc_page());
    current_utcb_page_ = static_cast<Word*>(kmem.alloc_page());
    if (pd_ == nullptr || local_table == nullptr || current_utcb_page_ == nullptr) {
        destroy();
        if (local_table != nullptr)
            kmem.free_page(local_table);
        return false;
    }
    const u32* kernel = kernel_page_directory();
    for (unsigned i = pd_index(USER_END); i < pd_index(SPACE_LOCAL_AREA); i++)
        pd_[i] = kernel[i];
    local_table[pt_index(CURRENT_UTCB_PAGE)] =
        virt_to_phys(current_utcb_page_) | pte_present | pte_writable | pte_user;
    pd_[pd_index(SPACE_LOCAL_AREA)] = virt_to_phys(local_table) | pte_present | pte_writable | pte_user;
    return true;
}

void PageTable::destroy()
{
    if (pd_ != nullptr) {
        for (unsigned i = 0; i < pd_index(USER_END); i++)
            if ((pd_[i] & (pte_present | pte_superpage)) == pte_present)
                kmem.free_page(phys_to_virt<void>(pd_[i] & pte_frame_mask));
        if ((pd_[pd_index(SPACE_LOCAL_AREA)] & pte_present) != 0)
            kmem.free_page(phys_to_virt<void>(pd_[pd_index(SPACE_LOCAL_AREA)] & pte_frame_mask));
        kmem.free_page(pd_);
    }
    if (current_utcb_page_ != nullptr)
        kmem.free_page(current_utcb_page_);
    pd_ = nullptr;
    current_utcb_page_ = nullptr;
}

bool PageTable::map_page(Word va, Paddr pa, bool writable)
{
    u32& pde = pd_[pd_index(va)];
    if ((pde & pte_present) == 0) {
        void* table = kmem.alloc_page();
        if (table == nullptr)
            return false;
        pde = virt_to_phys(table) | pte_present | pte_writable | pte_user;
    }
    u32* table = phys_to_virt<u32>(pde & pte_frame_mask);
    table[pt_index(va)] = (pa & pte_frame_mask) | pte_present | pte_user | (writable ? pte_writable : 0);
    return true;
}

void PageTable::unmap_page(Word va)
{
    u32 pde = pd_[pd_index(va)];
    if ((pde & pte_present) == 0)
        return;
    phys_to_virt<u32>(pde & pte_frame_mask)[pt_index(va)] = 0;
    flush_tlb_page(va);
}

Paddr PageTable::lookup(Word va) const
{
    u32 pde = pd_[pd_index(va)];
    if ((pde & pte_present) == 0)
        return 0;
    if ((pde & pte_superpage) != 0)
        return (pde & 0xffc00000u) | (va & 0x003ff000u);
    u32 pte = phys_to_virt<u32>(pde & pte_frame_mask)[pt_index(va)];
    return (pte & pte_present) != 0 ? pte & pte_frame_mask : 0;
}

Paddr PageTable::virt_to_phys_pd() const { return arch::virt_to_phys(pd_); }

} // namespace arch
