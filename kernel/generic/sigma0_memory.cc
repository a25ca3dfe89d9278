#include "sigma0_memory.h"
#include "arch_contract.h"
#include "kernel_lock.h"
#include "mapping_db.h"

namespace {
constexpr unsigned max_reserved = 8;
MemoryRange reserved[max_reserved];
unsigned reserved_count = 0;

void reserve(MemoryRange r)
{
    if (reserved_count < max_reserved)
        reserved[reserved_count++] = r;
}
} // namespace

void sigma0_memory_init(MemoryRange kernel_image, MemoryRange kernel_pool)
{
    reserve(kernel_image);
    reserve(kernel_pool);
    arch::for_each_kernel_device_range([](Paddr base, Paddr end) { reserve({base, end}); });
}

bool sigma0_may_own(Paddr base, unsigned size_log2)
{
    if (size_log2 >= word_bits)
        return false;
    Paddr last = base + ((Paddr(1) << size_log2) - 1);
    if (last < base || u64(last) >= arch::max_phys_ram)
        return false;
    for (unsigned i = 0; i < reserved_count; i++)
        if (reserved[i].base <= last && base < reserved[i].end)
            return false;
    return true;
}

bool sigma0_own_range(Space* sigma0, Word base, unsigned size_log2)
{
    KernelLockGuard guard;
    return mdb::sigma0_own(sigma0, base, size_log2, sigma0_may_own);
}

bool sigma0_resolve_fault(Space* sigma0, Word address, Word access)
{
    (void)access;
    Word page = align_down(address, arch::page_size);
    if (!sigma0_may_own(page, arch::page_bits))
        return false;
    KernelLockGuard guard;
    return sigma0_own_range(sigma0, page, arch::page_bits) && sigma0->page_table.find(page).present();
}
