// amd64 thread context: what a switched-out thread keeps besides its kernel
// stack, and the per-CPU arch state (reached through GS in the kernel).
#pragma once

#include "cpu_tables.h"
#include "frame.h"
#include "pte.h"
#include <generic/types.h>
#include <x86/cpu.h>

extern "C" void amd64_switch_stacks(Word* save_sp, Word new_sp);
extern "C" void amd64_exit_to_user();
// Like amd64_switch_stacks, but resumes a thread the IPC fast path left
// waiting (ksp 0): on its user frame, in amd64_fastpath_resume.
extern "C" void amd64_switch_to_fastpath_waiter(Word* save_sp, arch::Frame* frame);

namespace arch {

struct ThreadContext {
    // Kernel stack pointer while switched out; 0 when the IPC fast path left
    // the thread waiting with only its user frame on the stack.
    Word ksp = 0;
};

// The kernel's GS base points here (swapgs on every entry from user mode).
// syscall.S reads the first words by offset (asm_offsets.cc).
struct CpuLocal {
    Word user_rsp = 0;           // the syscall entry's scratch: the user RSP
    Word fs_base = 0;            // %fs:0 is this CPU's word of the current-UTCB page
    Word utcb_slot_offset = 0;   // that word's offset in the page (8 * id)
    Word user_end = USER_END;    // for the fast path's one-instruction range checks
    u32 apic_id = 0;             // its local APIC (IPIs are sent there)
    CpuTables tables;
};

// What amd64_switch_stacks pops: r15, r14, r13, r12, rbx, rbp, return address.
struct SwitchFrame {
    Word saved[6];
    void (*ret)();
};
// Where a fresh user thread's entry function returns to (x86/thread_start.cc).
inline void (*const user_thread_return)() = amd64_exit_to_user;

// The frame a user thread enters and leaves the kernel with.
inline Frame* user_frame(Word stack_top) { return reinterpret_cast<Frame*>(stack_top) - 1; }

// Makes a fresh user thread's first switch run entry() on its kernel stack
// and then enter user mode through its frame (IP and SP 0 until set).
void prepare_user_thread(ThreadContext& ctx, Word stack_top, void (*entry)());
// Makes a fresh kernel thread's first switch call entry(), which never returns.
void prepare_kernel_thread(ThreadContext& ctx, Word stack_top, void (*entry)());

// Points FS at this CPU's current-UTCB word again: a user thread may have
// loaded FS (which replaces its base), and the next thread must not see that.
inline void restore_fs_base(const CpuLocal& cpu) { x86::wrmsr(MSR_FS_BASE, cpu.fs_base); }

inline void switch_threads(ThreadContext& from, ThreadContext& to, Word to_stack_top, CpuLocal& cpu)
{
    cpu.tables.tss.rsp0 = to_stack_top;
    restore_fs_base(cpu);
    if (to.ksp == 0)
        amd64_switch_to_fastpath_waiter(&from.ksp, user_frame(to_stack_top));
    else
        amd64_switch_stacks(&from.ksp, to.ksp);
}

inline void activate(PageTableArch&, Paddr root) { x86::write_cr3(root); }

inline void set_current_utcb(PageTableArch& a, unsigned cpu, Word local_id)
{
    a.current_utcb_page[cpu] = local_id;
}

inline Word current_stack_pointer()
{
    Word sp;
    asm volatile("mov %%rsp, %0" : "=r"(sp));
    return sp;
}

} // namespace arch
