/*
 * The user-callable system-call stubs in the KIP (ia32).  User code calls
 * them (call *kip+offset) with the X.2 ia32 register contract (docs/abi.md);
 * they run in user mode at whatever address the space maps the KIP, so they
 * are position independent.  Ipc and Lipc enter through int 0x30; every
 * other call through int 0x31, and the kernel tells them apart by the
 * address of the trapping stub.  Each stub is 16-byte aligned and at most
 * KIP_STUB_SIZE bytes long.
 */
.section .kip.text, "ax"

.macro STUB name, vector
    .align 16
    .global kip_stub_\name
kip_stub_\name:
    int     $\vector
    ret
.endm

    STUB space_control, 0x31
    STUB thread_control, 0x31
    STUB processor_control, 0x31
    STUB memory_control, 0x31
    STUB ipc, 0x30
    STUB lipc, 0x30
    STUB unmap, 0x31
    STUB exchange_registers, 0x31
    STUB system_clock, 0x31
    STUB thread_switch, 0x31
    STUB schedule, 0x31
