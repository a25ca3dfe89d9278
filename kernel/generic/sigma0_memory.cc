#include "sigma0_memory.h"
#include "arch_contract.h"

namespace {
const BootInfo* ram = nullptr;
MemoryRange image, pool;
} // namespace

void sigma0_memory_init(const BootInfo& boot, MemoryRange kernel_image, MemoryRange kernel_pool)
{
    ram = &boot;
    image = kernel_image;
    pool = kernel_pool;
}

bool sigma0_resolve_fault(Space* sigma0, Word address, Word access)
{
    Paddr page = align_down(address, arch::page_size);
    Paddr end = page + arch::page_size;
    if (ram == nullptr || !ram->is_ram(page, end) || image.overlaps(page, end) || pool.overlaps(page, end))
        return false;
    (void)access;
    return sigma0->page_table.map_page(page, page, true);
}
