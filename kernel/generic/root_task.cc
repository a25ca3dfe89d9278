// Starting the root task.  Until sigma0 pages it (the memory issue), the
// kernel maps the root task's segments into its space directly.
#include "assert.h"
#include "boot.h"
#include "console.h"
#include "cpu.h"
#include "scheduler.h"
#include "space.h"
#include "tcb.h"

void start_root_task(const ElfImage& image)
{
    Space* space = Space::create();
    Tcb* t = Tcb::create(ThreadId::global(thread_numbers::root_task, 1));
    if (space == nullptr || t == nullptr)
        panic("out of kernel memory creating the root task");
    for (unsigned s = 0; s < image.segment_count; s++) {
        const ElfSegment& seg = image.segments[s];
        Word base = align_down(seg.vaddr, arch::page_size);
        Word end = align_up(seg.vaddr + seg.mem_size, arch::page_size);
        Paddr phys = align_down(seg.paddr, arch::page_size);
        for (Word va = base; va < end; va += arch::page_size, phys += arch::page_size)
            if (!space->page_table.map_page(va, phys, seg.writable))
                panic("out of kernel memory mapping the root task");
    }
    t->space = space;
    t->cpu = &cpus[0];
    t->state = ThreadState::Running;
    arch::prepare_user_thread(t->context, t->stack_top(), image.entry, 0);
    kprintf("root task: entry %lx\n", image.entry);
    make_ready(t);
}
