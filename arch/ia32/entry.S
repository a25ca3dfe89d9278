/*
 * ia32 kernel entry and exit through interrupt gates.
 *
 * Register contract: on entry the CPU has pushed (user ss, user esp,) eflags,
 * cs, eip and, for some exceptions, an error code, with interrupts disabled
 * (all gates are interrupt gates).  The stubs push a zero error code where
 * the CPU pushes none and the vector, then pushal, so the stack holds an
 * arch::Frame (frame.h).  DS and ES are reloaded with the flat user data
 * selector (the kernel runs on it too: a user could have loaded anything),
 * GS with the UTCB segment (so no thread inherits another's), and DF is
 * cleared; ia32_trap(frame) does the rest.  ia32_return_from_trap pops
 * the same frame and irets; a new thread's first switch returns there too.
 * The sysenter entry (sysenter.S) builds the same frame.
 */
#include "layout.h"
#include "asm_offsets.h"

.section .text.entry, "ax"
.align 16
.global ia32_trap_stubs
ia32_trap_stubs:                    /* vector v's stub at ia32_trap_stubs + 16 v */
.set vec, 0
.rept 256
    .align 16
    .if vec == 1
    jmp     debug_entry
    .else
    /* the CPU pushes an error code for these exceptions */
    .if (vec == 8) || (vec == 10) || (vec == 11) || (vec == 12) || (vec == 13) || (vec == 14) || (vec == 17) || (vec == 21) || (vec == 29) || (vec == 30)
    .else
    push    $0
    .endif
    push    $vec
    jmp     trap_common
    .endif
    .set vec, vec + 1
.endr

/*
 * Debug trap.  sysenter does not clear TF, so a user that sets TF and
 * enters with sysenter takes a single-step trap at the first instruction of
 * ia32_sysenter_entry, still on the sysenter ESP (&tss.esp0: the frame went
 * into tss.link and the spill area below it).  Clear TF and resume the
 * entry; sysexit leaves with the kernel's clean flags anyway.
 */
debug_entry:
    cmpl    $ia32_sysenter_entry, (%esp)
    jne     1f
    andl    $~0x100, 8(%esp)
    iret
1:  push    $0
    push    $1
    jmp     trap_common

trap_common:
    pushal
    mov     $SEL_USER_DS, %eax
    mov     %eax, %ds
    mov     %eax, %es
    mov     $SEL_UTCB, %eax             /* for whoever leaves to user mode next */
    mov     %eax, %gs
    cld
    testb   $3, FRAME_CS(%esp)          /* from user mode: an interrupted Lipc, a */
    jz      1f                          /* lazy switch (ia32_user_entry) first */
    push    %esp
    call    ia32_user_entry
    mov     %eax, %esp
1:  push    %esp
    call    ia32_trap
    add     $4, %esp
.global ia32_return_from_trap
ia32_return_from_trap:
    popal
    add     $8, %esp
    iret

/*
 * ia32_exit_to_user: ESP = a user thread's frame.  Frames the sysenter entry
 * built leave with sysexit (EDX = EIP, ECX = ESP; both are clobbered by the
 * Ipc convention), all others with iret.
 */
.global ia32_exit_to_user
ia32_exit_to_user:
    cmpl    $FRAME_SYSENTER, FRAME_VECTOR(%esp)
    jne     ia32_return_from_trap
    mov     FRAME_EIP(%esp), %eax
    mov     %eax, FRAME_EDX(%esp)
    mov     FRAME_USER_ESP(%esp), %eax
    mov     %eax, FRAME_ECX(%esp)
    popal
    sti
    sysexit

/*
 * A thread the IPC fast path left waiting (its ksp is 0) is resumed by the
 * general path: on its user frame, where ia32_fastpath_resumed completes the
 * receive it blocked in and the thread leaves for user mode.
 */
.global ia32_fastpath_resume
ia32_fastpath_resume:
    push    %esp
    call    ia32_fastpath_resumed
    add     $4, %esp
    jmp     ia32_exit_to_user

/*
 * void ia32_switch_stacks(Word* save_sp, Word new_sp)
 * Saves the callee-saved registers on the current kernel stack, stores ESP
 * into *save_sp, and resumes the stack new_sp where its owner called this
 * function (or where arch::init_thread() prepared it to return).
 */
.text
.global ia32_switch_stacks
ia32_switch_stacks:
    mov     4(%esp), %eax
    mov     8(%esp), %edx
    push    %ebp
    push    %ebx
    push    %esi
    push    %edi
    mov     %esp, (%eax)
    mov     %edx, %esp
    pop     %edi
    pop     %esi
    pop     %ebx
    pop     %ebp
    ret

/*
 * void ia32_switch_to_fastpath_waiter(Word* save_sp, Frame* frame)
 * Saves the current thread like ia32_switch_stacks and continues the thread
 * whose user frame is `frame` in ia32_fastpath_resume.
 */
.global ia32_switch_to_fastpath_waiter
ia32_switch_to_fastpath_waiter:
    mov     4(%esp), %eax
    mov     8(%esp), %edx
    push    %ebp
    push    %ebx
    push    %esi
    push    %edi
    mov     %esp, (%eax)
    mov     %edx, %esp
    jmp     ia32_fastpath_resume
