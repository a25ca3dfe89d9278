// Creating sigma0 and the root task at boot (X.2: thread numbers UserBase
// and UserBase + 2, each in its own privileged space with the KIP and UTCB
// areas the kernel chooses; sigma0 pages itself 1:1, the root task is paged
// by sigma0 from the first instruction on, and schedules both).
#include "assert.h"
#include "boot.h"
#include "console.h"
#include "cpu.h"
#include "kernel_lock.h"
#include "kip.h"
#include "scheduler.h"
#include "space.h"
#include "thread.h"
#include "utcb.h"

namespace {

Tcb* create_root_server(ThreadId id, ThreadId pager, const ElfImage& image, KipRootServer Kip::*entry)
{
    Space* space = Space::create();
    if (space == nullptr)
        panic("out of kernel memory creating the root servers");
    space->privileged = true;
    if (!space->initialize(Fpage::make(arch::root_kip_area, kip_area_size_log2()),
                           Fpage::make(arch::root_utcb_area, arch::root_utcb_area_log2)))
        panic("out of kernel memory creating the root servers");
    ThreadId root = ThreadId::global(thread_numbers::root_task, 1);
    Tcb* t = create_thread(id, space, root, &cpus[0]);
    if (t == nullptr || !activate_thread(t, arch::root_utcb_area, pager))
        panic("out of kernel memory creating the root servers");
    t->priority = root_server_priority;

    Word low = ~Word(0), high = 0;
    for (unsigned s = 0; s < image.segment_count; s++) {
        low = min(low, image.segments[s].paddr);
        high = max(high, image.segments[s].paddr + image.segments[s].mem_size - 1);
    }
    kip_set_root_server(entry, image.entry, 0, low, high);
    start_thread(t, image.entry, 0);
    return t;
}

} // namespace

void start_root_servers(const ElfImage& sigma0_image, const ElfImage& root_image)
{
    KernelLockGuard guard;   // the other CPUs are up
    ThreadId sigma0_id = ThreadId::global(thread_numbers::sigma0, 1);
    Tcb* sigma0 = create_root_server(sigma0_id, ThreadId::nil(), sigma0_image, &Kip::sigma0);
    sigma0->space->is_sigma0 = true;

    Tcb* root = create_root_server(ThreadId::global(thread_numbers::root_task, 1), sigma0_id,
                                   root_image, &Kip::root_server);
    kprintf("root servers: sigma0 %lx at %lx, root task %lx at %lx\n", sigma0_id.raw(),
            sigma0_image.entry, root->global_id.raw(), root_image.entry);
}
