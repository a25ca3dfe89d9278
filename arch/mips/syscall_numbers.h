/* MIPS64 system-call numbers (v0 at `syscall`) and kdebug `break` codes;
 * docs/abi.md has the register contract of each.  Shared by C++ and
 * assembly.  System calls are enum Syscall (kernel/generic/kip.h) + 1. */
#pragma once

#define SYSCALL_KERNEL_INTERFACE    0
#define SYSCALL_SPACE_CONTROL       1
#define SYSCALL_THREAD_CONTROL      2
#define SYSCALL_PROCESSOR_CONTROL   3
#define SYSCALL_MEMORY_CONTROL      4
#define SYSCALL_IPC                 5
#define SYSCALL_LIPC                6
#define SYSCALL_UNMAP               7
#define SYSCALL_EXCHANGE_REGISTERS  8
#define SYSCALL_SYSTEM_CLOCK        9
#define SYSCALL_THREAD_SWITCH       10
#define SYSCALL_SCHEDULE            11

/* kdebug: `break CODE` with the argument in a0, the result in v0.  The
 * codes are 0x300 + the marker byte of the X.2 x86 convention. */
#define KDEBUG_BREAK_PRINT_CHAR     0x300
#define KDEBUG_BREAK_PRINT_STRING   0x301
#define KDEBUG_BREAK_READ_CHAR      0x308
#define KDEBUG_BREAK_READ_CHAR_WAIT 0x30d
#define KDEBUG_BREAK_SHUTDOWN       0x340
#define KDEBUG_BREAK_FREE_PAGES     0x341
#define KDEBUG_BREAK_IRQS_TAKEN     0x345
#define KDEBUG_BREAK_CURRENT_CPU    0x346
#define KDEBUG_BREAK_ENTER          0x3ff
