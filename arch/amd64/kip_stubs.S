/*
 * The user-callable system-call stubs in the KIP (amd64).  User code calls
 * them (call *kip+offset) with the X.2 amd64 register contract (docs/abi.md);
 * they run in user mode wherever the space maps the KIP, so they are
 * position independent.  Each stub is 16-byte aligned and at most
 * kip_stub_size bytes long.
 *
 * Ipc: `syscall` alone.  The caller puts its return address into RDI (the
 * X.2 amd64 return RIP) and jumps to the stub; the kernel returns there
 * with sysretq (or, when RDI is not a canonical user address, never: the
 * thread takes an exception instead), RSP unchanged.  Nothing is pushed,
 * so the caller's red zone is safe.
 *
 * Lipc (a kernel Ipc on amd64: there is no user-level Lipc code) has the
 * Ipc convention too: it enters with int 0x30 and jumps back to RDI.
 *
 * Every other call is called (call), enters through int 0x31 and returns
 * with ret; the
 * kernel tells the int 0x31 calls apart by the address of the trapping stub.
 */
#include "layout.h"
#include <x86/kip_stub.inc>

.section .kip.text, "ax"

    COMMON_STUBS VECTOR_SYSCALL

    .align 16
    .global kip_stub_ipc
kip_stub_ipc:
    syscall

    .align 16
    .global kip_stub_lipc
kip_stub_lipc:
    int     $VECTOR_LIPC
    jmp     *%rdi
