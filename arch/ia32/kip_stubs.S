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
#include <x86/kip_stub.inc>

.section .kip.text, "ax"

    COMMON_STUBS 0x31
    STUB ipc_int, 0x30

    .align 16
    .global kip_stub_ipc_sysenter
kip_stub_ipc_sysenter:
    mov     %esp, %ebp
    sysenter
    .global kip_sysexit_return
kip_sysexit_return:
    ret

/*
 * Lipc: local IPC by lazy process switching (kernel/generic/lipc.h, seeds
 * 000 and 001), at user level.  Register contract as Ipc: EAX to, ECX
 * Timeouts, EDX FromSpecifier, ESI MR0, EDI our UTCB (= our local id);
 * out EAX from, ESI MR0, EBX MR1, EBP MR2, EDI preserved.  UTCB words
 * relative to MR0: -4 lipc_sp, -8 lipc_wait, -12 lipc_key.
 *
 * [kip_lipc, kip_lipc_forward) and [kip_lipc_copy, kip_lipc_copy_end) only
 * read and test (the MR copy writes only the partner's free MRs): the kernel
 * restarts an interrupted run at kip_lipc, and a fault there (a local id
 * that names no UTCB) turns the call into the kernel Lipc at
 * kip_lipc_kernel; inside [kip_lipc_copy_saved, kip_lipc_copy_restored) it
 * first restores the registers the word copy borrowed.  [kip_lipc_forward, kip_lipc_completion) commits the
 * switch with stores that depend only on registers that stay unchanged
 * until its last instruction: the kernel finishes an interrupted commit
 * itself (lipc_arch.cc mirrors these five instructions) and kills a thread
 * that faults there (it jumped in).  EBX and EBP are scratch throughout.
 */
    .align 16
    .global kip_lipc
kip_lipc:
    test    %cx, %cx                /* a receive timeout: the kernel's */
    jnz     kip_lipc_kernel
    test    $0x3f, %al              /* a local id, i.e. the partner's UTCB */
    jnz     kip_lipc_kernel
    cmp     %edi, -8(%eax)          /* the partner waits for us, or for anyone */
    je      1f                      /* (any or anylocal: -1 / -64, which only */
    cmpl    $-64, -8(%eax)          /* the kernel or this code wrote there) */
    jb      kip_lipc_kernel
    cmp     %eax, %edx              /* we wait for the partner, any local */
    je      2f                      /* thread or anyone; tried in the order */
1:  cmp     $-64, %edx              /* of a call (the partner waits for */
    je      2f                      /* anyone) and of an LreplyWait (the */
    cmp     %eax, %edx              /* partner waits for us) */
    je      2f
    cmp     $-1, %edx
    jne     kip_lipc_kernel
2:  mov     -12(%eax), %ebx         /* same CPU, its priority >= ours, our FPU */
    sub     -12(%edi), %ebx         /* unused, nobody queued (lipc.h) */
    cmp     $255, %ebx
    ja      kip_lipc_kernel
    cmpw    $2, %si                 /* MR0 beyond untyped words 0-2: copy or kernel */
    ja      kip_lipc_copy
    .global kip_lipc_forward
kip_lipc_forward:
    mov     %esp, -4(%edi)          /* we resume here */
    mov     %edx, -8(%edi)          /* waiting for the partner (local id), -1 or -64 */
    movl    $0, -8(%eax)            /* the partner runs */
    mov     %eax, %gs:0             /* current UTCB := the partner's */
    mov     -4(%eax), %esp          /* on the partner's stack */
    .global kip_lipc_completion
kip_lipc_completion:
    mov     4(%edi), %ebx           /* MR1, MR2 from our UTCB */
    mov     8(%edi), %ebp
    xchg    %eax, %edi              /* EAX: from = our local id; EDI: the partner's UTCB */
    ret                             /* into the partner, after its Lipc or Ipc call */

    .global kip_lipc_copy
kip_lipc_copy:
    test    $0x1fc0, %esi           /* typed items or propagation: the kernel's */
    jnz     kip_lipc_kernel
    mov     %esi, %ebx              /* the copy needs ESI, EDI, ECX: keep MR0 */
    mov     %ecx, %ebp              /* and the timeouts (EDI is %gs:0) */
    .global kip_lipc_copy_saved
kip_lipc_copy_saved:                /* up to kip_lipc_copy_restored the kernel */
    mov     %esi, %ecx              /* restores ESI, ECX and EDI from EBX, EBP */
    and     $0x3f, %ecx             /* and %gs:0 before it restarts */
    sub     $2, %ecx
    jbe     4f
    lea     12(%edi), %esi          /* MR3 .. MR u into the partner's UTCB */
    lea     12(%eax), %edi
    rep movsl
    mov     %gs:0, %edi
4:  mov     %ebp, %ecx
    mov     %ebx, %esi
    .global kip_lipc_copy_restored
kip_lipc_copy_restored:
    and     $0xffff0fff, %esi       /* the flags in MR0 are the kernel's to set */
    jmp     kip_lipc_forward
    .global kip_lipc_copy_end
kip_lipc_copy_end:

    .global kip_lipc_kernel
kip_lipc_kernel:
    int     $0x30                   /* the kernel's Lipc: same registers */
    .global kip_lipc_return
kip_lipc_return:
    ret
