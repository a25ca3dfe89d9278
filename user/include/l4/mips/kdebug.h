// The Chestnut kdebug convention on MIPS64: `break CODE`, the argument in
// a0 and the result in v0; CODE is 0x300 plus the x86 marker byte (0x3ff:
// enter the debugger with the message in a0).  The kernel skips the break.
#pragma once

#include <l4/types.h>

#define __L4_KDB_BREAK(code, arg, result)                                         \
    do {                                                                          \
        register L4_Word_t a0_ __asm__("$4") = (L4_Word_t)(arg);                  \
        register L4_Word_t v0_ __asm__("$2");                                     \
        __asm__ __volatile__("break " #code : "=r"(v0_) : "r"(a0_) : "memory");   \
        result = v0_;                                                             \
    } while (0)

#define L4_KDB_Enter(str)                                                     \
    do {                                                                      \
        L4_Word_t r_;                                                         \
        __L4_KDB_BREAK(0x3ff, str, r_);                                       \
        (void)r_;                                                             \
    } while (0)

L4_INLINE void L4_KDB_PrintChar(char c)
{
    L4_Word_t r;
    __L4_KDB_BREAK(0x300, (unsigned char)c, r);
    (void)r;
}

L4_INLINE void L4_KDB_PrintString(const char* s)
{
    L4_Word_t r;
    __L4_KDB_BREAK(0x301, s, r);
    (void)r;
}

L4_INLINE char L4_KDB_ReadChar(void)
{
    L4_Word_t c;
    __L4_KDB_BREAK(0x308, 0, c);
    return (char)c;
}

L4_INLINE char L4_KDB_ReadChar_Blocked(void)
{
    L4_Word_t c;
    __L4_KDB_BREAK(0x30d, 0, c);
    return (char)c;
}

// Chestnut extension: end the machine with an exit code (privileged threads).
L4_INLINE void L4_KDB_Shutdown(L4_Word_t code)
{
    L4_Word_t r;
    __L4_KDB_BREAK(0x340, code, r);
    (void)r;
}

// Chestnut extension: free pages in the kernel memory pool (privileged
// threads; others get 0).  For leak tests.
L4_INLINE L4_Word_t L4_KDB_FreeKernelMemory(void)
{
    L4_Word_t pages;
    __L4_KDB_BREAK(0x341, 0, pages);
    return pages;
}

// Chestnut test support (privileged): device interrupts CPU `cpu` received.
L4_INLINE L4_Word_t L4_KDB_InterruptsTaken(L4_Word_t cpu)
{
    L4_Word_t n;
    __L4_KDB_BREAK(0x345, cpu, n);
    return n;
}

// Chestnut test support: the CPU the caller runs on.
L4_INLINE L4_Word_t L4_KDB_CurrentProcessor(void)
{
    L4_Word_t cpu;
    __L4_KDB_BREAK(0x346, 0, cpu);
    return cpu;
}
