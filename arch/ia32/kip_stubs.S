/*
 * The user-callable system-call stubs in the KIP (ia32).  User code calls
 * them (call *kip+offset) with the X.2 ia32 register contract (docs/abi.md);
 * they run in user mode at whatever address the space maps the KIP, so they
 * are position independent.  Every call but Ipc and Lipc enters through
 * int 0x31, and the kernel tells them apart by the address of the trapping
 * stub.  Each stub is 16-byte aligned and at most KIP_STUB_SIZE bytes long.
 *
 * Ipc and Lipc enter with sysenter when the CPU has it: EBP (not an Ipc
 * input; the caller saves it) carries the user ESP to the kernel, which
 * returns with sysexit to kip_sysexit_return (EDX) and the same ESP (ECX),
 * where `ret` goes back to the caller.  Without sysenter the kernel
 * publishes the int 0x30 variants instead (arch::kip_stub).
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
    STUB ipc_int, 0x30
    STUB lipc_int, 0x30
    STUB unmap, 0x31
    STUB exchange_registers, 0x31
    STUB system_clock, 0x31
    STUB thread_switch, 0x31
    STUB schedule, 0x31

    .align 16
    .global kip_stub_ipc_sysenter
kip_stub_ipc_sysenter:
    mov     %esp, %ebp
    sysenter
    .global kip_sysexit_return
kip_sysexit_return:
    ret

    .align 16
    .global kip_stub_lipc_sysenter
kip_stub_lipc_sysenter:
    mov     %esp, %ebp
    sysenter
    ret
