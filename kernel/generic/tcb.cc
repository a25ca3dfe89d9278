#include "tcb.h"
#include "kmem.h"
#include "new.h"
#include "smp.h"

Tcb* Tcb::create(ThreadId id)
{
    if (id.number() >= max_threads || slot(id.number())->exists())
        return nullptr;
    void* page = kmem.alloc_page();
    if (page == nullptr)
        return nullptr;
    Tcb* t = slot(id.number());
    arch::map_tcb_page(reinterpret_cast<Word>(t), arch::virt_to_phys(page));
    smp::shoot_down_kernel(reinterpret_cast<Word>(t));   // others cached the zero page
    new (t) Tcb;
    t->global_id = id;
    t->set_canary();
    return t;
}

void Tcb::destroy()
{
    Word address = reinterpret_cast<Word>(this);
    void* page = arch::phys_to_virt<void>(arch::tcb_page(address));
    arch::unmap_tcb_page(address);
    smp::shoot_down_kernel(address);   // nobody may reach the page once it is free
    kmem.free_page(page);
}
