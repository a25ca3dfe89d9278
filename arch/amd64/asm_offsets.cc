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
#include <x86/asm_offsets_common.inc>

        static_assert(sizeof(ThreadId) == 8 && sizeof(Tcb::priority) == 1);

        // Cpu, and its arch part (the kernel's GS base).
        DEFINE(CPUL_USER_RSP, offsetof(arch::CpuLocal, user_rsp));
        DEFINE(CPUL_FS_BASE, offsetof(arch::CpuLocal, fs_base));
        DEFINE(CPUL_USER_END, offsetof(arch::CpuLocal, user_end));
        // Generic Cpu fields reached through GS (below the arch part).
        DEFINE(CPUL_FPU_ENABLED, long(offsetof(Cpu, fpu_enabled)) - long(offsetof(Cpu, arch)));
        DEFINE(CPUL_TSS_RSP0, offsetof(arch::CpuLocal, tables) + offsetof(arch::CpuTables, tss) +
                                  offsetof(arch::Tss, rsp0));

        // The user register frame.
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
    }
};

void asm_offsets() { AsmOffsets::emit(); }
