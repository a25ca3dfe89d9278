#include "space.h"
#include "kip.h"
#include "kmem.h"
#include "mapping_db.h"
#include "object_cache.h"
#include "tcb.h"
#include "utcb.h"

namespace {
ObjectCache<Space> space_cache;
}

Space* Space::create()
{
    Space* s = space_cache.create();
    if (s == nullptr)
        return nullptr;
    if (!s->page_table.init()) {
        space_cache.destroy(s);
        return nullptr;
    }
    return s;
}

void Space::destroy()
{
    mdb::unmap_all(this);
    // What is left are kernel pages: the KIP (kernel image) and UTCB pages.
    if (!utcb_area.is_nil())
        page_table.for_each_leaf(utcb_area.base(), utcb_area.last(), [](PageTable::Slot& s) {
            kmem.free_page(arch::phys_to_virt<void>(arch::pte_address(*s.pte, s.level)));
            *s.pte = 0;
        });
    page_table.destroy();
    space_cache.destroy(this);
}

namespace {
constexpr unsigned page_level = arch::pt_levels - 1;   // 4 KiB leaves
}

bool Space::initialize(Fpage kip, Fpage utcb)
{
    PageTable::Slot s = page_table.make(kip.base(), page_level);
    if (!s.valid())
        return false;
    *s.pte = arch::pte_page(kip_physical_page(), page_level, Fpage::rights_r | Fpage::rights_x,
                            arch::CacheMode::Default);
    *s.node = nullptr;
    kip_area = kip;
    utcb_area = utcb;
    arch::set_kip_location(page_table.arch_part, kip.base());
    return true;
}

bool Space::is_valid_utcb_location(Word location) const
{
    return !utcb_area.is_nil() && is_aligned(location, kip_utcb_alignment()) &&
           utcb_area.contains(location, location + Utcb::size - 1);
}

Utcb* Space::utcb_at(Word location)
{
    Word page = align_down(location, arch::page_size);
    PageTable::Slot s = page_table.find(page);
    Paddr p;
    if (s.present()) {
        p = arch::pte_address(*s.pte, s.level);
    } else {
        void* fresh = kmem.alloc_page();
        if (fresh == nullptr)
            return nullptr;
        s = page_table.make(page, page_level);
        if (!s.valid()) {
            kmem.free_page(fresh);
            return nullptr;
        }
        p = arch::virt_to_phys(fresh);
        *s.pte = arch::pte_page(p, page_level, Fpage::rights_rwx, arch::CacheMode::Default);
        *s.node = nullptr;
    }
    return arch::phys_to_virt<Utcb>(p + (location - page));
}

Tcb* Space::thread_by_local_id(Word local_id)
{
    Word location = local_id - Utcb::mr0_offset;
    if (local_id < Utcb::mr0_offset || !is_valid_utcb_location(location))
        return nullptr;
    PageTable::Slot s = page_table.find(location);
    if (!s.present())
        return nullptr;
    // The UTCB names its owner, but user code can write there: check back.
    auto* u = arch::phys_to_virt<Utcb>(arch::pte_address(*s.pte, s.level) + (location - s.base));
    Tcb* t = Tcb::lookup(ThreadId(u->my_global_id()));
    return t != nullptr && t->space == this && t->local_id == local_id ? t : nullptr;
}
