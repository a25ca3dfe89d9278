/*
 * amd64 kernel entry and exit through interrupt gates, the common exit to
 * user mode, and the kernel stack switch.
 *
 * Register contract on entry: the CPU has pushed SS, RSP, RFLAGS, CS, RIP
 * and, for some exceptions, an error code, with interrupts disabled (all
 * gates are interrupt gates) and RSP from TSS.rsp0 when it came from user
 * mode.  The stubs push a zero error code where the CPU pushes none and the
 * vector; trap_common swaps GS to the kernel's per-CPU base (arch::CpuLocal)
 * when the entry came from user mode, pushes the fifteen general registers
 * (the stack now holds an arch::Frame, frame.h), clears DF and calls
 * amd64_trap(frame) (SysV: RDI).
 *
 * amd64_exit_to_user (RSP = a user frame, any state) is the one way back
 * to user mode: it never returns to a RIP outside the canonical user half
 * (sysretq would fault in ring 0 with the user's RSP, iretq in ring 0; the
 * thread takes an exception instead, amd64_bad_user_ip), leaves frames the
 * syscall entry built with sysretq (RCX and R11 are dead by the Ipc
 * convention) and all others with iretq, swapping GS back first.
 */
#include "layout.h"
#include "asm_offsets.h"

/* The general registers of a frame, in the reverse of their push order. */
.macro POP_REGISTERS
    pop     %r15
    pop     %r14
    pop     %r13
    pop     %r12
    pop     %r11
    pop     %r10
    pop     %r9
    pop     %r8
    pop     %rbp
    pop     %rdi
    pop     %rsi
    pop     %rdx
    pop     %rcx
    pop     %rbx
    pop     %rax
.endm

/* amd64_switch_*(save_sp = RDI, new = RSI): saves the callee-saved
   registers, stores RSP into *save_sp and moves to the new stack. */
.macro SAVE_AND_SWITCH
    push    %rbp
    push    %rbx
    push    %r12
    push    %r13
    push    %r14
    push    %r15
    mov     %rsp, (%rdi)
    mov     %rsi, %rsp
.endm

.section .text.entry, "ax"
.align 16
.global amd64_trap_stubs
amd64_trap_stubs:                   /* vector v's stub at amd64_trap_stubs + 16 v */
.set vec, 0
.rept 256
    .align 16
    /* the CPU pushes an error code for these exceptions */
    .if (vec == 8) || (vec == 10) || (vec == 11) || (vec == 12) || (vec == 13) || (vec == 14) || (vec == 17) || (vec == 21) || (vec == 29) || (vec == 30)
    .else
    pushq   $0
    .endif
    pushq   $vec
    jmp     trap_common
    .set vec, vec + 1
.endr

trap_common:
    testb   $3, 24(%rsp)                /* CS: from user mode */
    jz      1f
    swapgs
1:  push    %rax
    push    %rbx
    push    %rcx
    push    %rdx
    push    %rsi
    push    %rdi
    push    %rbp
    push    %r8
    push    %r9
    push    %r10
    push    %r11
    push    %r12
    push    %r13
    push    %r14
    push    %r15
    cld
    mov     %rsp, %rdi
    call    amd64_trap
    testb   $3, FRAME_CS(%rsp)
    jnz     amd64_exit_to_user
    POP_REGISTERS
    add     $16, %rsp                   /* vector, error */
    iretq

.global amd64_exit_to_user
amd64_exit_to_user:
    cli
    mov     FRAME_RIP(%rsp), %rcx
    shr     $47, %rcx                   /* canonical and in the user half */
    jnz     bad_user_ip
    cmpq    $FRAME_SYSCALL, FRAME_VECTOR(%rsp)
    jne     1f
    POP_REGISTERS
    mov     16(%rsp), %rcx              /* RIP */
    mov     32(%rsp), %r11              /* RFLAGS */
    mov     40(%rsp), %rsp              /* the user RSP */
    swapgs
    sysretq
1:  POP_REGISTERS
    add     $16, %rsp
    swapgs
    iretq
bad_user_ip:
    mov     %rsp, %rdi
    call    amd64_bad_user_ip
    jmp     amd64_exit_to_user

/*
 * A thread the IPC fast path left waiting (its ksp is 0) is resumed by the
 * general path: on its user frame, where amd64_fastpath_resumed completes the
 * receive it blocked in and the thread leaves for user mode.
 */
.global amd64_fastpath_resume
amd64_fastpath_resume:
    mov     %rsp, %rdi
    call    amd64_fastpath_resumed
    jmp     amd64_exit_to_user

/*
 * void amd64_switch_stacks(Word* save_sp, Word new_sp)
 * Saves the callee-saved registers on the current kernel stack, stores RSP
 * into *save_sp, and resumes the stack new_sp where its owner called this
 * function (or where arch::prepare_*_thread() prepared it to return).
 */
.text
.global amd64_switch_stacks
amd64_switch_stacks:
    SAVE_AND_SWITCH
    pop     %r15
    pop     %r14
    pop     %r13
    pop     %r12
    pop     %rbx
    pop     %rbp
    ret

/*
 * void amd64_switch_to_fastpath_waiter(Word* save_sp, Frame* frame)
 * Saves the current thread like amd64_switch_stacks and continues the thread
 * whose user frame is `frame` in amd64_fastpath_resume.
 */
.global amd64_switch_to_fastpath_waiter
amd64_switch_to_fastpath_waiter:
    SAVE_AND_SWITCH
    jmp     amd64_fastpath_resume
