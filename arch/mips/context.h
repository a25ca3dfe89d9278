// MIPS thread context: what a switched-out thread keeps besides its kernel
// stack, and the per-CPU state the exception vectors reach without the TLB.
#pragma once

#include "config.h"
#include "frame.h"
#include "pte.h"
#include "tlb.h"
#include <generic/types.h>

extern "C" void mips_switch_stacks(Word* save_sp, Word new_sp);
extern "C" void mips_return_from_exception();
extern "C" void mips_thread_start();

namespace arch {

struct ThreadContext {
    Word ksp = 0;   // kernel stack pointer while switched out
};

// What entry.S needs of a CPU, at the fixed offsets of frame_layout.h.
// It lives in the kernel image (CKSEG0), so the exception vectors reach it
// with EXL set, when a TLB miss must not happen.
struct alignas(SAVE_SIZE) CpuSave {
    Word kernel_sp;      // top of the running thread's kernel stack
    Word root;           // CKSEG0 address of the active user root table
    Word utcb;           // the running thread's local id, handed to user mode in k1
    Word scratch[6];     // sp, t0-t3, EPC, Status while entering/leaving
    Word pad[7];
};
static_assert(sizeof(CpuSave) == SAVE_SIZE);
static_assert(__builtin_offsetof(CpuSave, utcb) == SAVE_UTCB && __builtin_offsetof(CpuSave, scratch) == SAVE_SP);

extern "C" CpuSave mips_cpu_save[CONFIG_MAX_CPUS];

struct CpuLocal {
    CpuSave* save = nullptr;
};

inline CpuSave& cpu_save() { return mips_cpu_save[current_cpu()]; }

// The frame a user thread enters and leaves the kernel with.
inline Frame* user_frame(Word stack_top) { return reinterpret_cast<Frame*>(stack_top) - 1; }

// The Status bits every thread runs with: 64-bit addressing in all
// modes, 64-bit FPRs, and the interrupt lines Chestnut uses.  User threads
// add KSU=user and IE; CU1 follows the FPU owner (fpu.h).
inline constexpr u32 status_base = ST_KX | ST_SX | ST_UX | ST_FR | ST_IM2 | ST_IM7;

// Makes a fresh user thread's first switch run entry() on its kernel stack
// and then enter user mode through its frame (IP and SP 0 until set).
void prepare_user_thread(ThreadContext& ctx, Word stack_top, void (*entry)());
// Makes a fresh kernel thread's first switch call entry(), which never returns.
void prepare_kernel_thread(ThreadContext& ctx, Word stack_top, void (*entry)());

inline void switch_threads(ThreadContext& from, ThreadContext& to, Word to_stack_top, CpuLocal& cpu)
{
    cpu.save->kernel_sp = to_stack_top;
    mips_switch_stacks(&from.ksp, to.ksp);
}

// Loads a space: the root the refill handler walks and its ASID.
inline void activate(PageTableArch& a, Paddr root)
{
    cpu_save().root = CKSEG0 + root;
    set_current_asid(asid_of(a));
}

// User mode finds its local id in k1: every return to user mode loads it
// from the CPU's save area.
inline void set_current_utcb(PageTableArch&, unsigned cpu, Word local_id) { mips_cpu_save[cpu].utcb = local_id; }

inline Word current_stack_pointer()
{
    Word sp;
    asm volatile("move %0, $sp" : "=r"(sp));
    return sp;
}

// The running thread's TCB is found from the kernel stack pointer: the
// stack is the rest of the TCB's page.
inline Word current_tcb_address() { return current_stack_pointer() & ~Word(TCB_SIZE - 1); }

} // namespace arch
