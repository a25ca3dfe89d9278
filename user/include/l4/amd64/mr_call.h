// amd64: an Ipc or Lipc through a KIP stub with MR0-MR7 in registers (X.2
// amd64, docs/abi.md): in RSI to, RDX FromSpecifier, R8 Timeouts, R9 MR0,
// RAX RBX R10 R12 R13 R14 R15 MR1-MR7, RDI the return address (the stub
// is entered by a jump, not a call: the caller's red zone stays intact);
// out RSI from and the same MR registers; RCX, RDX, RDI, R8, R11
// clobbered, RBP and RSP preserved.  The Lipc stub has the same convention.
#pragma once

#include <l4/types.h>

// Calls `stub` with to/from_spec/timeouts and mr[0..7]; stores MR0-MR7
// back into mr and returns the from register.
L4_INLINE L4_Word_t __L4_Amd64_CallWithMRs(const void* stub, L4_Word_t to, L4_Word_t from_spec,
                                           L4_Word_t timeouts, L4_Word_t* mr)
{
    register L4_Word_t r8 __asm__("r8") = timeouts;
    register L4_Word_t r9 __asm__("r9") = mr[0];
    register L4_Word_t r10 __asm__("r10") = mr[3];
    register L4_Word_t r12 __asm__("r12") = mr[4];
    register L4_Word_t r13 __asm__("r13") = mr[5];
    register L4_Word_t r14 __asm__("r14") = mr[6];
    register L4_Word_t r15 __asm__("r15") = mr[7];
    L4_Word_t rax = mr[1], rbx = mr[2];
    __asm__ __volatile__("lea 1f(%%rip), %%rdi\n\t"
                         "jmp *%%rcx\n"
                         "1:"
                         : "+S"(to), "+d"(from_spec), "+c"(stub), "+r"(r8), "+r"(r9), "+a"(rax), "+b"(rbx),
                           "+r"(r10), "+r"(r12), "+r"(r13), "+r"(r14), "+r"(r15)
                         :
                         : "rdi", "r11", "memory", "cc");
    mr[0] = r9;
    mr[1] = rax;
    mr[2] = rbx;
    mr[3] = r10;
    mr[4] = r12;
    mr[5] = r13;
    mr[6] = r14;
    mr[7] = r15;
    return to;
}
