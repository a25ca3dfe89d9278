// x86: the UTCB pointer is the first word of the GS segment (ia32) or the
// FS segment (amd64), which the kernel points at the CPU's word of the
// space's current-UTCB page.
#pragma once

#include <l4/types.h>

L4_INLINE L4_Word_t* __L4_Utcb(void)
{
    L4_Word_t* u;
#if defined(__i386__)
    __asm__ __volatile__("mov %%gs:0, %0" : "=r"(u));
#else
    __asm__ __volatile__("mov %%fs:0, %0" : "=r"(u));
#endif
    return u;
}
