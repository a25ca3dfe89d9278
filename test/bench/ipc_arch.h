// The benchmark's view of the CPU: a cycle counter (instructions under QEMU
// icount) and an inline IPC through the KIP stub with the X.2 register
// convention, so that a measurement is "user stub + kernel" plus a few
// instructions of loop.
#pragma once

#include <l4/syscalls.h>
#include <l4/types.h>
#if defined(__mips__)
#include <l4/mips/mr_call.h>
#elif defined(__x86_64__)
#include <l4/amd64/mr_call.h>
#endif

extern "C" const void* __l4_ipc_stub;
extern "C" const void* __l4_lipc_stub;

namespace bench {

#if defined(__i386__) || defined(__x86_64__)
// The time stamp counter: one tick per instruction under QEMU's icount.
inline L4_Word64_t cycles()
{
    L4_Word32_t lo, hi;
    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((L4_Word64_t)hi << 32) | lo;
}
#endif

#if defined(__i386__)

// A stub that returns at once, to measure the loop around a real one (this
// header is included by the bench's main.cc only).
extern "C" void bench_null_stub();
__asm__(".text\n.global bench_null_stub\nbench_null_stub:\n\tret\n");


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

#elif defined(__x86_64__)

// A stub that returns at once (to RDI, as the Ipc stub does), to measure
// the loop around a real one.
extern "C" void bench_null_stub();
__asm__(".text\n.global bench_null_stub\nbench_null_stub:\n\tjmp *%rdi\n");


// One Ipc (or Lipc) system call with the amd64 convention (docs/abi.md):
// MR0 in R9, MR1-MR7 in RAX, RBX, R10, R12-R15.  Those seven travel as the
// registers hold them (an X.2 program keeps its message there; the figures
// need no particular contents), MR8.. in the UTCB; RDI the return address
// (the stub is jumped to); returns MR0 and the partner id.
inline L4_Word_t ipc(const void* const* stub, L4_Word_t to, L4_Word_t from_spec, L4_Word_t timeouts,
                     L4_Word_t mr0, L4_Word_t*, L4_Word_t* from)
{
    register L4_Word_t r8 __asm__("r8") = timeouts;
    register L4_Word_t r9 __asm__("r9") = mr0;
    register L4_Word_t r10 __asm__("r10"), r12 __asm__("r12"), r13 __asm__("r13"), r14 __asm__("r14"),
        r15 __asm__("r15");
    L4_Word_t rax, rbx;
    const void* target = *stub;
    __asm__ __volatile__("lea 1f(%%rip), %%rdi\n\t"
                         "jmp *%%rcx\n"
                         "1:"
                         : "+S"(to), "+d"(from_spec), "+c"(target), "+r"(r8), "+r"(r9), "=a"(rax), "=b"(rbx),
                           "=r"(r10), "=r"(r12), "=r"(r13), "=r"(r14), "=r"(r15)
                         :
                         : "rdi", "r11", "memory", "cc");
    *from = to;
    return r9;
}

// The same with MR1-MR7 loaded from and stored back to the UTCB, as libl4
// does: for messages whose contents matter (typed items).
inline L4_Word_t ipc_utcb(const void* const* stub, L4_Word_t to, L4_Word_t from_spec, L4_Word_t timeouts,
                          L4_Word_t mr0, L4_Word_t* utcb, L4_Word_t* from)
{
    utcb[0] = mr0;
    *from = __L4_Amd64_CallWithMRs(*stub, to, from_spec, timeouts, utcb);
    return utcb[0];
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
// MR0 in v1, MR1-MR8 in s0-s7 loaded from and stored back to the UTCB as
// libl4 does; returns MR0 and the partner id.
inline L4_Word_t ipc(const void* const* stub, L4_Word_t to, L4_Word_t from_spec, L4_Word_t timeouts,
                     L4_Word_t mr0, L4_Word_t* utcb, L4_Word_t* from)
{
    *from = __L4_Mips_CallWithMRs(*stub, to, from_spec, timeouts, &mr0, utcb);
    return mr0;
}

#else
#error "no benchmark binding for this architecture"
#endif

#if !defined(__x86_64__)
// Elsewhere ipc() already takes every MR beyond the registers from the UTCB.
inline L4_Word_t ipc_utcb(const void* const* stub, L4_Word_t to, L4_Word_t from_spec, L4_Word_t timeouts,
                          L4_Word_t mr0, L4_Word_t* utcb, L4_Word_t* from)
{
    return ipc(stub, to, from_spec, timeouts, mr0, utcb, from);
}
#endif

} // namespace bench
