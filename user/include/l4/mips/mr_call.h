// A mips64 system call that carries MRs in registers (docs/abi.md): a0-a2
// in, v1 = MR0 and s0-s7 = MR1-MR8 both ways; returns v0.  MR0 travels
// through *mr0, MR1-MR8 are loaded from and stored back to mr[1..8].
// Used by libl4 (Ipc, Lipc, Unmap) and by the benchmark's inline Ipc.
#pragma once

#include <l4/types.h>

L4_INLINE L4_Word_t __L4_Mips_CallWithMRs(const void* stub, L4_Word_t x0, L4_Word_t x1, L4_Word_t x2,
                                          L4_Word_t* mr0, L4_Word_t* mr)
{
    register L4_Word_t a0 __asm__("$4") = x0, a1 __asm__("$5") = x1, a2 __asm__("$6") = x2;
    register L4_Word_t v1 __asm__("$3") = *mr0;
    register L4_Word_t s0 __asm__("$16") = mr[1], s1 __asm__("$17") = mr[2], s2 __asm__("$18") = mr[3],
                       s3 __asm__("$19") = mr[4], s4 __asm__("$20") = mr[5], s5 __asm__("$21") = mr[6],
                       s6 __asm__("$22") = mr[7], s7 __asm__("$23") = mr[8];
    register const void* t9 __asm__("$25") = stub;
    register L4_Word_t v0 __asm__("$2");
    // The stub clobbers v0 and ra; the kernel may clobber at, a3-a7,
    // t0-t3, t8, t9, HI and LO.
    __asm__ __volatile__("jalr $25"
                         : "=r"(v0), "+r"(v1), "+r"(a0), "+r"(a1), "+r"(a2), "+r"(t9), "+r"(s0), "+r"(s1),
                           "+r"(s2), "+r"(s3), "+r"(s4), "+r"(s5), "+r"(s6), "+r"(s7)
                         :
                         : "$1", "$7", "$8", "$9", "$10", "$11", "$12", "$13", "$14", "$15", "$24", "$31", "hi",
                           "lo", "memory");
    *mr0 = v1;
    mr[1] = s0;
    mr[2] = s1;
    mr[3] = s2;
    mr[4] = s3;
    mr[5] = s4;
    mr[6] = s5;
    mr[7] = s6;
    mr[8] = s7;
    return v0;
}
