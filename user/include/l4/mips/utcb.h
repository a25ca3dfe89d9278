// MIPS64: the kernel hands user mode the running thread's UTCB pointer in
// k1 on every return (k0/k1 belong to the kernel; user code only reads k1).
#pragma once

#include <l4/types.h>

L4_INLINE L4_Word_t* __L4_Utcb(void)
{
    L4_Word_t* u;
    __asm__ __volatile__("move %0, $27" : "=r"(u));
    return u;
}
