// The CPU's cycle counter as user code can read it (not part of X.2):
// for measurements.  ia32: the TSC; MIPS64: CP0 Count through rdhwr $2
// (the kernel enables it in HWREna).  Only differences are meaningful.
#pragma once

#include <l4/types.h>

L4_INLINE L4_Word64_t L4_CycleCounter(void)
{
#if defined(__i386__) || defined(__x86_64__)
    L4_Word32_t lo, hi;
    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((L4_Word64_t)hi << 32) | lo;
#elif defined(__mips__)
    L4_Word_t c;
    __asm__ __volatile__(".set push\n\t.set mips32r2\n\trdhwr %0, $2\n\t.set pop" : "=r"(c));
    return (L4_Word32_t)c;   // 32 bits wide: differences modulo 2^32
#else
#error "no cycle counter for this architecture"
#endif
}

// Bits of the counter: differences are taken modulo 2^L4_CYCLE_COUNTER_BITS.
#if defined(__mips__)
#define L4_CYCLE_COUNTER_BITS 32
#else
#define L4_CYCLE_COUNTER_BITS 64
#endif
