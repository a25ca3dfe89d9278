/*
 * The user-callable system-call stubs in the KIP (MIPS64).  User code
 * calls them (jalr to kip + offset) with the X.2 mips64 register contract
 * of docs/abi.md; each loads the system-call number into v0 and traps
 * with `syscall`, which is all the kernel looks at: the same `syscall`
 * issued anywhere else with the same v0 does the same.  Position
 * independent, 16 bytes each, clobbering v0 besides the call's outputs.
 * The numbers are enum Syscall + 1 (syscall_numbers.h); 0 is
 * KernelInterface, which needs no stub.
 */
#include "syscall_numbers.h"

    .set noreorder
    .section .kip.text, "ax"

.macro STUB name, number
    .align  4
    .globl  kip_stub_\name
kip_stub_\name:
    daddiu  $2, $0, \number
    syscall
    jr      $31
     nop
.endm

    STUB space_control, SYSCALL_SPACE_CONTROL
    STUB thread_control, SYSCALL_THREAD_CONTROL
    STUB processor_control, SYSCALL_PROCESSOR_CONTROL
    STUB memory_control, SYSCALL_MEMORY_CONTROL
    STUB ipc, SYSCALL_IPC
    STUB lipc, SYSCALL_LIPC
    STUB unmap, SYSCALL_UNMAP
    STUB exchange_registers, SYSCALL_EXCHANGE_REGISTERS
    STUB system_clock, SYSCALL_SYSTEM_CLOCK
    STUB thread_switch, SYSCALL_THREAD_SWITCH
    STUB schedule, SYSCALL_SCHEDULE
