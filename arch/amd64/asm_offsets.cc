// Member offsets and constants for the amd64 assembly (the syscall entry and
// the IPC fast path).  Not linked into the kernel: the build compiles it to
// assembly and turns each ".ascii" line into a #define of the generated
// header asm_offsets.h, so assembly never hard-codes a C++ layout.
#include "arch.h"
#include <generic/cpu.h>
#include <generic/space.h>
#include <generic/tcb.h>

// offsetof on the kernel's (non-standard-layout) classes is well defined
// for the single-inheritance-free, virtual-free types used here.
#pragma clang diagnostic ignored "-Winvalid-offsetof"

#define DEFINE(name, value) asm volatile(".ascii \"#define " #name " %c0\\n\"" ::"i"(value))

struct AsmOffsets {
    static void emit()
    {
        // Tcb.  state, user_ipc, halted, in_wakeup_queue form one word.
        static_assert(offsetof(Tcb, user_ipc) == offsetof(Tcb, state) + 1 &&
                      offsetof(Tcb, halted) == offsetof(Tcb, state) + 2 &&
                      offsetof(Tcb, in_wakeup_queue) == offsetof(Tcb, state) + 3);
        static_assert(sizeof(ThreadState) == 1 && sizeof(bool) == 1);
        static_assert(sizeof(ThreadId) == 8 && sizeof(Tcb::priority) == 1);
        DEFINE(TCB_STATE_WORD, offsetof(Tcb, state));
        DEFINE(TCB_PRIORITY, offsetof(Tcb, priority));
        DEFINE(TCB_GLOBAL_ID, offsetof(Tcb, global_id));
        DEFINE(TCB_LOCAL_ID, offsetof(Tcb, local_id));
        DEFINE(TCB_SPACE, offsetof(Tcb, space));
        DEFINE(TCB_CPU, offsetof(Tcb, cpu));
        DEFINE(TCB_UTCB, offsetof(Tcb, utcb));
        DEFINE(TCB_PARTNER, offsetof(Tcb, partner));
        DEFINE(TCB_SEND_QUEUE, offsetof(Tcb, send_queue));
        DEFINE(TCB_KSP, offsetof(Tcb, context) + offsetof(arch::ThreadContext, ksp));
        // The state word of a thread the fast path may deliver to: Waiting
        // in a user IPC, not halted, no timeout pending.
        DEFINE(STATE_WAITING_USER, Word(ThreadState::Waiting) | (Word(1) << 8));
        DEFINE(STATE_RUNNING, Word(ThreadState::Running));
        DEFINE(STATE_WAITING, Word(ThreadState::Waiting));

        // Space and its page table's arch part.
        constexpr Word pt_arch = offsetof(Space, page_table) + offsetof(PageTable, arch_part);
        DEFINE(SPACE_REDIRECTOR, offsetof(Space, redirector));
        DEFINE(SPACE_ROOT_PHYS, pt_arch + offsetof(arch::PageTableArch, root_phys));
        DEFINE(SPACE_CURRENT_UTCB_PAGE, pt_arch + offsetof(arch::PageTableArch, current_utcb_page));

        // Cpu, and its arch part (the kernel's GS base).
        DEFINE(CPU_ACTIVE_SPACE, offsetof(Cpu, active_space));
        DEFINE(CPU_FPU_ENABLED, offsetof(Cpu, fpu_enabled));
        DEFINE(CPU_READY_HIGHEST, offsetof(Cpu, ready) + offsetof(ReadyQueue<Tcb>, highest_));
        static_assert(sizeof(ReadyQueue<Tcb>::highest_) == 4);
        DEFINE(CPUL_USER_RSP, offsetof(arch::CpuLocal, user_rsp));
        DEFINE(CPUL_FS_BASE, offsetof(arch::CpuLocal, fs_base));
        DEFINE(CPUL_UTCB_SLOT_OFFSET, offsetof(arch::CpuLocal, utcb_slot_offset));
        DEFINE(CPUL_TSS_RSP0, offsetof(arch::CpuLocal, tables) + offsetof(arch::CpuTables, tss) +
                                  offsetof(arch::Tss, rsp0));

        // The user register frame.
        DEFINE(FRAME_SIZE, sizeof(arch::Frame));
        DEFINE(FRAME_R15, offsetof(arch::Frame, r15));
        DEFINE(FRAME_R14, offsetof(arch::Frame, r14));
        DEFINE(FRAME_R13, offsetof(arch::Frame, r13));
        DEFINE(FRAME_R12, offsetof(arch::Frame, r12));
        DEFINE(FRAME_R11, offsetof(arch::Frame, r11));
        DEFINE(FRAME_R10, offsetof(arch::Frame, r10));
        DEFINE(FRAME_R9, offsetof(arch::Frame, r9));
        DEFINE(FRAME_R8, offsetof(arch::Frame, r8));
        DEFINE(FRAME_RBP, offsetof(arch::Frame, rbp));
        DEFINE(FRAME_RDI, offsetof(arch::Frame, rdi));
        DEFINE(FRAME_RSI, offsetof(arch::Frame, rsi));
        DEFINE(FRAME_RDX, offsetof(arch::Frame, rdx));
        DEFINE(FRAME_RCX, offsetof(arch::Frame, rcx));
        DEFINE(FRAME_RBX, offsetof(arch::Frame, rbx));
        DEFINE(FRAME_RAX, offsetof(arch::Frame, rax));
        DEFINE(FRAME_VECTOR, offsetof(arch::Frame, vector));
        DEFINE(FRAME_RIP, offsetof(arch::Frame, rip));
        DEFINE(FRAME_CS, offsetof(arch::Frame, cs));
        DEFINE(FRAME_RFLAGS, offsetof(arch::Frame, rflags));
        DEFINE(FRAME_USER_RSP, offsetof(arch::Frame, user_rsp));

        // UTCB words (the kernel's Utcb pointer is its first word).
        DEFINE(UTCB_MR0, Utcb::mr0_offset);
        DEFINE(UTCB_MY_GLOBAL_ID, Utcb::my_global_id_index * sizeof(Word));
        DEFINE(THREAD_VERSION_BITS, ThreadId::version_bits);
        DEFINE(MAX_THREADS, Tcb::max_threads);
        DEFINE(CR0_TS, x86::cr0_ts);
    }
};

void asm_offsets() { AsmOffsets::emit(); }
