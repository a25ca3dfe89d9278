// ia32 multiprocessor start-up: the page directory the trampoline
// (ap_boot.S) turns paging on with; the rest is x86/ap_start.cc.
#include "arch.h"
#include <generic/kmem.h>
#include <generic/string.h>
#include <x86/ap_start.h>

namespace arch {

Paddr ap_root_table()
{
    static u32* directory;   // the kernel's, plus an identity map of the first 4 MiB
    if (directory == nullptr) {
        directory = static_cast<u32*>(kmem.alloc_page());
        if (directory == nullptr)
            return 0;
        memcpy(directory, kernel_page_directory(), page_size);
        directory[0] = 0x83;   // present, writable, 4 MiB page at 0
    }
    return virt_to_phys(directory);
}

} // namespace arch
