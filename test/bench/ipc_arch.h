// The benchmark's view of the CPU: a cycle counter (instructions under QEMU
// icount) and an inline IPC through the KIP stub with the X.2 register
// convention, so that a measurement is "user stub + kernel" plus a few
// instructions of loop.
#pragma once

#include <l4/syscalls.h>
#include <l4/types.h>

extern "C" const void* __l4_ipc_stub;
extern "C" const void* __l4_lipc_stub;

namespace bench {

#if defined(__i386__)

// A stub that returns at once, to measure the loop around a real one (this
// header is included by the bench's main.cc only).
extern "C" void bench_null_stub();
__asm__(".text\n.global bench_null_stub\nbench_null_stub:\n\tret\n");

inline L4_Word64_t cycles()
{
    L4_Word_t lo, hi;
    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((L4_Word64_t)hi << 32) | lo;
}

// One Ipc (or Lipc) system call: MR0 in ESI, MR1.. in the UTCB; returns
// MR0 and the partner id.  MR1 and MR2 come back in EBX and EBP and are
// not stored (the loops below do not need them).
inline L4_Word_t ipc(const void* const* stub, L4_Word_t to, L4_Word_t from_spec, L4_Word_t timeouts,
                     L4_Word_t mr0, L4_Word_t* utcb, L4_Word_t* from)
{
    L4_Word_t eax = to, ecx = timeouts, edx = from_spec, esi = mr0, ebx;
    __asm__ __volatile__("push %%ebp\n\t"
                         "call *%[stub]\n\t"
                         "pop %%ebp"
                         : "+a"(eax), "+c"(ecx), "+d"(edx), "+S"(esi), "=b"(ebx)
                         : "D"(utcb), [stub] "m"(*stub)
                         : "memory", "cc");
    *from = eax;
    return esi;
}

#elif defined(__mips__)

// A stub that returns at once (jr ra; nop), for the loop overhead.
extern "C" void bench_null_stub();
__asm__(".text\n.set push\n.set noreorder\n.global bench_null_stub\nbench_null_stub:\n\tjr $31\n\tnop\n.set pop\n");

// Instructions per CP0 Count tick (6 under QEMU's -icount shift=0 on
// Malta), measured once against a loop of known length: 3 instructions an
// iteration.  The fastest of a few runs (a timer tick only adds).
inline L4_Word_t count_ratio()
{
    L4_Word_t best = ~0ul;
    for (int r = 0; r < 8; r++) {
        L4_Word_t n = 50000, c0, c1;
        __asm__ __volatile__(".set push\n\t.set noreorder\n\t"
                             "rdhwr %1, $2\n"
                             "1:\tdaddiu %0, %0, -1\n\t"
                             "bnez %0, 1b\n\t"
                             " nop\n\t"
                             "rdhwr %2, $2\n\t"
                             ".set pop"
                             : "+r"(n), "=&r"(c0), "=&r"(c1));
        L4_Word_t t = (c1 - c0) & 0xffffffffu;
        if (t < best)
            best = t;
    }
    return (3 * 50000 + best / 2) / best;
}

// CP0 Count (user readable through rdhwr $2), widened to 64 bits and
// scaled to instructions.  Count wraps every few seconds; the benchmark
// reads it far more often than that.
inline L4_Word64_t cycles()
{
    static L4_Word_t ratio = count_ratio();
    static L4_Word32_t last;
    static L4_Word64_t high;
    L4_Word_t c;
    __asm__ __volatile__("rdhwr %0, $2" : "=r"(c));
    L4_Word32_t now = (L4_Word32_t)c;
    if (now < last)
        high += 1ull << 32;
    last = now;
    return (high | now) * ratio;
}

// One Ipc (or Lipc) system call with the mips64 convention (docs/abi.md):
// a0 to, a1 FromSpecifier, a2 Timeouts, v1 MR0, s0-s7 MR1-MR8, loaded from
// and stored back to the UTCB as libl4 does; returns MR0 and the partner id.
inline L4_Word_t ipc(const void* const* stub, L4_Word_t to, L4_Word_t from_spec, L4_Word_t timeouts,
                     L4_Word_t mr0, L4_Word_t* utcb, L4_Word_t* from)
{
    register L4_Word_t a0 __asm__("$4") = to, a1 __asm__("$5") = from_spec, a2 __asm__("$6") = timeouts;
    register L4_Word_t v1 __asm__("$3") = mr0;
    register L4_Word_t s0 __asm__("$16") = utcb[1], s1 __asm__("$17") = utcb[2], s2 __asm__("$18") = utcb[3],
                       s3 __asm__("$19") = utcb[4], s4 __asm__("$20") = utcb[5], s5 __asm__("$21") = utcb[6],
                       s6 __asm__("$22") = utcb[7], s7 __asm__("$23") = utcb[8];
    register const void* t9 __asm__("$25") = *stub;
    register L4_Word_t v0 __asm__("$2");
    __asm__ __volatile__("jalr $25"
                         : "=r"(v0), "+r"(v1), "+r"(a0), "+r"(a1), "+r"(a2), "+r"(t9), "+r"(s0), "+r"(s1),
                           "+r"(s2), "+r"(s3), "+r"(s4), "+r"(s5), "+r"(s6), "+r"(s7)
                         :
                         : "$1", "$7", "$8", "$9", "$10", "$11", "$12", "$13", "$14", "$15", "$24", "$31", "hi",
                           "lo", "memory");
    utcb[1] = s0;
    utcb[2] = s1;
    utcb[3] = s2;
    utcb[4] = s3;
    utcb[5] = s4;
    utcb[6] = s5;
    utcb[7] = s6;
    utcb[8] = s7;
    *from = v0;
    return v1;
}

#else
#error "no benchmark binding for this architecture"
#endif

} // namespace bench
