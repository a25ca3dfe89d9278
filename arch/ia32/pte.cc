#include "pte.h"
#include "arch.h"
#include <generic/kmem.h>

namespace arch {

bool init_root(Pte* root, PageTableArch& a)
{
    a.local_table = static_cast<Pte*>(kmem.alloc_page());
    a.current_utcb_page = static_cast<Word*>(kmem.alloc_page());
    if (a.local_table == nullptr || a.current_utcb_page == nullptr) {
        destroy_root(root, a);
        return false;
    }
    const u32* kernel = kernel_page_directory();
    for (unsigned i = pd_index(USER_END); i < pd_index(SPACE_LOCAL_AREA); i++)
        root[i] = kernel[i];
    a.local_table[pt_index(CURRENT_UTCB_PAGE)] =
        virt_to_phys(a.current_utcb_page) | pg_present | pg_writable | pg_user;
    root[pd_index(SPACE_LOCAL_AREA)] = virt_to_phys(a.local_table) | pg_present | pg_writable | pg_user;
    a.root_phys = virt_to_phys(root);
    return true;
}

void destroy_root(Pte* root, PageTableArch& a)
{
    if (a.local_table != nullptr)
        kmem.free_page(a.local_table);
    if (a.current_utcb_page != nullptr)
        kmem.free_page(a.current_utcb_page);
    a = {};
    (void)root;
}

} // namespace arch
