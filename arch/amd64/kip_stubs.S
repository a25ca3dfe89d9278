/*
 * The user-callable system-call stubs in the KIP (amd64).  User code calls
 * them (call *kip+offset) with the X.2 amd64 register contract (docs/abi.md);
 * they run in user mode wherever the space maps the KIP, so they are
 * position independent.  Each stub is 16-byte aligned and at most
 * kip_stub_size bytes long.
 *
 * Ipc: `pop %rdi; syscall`.  The caller's return address goes to RDI, where
 * the X.2 amd64 convention has the return RIP: the kernel returns there with
 * sysretq (or, when RDI is not a canonical user address, never: the thread
 * takes an exception instead), RSP as it was after the pop.
 *
 * Lipc (a kernel Ipc on amd64: there is no user-level Lipc code) and every
 * other call enter through int 0x30 and int 0x31 and return with ret; the
 * kernel tells the int 0x31 calls apart by the address of the trapping stub.
 */
#include "layout.h"

.section .kip.text, "ax"

.macro STUB name, vector
    .align 16
    .global kip_stub_\name
kip_stub_\name:
    int     $\vector
    ret
.endm

    STUB space_control, VECTOR_SYSCALL
    STUB thread_control, VECTOR_SYSCALL
    STUB processor_control, VECTOR_SYSCALL
    STUB memory_control, VECTOR_SYSCALL
    STUB lipc, VECTOR_LIPC
    STUB unmap, VECTOR_SYSCALL
    STUB exchange_registers, VECTOR_SYSCALL
    STUB system_clock, VECTOR_SYSCALL
    STUB thread_switch, VECTOR_SYSCALL
    STUB schedule, VECTOR_SYSCALL

    .align 16
    .global kip_stub_ipc
kip_stub_ipc:
    pop     %rdi
    syscall
