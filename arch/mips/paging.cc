#include "paging.h"
#include "arch.h"
#include "tlb.h"
#include <generic/assert.h>
#include <generic/kmem.h>

arch::Pte* mips_tcb_directory[tcb_directory_entries];

namespace arch {

namespace {

Paddr zero_page;          // what every free TCB slot maps, read-only
Pte* kernel_root;         // the user root of "no space": all empty

// A TCB-area entry: global, referenced, dirty only when writable.
Pte tcb_pte(Paddr page, bool writable)
{
    return Pte(page) | pte_p | pte_g | pte_v | (writable ? pte_d : 0) | (cca_of(CacheMode::Default) << pte_c_shift);
}

Pte& tcb_slot(Word tcb_address)
{
    Word offset = tcb_address - TCB_AREA;
    assert(offset < (Word(1) << TCB_AREA_BITS));
    return mips_tcb_directory[offset >> PT_SHIFT1][(offset >> PT_SHIFT2) & (pt_entries - 1)];
}

void* must_alloc()
{
    void* p = kmem.alloc_page();
    if (p == nullptr)
        panic("out of kernel memory while building the kernel page tables");
    return p;
}

} // namespace

void init_kernel_paging()
{
    zero_page = virt_to_phys(must_alloc());
    kernel_root = static_cast<Pte*>(must_alloc());
    for (auto& table : mips_tcb_directory) {
        table = static_cast<Pte*>(must_alloc());
        for (unsigned i = 0; i < pt_entries; i++)
            table[i] = tcb_pte(zero_page, false);
    }
}

void map_tcb_page(Word tcb_address, Paddr page)
{
    tcb_slot(tcb_address) = tcb_pte(page, true);
    tlb_invalidate_entry(tcb_address & ~Word(0x1fff));   // global: matches any ASID
}

void unmap_tcb_page(Word tcb_address)
{
    tcb_slot(tcb_address) = tcb_pte(zero_page, false);
    tlb_invalidate_entry(tcb_address & ~Word(0x1fff));
}

Paddr tcb_page(Word tcb_address) { return pte_address(tcb_slot(tcb_address), pt_levels - 1); }

void activate_kernel_page_table()
{
    cpu_save().root = reinterpret_cast<Word>(kernel_root);
    set_current_asid(0);
}

} // namespace arch
