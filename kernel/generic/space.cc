#include "space.h"
#include "kip.h"
#include "kmem.h"
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
    if (!utcb_area.is_nil()) {
        for (Word va = utcb_area.base(); va <= utcb_area.last() && va >= utcb_area.base();
             va += arch::page_size) {
            Paddr p = page_table.lookup(va);
            if (p != 0) {
                page_table.unmap_page(va);
                kmem.free_page(arch::phys_to_virt<void>(p));
            }
        }
    }
    page_table.destroy();
    space_cache.destroy(this);
}

bool Space::initialize(Fpage kip, Fpage utcb)
{
    if (!page_table.map_page(kip.base(), kip_physical_page(), false))
        return false;
    kip_area = kip;
    utcb_area = utcb;
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
    Paddr p = page_table.lookup(page);
    if (p == 0) {
        void* fresh = kmem.alloc_page();
        if (fresh == nullptr)
            return nullptr;
        p = arch::virt_to_phys(fresh);
        if (!page_table.map_page(page, p, true)) {
            kmem.free_page(fresh);
            return nullptr;
        }
    }
    return arch::phys_to_virt<Utcb>(p + (location - page));
}

Tcb* Space::thread_by_local_id(Word local_id)
{
    Word location = local_id - Utcb::mr0_offset;
    if (local_id < Utcb::mr0_offset || !is_valid_utcb_location(location))
        return nullptr;
    Paddr p = page_table.lookup(align_down(location, arch::page_size));
    if (p == 0)
        return nullptr;
    // The UTCB names its owner, but user code can write there: check back.
    auto* u = arch::phys_to_virt<Utcb>(p + (location & (arch::page_size - 1)));
    Tcb* t = Tcb::lookup(ThreadId(u->my_global_id()));
    return t != nullptr && t->space == this && t->local_id == local_id ? t : nullptr;
}

bool Space::overlaps_kernel_areas(Word base, Word last) const
{
    return (!kip_area.is_nil() && kip_area.base() <= last && base <= kip_area.last()) ||
           (!utcb_area.is_nil() && utcb_area.base() <= last && base <= utcb_area.last());
}
