// amd64 multiprocessor start-up: the page table the trampoline (ap_boot.S)
// enters long mode with; the rest is x86/ap_start.cc.
#include "arch.h"
#include <generic/kmem.h>
#include <generic/string.h>
#include <x86/ap_start.h>

extern "C" u64 boot_pdpt_low[512];

namespace arch {

Paddr ap_root_table()
{
    static u64* pml4;   // the kernel's, plus the boot identity map of the first 512 MiB
    if (pml4 == nullptr) {
        pml4 = static_cast<u64*>(kmem.alloc_page());
        if (pml4 == nullptr)
            return 0;
        memcpy(pml4, kernel_pml4(), page_size);
        pml4[0] = virt_to_phys(boot_pdpt_low) | pg_present | pg_writable;
    }
    return virt_to_phys(pml4);
}

} // namespace arch
