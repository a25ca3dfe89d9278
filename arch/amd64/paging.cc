#include "paging.h"
#include "arch.h"
#include <generic/assert.h>
#include <generic/kmem.h>
#include <x86/cpu.h>

extern "C" u64 boot_pml4[512], boot_pdpt_high[512], boot_pd[512];

namespace arch {

namespace {

Paddr zero_page;        // what every free TCB slot maps, read-only
u64* device_table;      // the device area's page table
Word device_next = DEVICE_AREA;

u64* table_at(u64 entry) { return phys_to_virt<u64>(entry & pg_frame_mask); }

u64* new_table()
{
    auto* table = static_cast<u64*>(kmem.alloc_page());
    if (table == nullptr)
        panic("out of kernel memory while building the kernel page tables");
    return table;
}

u64 table_entry(const u64* table) { return virt_to_phys(table) | pg_present | pg_writable; }

// The page-table entry of a TCB slot (boot_pd's upper half holds their tables).
u64& tcb_entry(Word tcb_address) { return table_at(boot_pd[pd_index(tcb_address)])[pt_index(tcb_address)]; }

} // namespace

u64* kernel_pml4() { return boot_pml4; }

void init_kernel_paging()
{
    x86::write_cr4(x86::read_cr4() | x86::cr4_pge);
    boot_pml4[0] = 0;   // the boot identity map
    for (unsigned i = 0; i < pd_index(PHYS_WINDOW_SIZE); i++)
        boot_pd[i] |= pg_global;

    void* zero = kmem.alloc_page();
    if (zero == nullptr)
        panic("out of kernel memory while building the kernel page tables");
    zero_page = virt_to_phys(zero);
    static_assert(pd_index(TCB_AREA) == pd_index(PHYS_WINDOW_SIZE), "the TCB area follows the window");
    Word tcb_area_end = TCB_AREA + (Word(TCB_SIZE) << THREAD_NO_BITS);
    for (Word va = TCB_AREA; va < tcb_area_end; va += superpage_size) {
        u64* table = new_table();
        for (unsigned i = 0; i < 512; i++)
            table[i] = zero_page | pg_present | pg_global;
        boot_pd[pd_index(va)] = table_entry(table);
    }
    u64* device_directory = new_table();
    device_table = new_table();
    device_directory[pd_index(DEVICE_AREA)] = table_entry(device_table);
    boot_pdpt_high[pdpt_index(DEVICE_AREA)] = table_entry(device_directory);
    flush_tlb_all();
}

void* copy_window(unsigned, Paddr page) { return phys_to_virt<void>(page); }

Word map_device(Paddr phys, Word size)
{
    Word offset = phys & (page_size - 1);
    Word pages = align_up(size + offset, page_size) / page_size;
    if (device_next + pages * page_size > DEVICE_AREA + DEVICE_AREA_SIZE)
        panic("device area exhausted mapping %lx", phys);
    Word va = device_next;
    for (Word i = 0; i < pages; i++)
        device_table[pt_index(va + i * page_size)] = ((phys & pg_frame_mask) + i * page_size) | pg_present |
                                                     pg_writable | pg_cache_disable | pg_write_through |
                                                     pg_global;
    device_next += pages * page_size;
    return va + offset;
}

void set_tcb_page(Word tcb_address, Paddr page)
{
    tcb_entry(tcb_address) =
        page != 0 ? page | pg_present | pg_writable | pg_global : zero_page | pg_present | pg_global;
    flush_tlb_page(tcb_address);
}

Paddr get_tcb_page(Word tcb_address) { return tcb_entry(tcb_address) & pg_frame_mask; }

} // namespace arch
