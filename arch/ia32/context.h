// ia32 thread context: what a switched-out thread keeps besides its kernel
// stack, and the per-CPU arch state.
#pragma once

#include "cpu_tables.h"
#include "frame.h"
#include "pte.h"
#include <generic/types.h>
#include <x86/cpu.h>

extern "C" void ia32_switch_stacks(Word* save_sp, Word new_sp);
extern "C" void ia32_return_from_trap();
// Like ia32_switch_stacks, but resumes a thread the IPC fast path left
// waiting (ksp 0): on its user frame, in ia32_fastpath_resume.
extern "C" void ia32_switch_to_fastpath_waiter(Word* save_sp, arch::Frame* frame);

namespace arch {

struct ThreadContext {
    // Kernel stack pointer while switched out; 0 when the IPC fast path left
    // the thread waiting with only its user frame on the stack (it resumes
    // in ia32_fastpath_resume).
    Word ksp = 0;
};

struct CpuLocal {
    CpuTables tables;
    Word utcb_slot_offset = 0;   // this CPU's word in a current-UTCB page (4 * id)
    u32 apic_id = 0;             // its local APIC (IPIs are sent there)
};

// What ia32_switch_stacks pops: edi, esi, ebx, ebp, return address.
struct SwitchFrame {
    Word saved[4];
    void (*ret)();
};
// Where a fresh user thread's entry function returns to (x86/thread_start.cc).
inline void (*const user_thread_return)() = ia32_return_from_trap;

// The frame a user thread enters and leaves the kernel with.
inline Frame* user_frame(Word stack_top) { return reinterpret_cast<Frame*>(stack_top) - 1; }

// Makes a fresh user thread's first switch run entry() on its kernel stack
// and then enter user mode through its frame (IP and SP 0 until set).
void prepare_user_thread(ThreadContext& ctx, Word stack_top, void (*entry)());
// Makes a fresh kernel thread's first switch call entry(), which never returns.
void prepare_kernel_thread(ThreadContext& ctx, Word stack_top, void (*entry)());

inline void switch_threads(ThreadContext& from, ThreadContext& to, Word to_stack_top, CpuLocal& cpu)
{
    cpu.tables.tss.esp0 = u32(to_stack_top);
    if (to.ksp == 0)
        ia32_switch_to_fastpath_waiter(&from.ksp, user_frame(to_stack_top));
    else
        ia32_switch_stacks(&from.ksp, to.ksp);
}

inline void activate(PageTableArch&, Paddr root) { x86::write_cr3(root); }

// %gs:0 reads the CPU's word of the space's current-UTCB page (layout.h).
inline void set_current_utcb(PageTableArch& a, unsigned cpu, Word local_id)
{
    a.current_utcb_page[cpu] = local_id;
}

inline Word current_stack_pointer()
{
    Word sp;
    asm volatile("mov %%esp, %0" : "=r"(sp));
    return sp;
}

} // namespace arch
