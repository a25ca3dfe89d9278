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

#else
#error "no benchmark binding for this architecture"
#endif

} // namespace bench
