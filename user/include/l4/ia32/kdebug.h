// The X.2 kdebug convention on x86 (ia32 and amd64): int3 followed by a
// marker instruction the kernel decodes and skips; arguments and results in
// EAX/RAX.
#pragma once

#include <l4/types.h>

#define L4_KDB_Enter(str)                                                     \
    __asm__ __volatile__("int $3\n\t"                                         \
                         "jmp 2f\n\t"                                         \
                         "mov $1f, %%eax\n\t"                                 \
                         ".pushsection .rodata\n"                             \
                         "1: .asciz \"" str "\"\n"                           \
                         ".popsection\n"                                      \
                         "2:" ::: "memory")

L4_INLINE void L4_KDB_PrintChar(char c)
{
    __asm__ __volatile__("int $3; cmpb $0x00, %%al" ::"a"((L4_Word_t)(unsigned char)c));
}

L4_INLINE void L4_KDB_PrintString(const char* s)
{
    __asm__ __volatile__("int $3; cmpb $0x01, %%al" ::"a"(s) : "memory");
}

L4_INLINE char L4_KDB_ReadChar(void)
{
    L4_Word_t c;
    __asm__ __volatile__("int $3; cmpb $0x08, %%al" : "=a"(c));
    return (char)c;
}

L4_INLINE char L4_KDB_ReadChar_Blocked(void)
{
    L4_Word_t c;
    __asm__ __volatile__("int $3; cmpb $0x0d, %%al" : "=a"(c));
    return (char)c;
}

// Chestnut extension: end the machine with an exit code (privileged threads).
L4_INLINE void L4_KDB_Shutdown(L4_Word_t code)
{
    __asm__ __volatile__("int $3; cmpb $0x40, %%al" ::"a"(code) : "memory");
}

// Chestnut extension: free pages in the kernel memory pool (privileged
// threads; others get 0).  For leak tests.
L4_INLINE L4_Word_t L4_KDB_FreeKernelMemory(void)
{
    L4_Word_t pages;
    __asm__ __volatile__("int $3; cmpb $0x41, %%al" : "=a"(pages) : : "memory");
    return pages;
}

#if defined(__i386__)
// Chestnut test support (privileged; ia32 only, where LIPC exists): the
// kernel interrupts the caller after
// n more user instructions (single-stepping it), as a preemption that lets
// other threads run, or as if that instruction faulted.
L4_INLINE void L4_KDB_InterruptAfter(L4_Word_t n)
{
    __asm__ __volatile__("int $3; cmpb $0x42, %%al" : "+a"(n) : : "memory");
}
L4_INLINE void L4_KDB_FaultAfter(L4_Word_t n)
{
    __asm__ __volatile__("int $3; cmpb $0x43, %%al" : "+a"(n) : : "memory");
}
// Chestnut test support (privileged): LIPC statistics; which 0: Lipc calls
// that reached the kernel, 1: lazy switches the kernel synchronized.
L4_INLINE L4_Word_t L4_KDB_LipcStatistics(L4_Word_t which)
{
    __asm__ __volatile__("int $3; cmpb $0x44, %%al" : "+a"(which) : : "memory");
    return which;
}
#endif
// Chestnut test support (privileged): device interrupts CPU `cpu` received.
L4_INLINE L4_Word_t L4_KDB_InterruptsTaken(L4_Word_t cpu)
{
    __asm__ __volatile__("int $3; cmpb $0x45, %%al" : "+a"(cpu) : : "memory");
    return cpu;
}
// Chestnut test support: the CPU the caller runs on (its ProcessorNo, by
// the kernel's rule that user code runs at home).
L4_INLINE L4_Word_t L4_KDB_CurrentProcessor(void)
{
    L4_Word_t cpu;
    __asm__ __volatile__("int $3; cmpb $0x46, %%al" : "=a"(cpu) : : "memory");
    return cpu;
}
