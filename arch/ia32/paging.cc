#include "paging.h"
#include "arch.h"
#include <x86/user_access.h>
#include <generic/assert.h>
#include <generic/kmem.h>
#include <x86/cpu.h>

extern "C" u32 boot_page_directory[1024];

namespace arch {

namespace {

Paddr zero_page;        // what every free TCB slot maps, read-only
u32* copy_area_table;   // the string-copy windows (copy_window)
Word device_next = DEVICE_AREA;
constexpr Word device_area_end = DEVICE_AREA + 0x01000000;

u32* table_at(u32 pde) { return phys_to_virt<u32>(pde & pg_frame_mask); }

u32* new_kernel_table(unsigned pde_index)
{
    auto* table = static_cast<u32*>(kmem.alloc_page());
    if (table == nullptr)
        panic("out of kernel memory while building the kernel page tables");
    boot_page_directory[pde_index] = virt_to_phys(table) | pg_present | pg_writable | pg_global;
    return table;
}

} // namespace

u32* kernel_page_directory() { return boot_page_directory; }

void init_kernel_paging()
{
    x86::write_cr4(x86::read_cr4() | x86::cr4_pge);
    for (unsigned i = 0; i < pd_index(PHYS_WINDOW_SIZE); i++) {
        boot_page_directory[i] = 0;
        boot_page_directory[pd_index(KERNEL_OFFSET) + i] |= pg_global;
    }

    void* zero = kmem.alloc_page();
    if (zero == nullptr)
        panic("out of kernel memory while building the kernel page tables");
    zero_page = virt_to_phys(zero);
    Word tcb_area_end = TCB_AREA + (Word(TCB_SIZE) << THREAD_NO_BITS);
    for (Word va = TCB_AREA; va < tcb_area_end; va += 0x400000) {
        u32* table = new_kernel_table(pd_index(va));
        for (unsigned i = 0; i < 1024; i++)
            table[i] = zero_page | pg_present | pg_global;
    }
    for (Word va = DEVICE_AREA; va < device_area_end; va += 0x400000)
        new_kernel_table(pd_index(va));
    copy_area_table = new_kernel_table(pd_index(COPY_AREA));
    flush_tlb_all();
}

void* copy_window(unsigned cpu, Paddr page)
{
    if (page < PHYS_WINDOW_SIZE)
        return phys_to_virt<void>(page);
    Word va = COPY_AREA + cpu * page_size;
    copy_area_table[pt_index(va)] = (page & pg_frame_mask) | pg_present | pg_writable;
    x86::invlpg(va);
    return reinterpret_cast<void*>(va);
}

Word map_device(Paddr phys, Word size)
{
    Word offset = phys & (page_size - 1);
    Word pages = align_up(size + offset, page_size) / page_size;
    if (device_next + pages * page_size > device_area_end)
        panic("device area exhausted mapping %lx", phys);
    Word va = device_next;
    for (Word i = 0; i < pages; i++) {
        Word at = va + i * page_size;
        table_at(boot_page_directory[pd_index(at)])[pt_index(at)] =
            ((phys & pg_frame_mask) + i * page_size) | pg_present | pg_writable |
            pg_cache_disable | pg_write_through | pg_global;
    }
    device_next += pages * page_size;
    return va + offset;
}

void set_tcb_page(Word tcb_address, Paddr page)
{
    u32* table = table_at(boot_page_directory[pd_index(tcb_address)]);
    table[pt_index(tcb_address)] =
        page != 0 ? page | pg_present | pg_writable | pg_global : zero_page | pg_present | pg_global;
    flush_tlb_page(tcb_address);
}

Paddr get_tcb_page(Word tcb_address)
{
    return table_at(boot_page_directory[pd_index(tcb_address)])[pt_index(tcb_address)] & pg_frame_mask;
}

} // namespace arch
