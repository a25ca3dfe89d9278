// Member offsets and constants for the ia32 assembly (the sysenter entry and
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

        // ia32 only: the space's sysexit return point, this CPU's TSS esp0.
        DEFINE(SPACE_SYSEXIT_IP, pt_arch + offsetof(arch::PageTableArch, sysexit_ip));
        DEFINE(CPU_TSS_ESP0, offsetof(Cpu, arch) + offsetof(arch::CpuLocal, tables) +
                                 offsetof(arch::CpuTables, tss) + offsetof(arch::Tss, esp0));

        // The user register frame.
        DEFINE(FRAME_EDI, offsetof(arch::Frame, edi));
        DEFINE(FRAME_ESI, offsetof(arch::Frame, esi));
        DEFINE(FRAME_EBP, offsetof(arch::Frame, ebp));
        DEFINE(FRAME_EBX, offsetof(arch::Frame, ebx));
        DEFINE(FRAME_EDX, offsetof(arch::Frame, edx));
        DEFINE(FRAME_ECX, offsetof(arch::Frame, ecx));
        DEFINE(FRAME_EAX, offsetof(arch::Frame, eax));
        DEFINE(FRAME_VECTOR, offsetof(arch::Frame, vector));
        DEFINE(FRAME_EIP, offsetof(arch::Frame, eip));
        DEFINE(FRAME_CS, offsetof(arch::Frame, cs));
        DEFINE(FRAME_USER_ESP, offsetof(arch::Frame, user_esp));
    }
};

void asm_offsets() { AsmOffsets::emit(); }
