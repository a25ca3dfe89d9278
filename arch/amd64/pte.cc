#include "pte.h"
#include "arch.h"
#include <generic/kmem.h>

namespace arch {

bool init_root(Pte* root, PageTableArch& a)
{
    for (auto& t : a.local_tables)
        t = static_cast<Pte*>(kmem.alloc_page());
    a.current_utcb_page = static_cast<Word*>(kmem.alloc_page());
    if (a.local_tables[0] == nullptr || a.local_tables[1] == nullptr || a.local_tables[2] == nullptr ||
        a.current_utcb_page == nullptr) {
        destroy_root(root, a);
        return false;
    }
    const u64* kernel = kernel_pml4();
    for (unsigned i = pml4_index(USER_END); i < 512; i++)
        root[i] = kernel[i];
    constexpr Word user_table = pg_present | pg_writable | pg_user;
    a.local_tables[2][pt_index(CURRENT_UTCB_PAGE)] = virt_to_phys(a.current_utcb_page) | user_table;
    a.local_tables[1][pd_index(CURRENT_UTCB_PAGE)] = virt_to_phys(a.local_tables[2]) | user_table;
    a.local_tables[0][pdpt_index(CURRENT_UTCB_PAGE)] = virt_to_phys(a.local_tables[1]) | user_table;
    root[PML4_SPACE_LOCAL] = virt_to_phys(a.local_tables[0]) | user_table;
    a.root_phys = virt_to_phys(root);
    return true;
}

void destroy_root(Pte* root, PageTableArch& a)
{
    for (auto* t : a.local_tables)
        if (t != nullptr)
            kmem.free_page(t);
    if (a.current_utcb_page != nullptr)
        kmem.free_page(a.current_utcb_page);
    a = {};
    (void)root;
}

} // namespace arch
