/*
 * ia32 kernel entry and exit through interrupt gates.
 *
 * Register contract: on entry the CPU has pushed (user ss, user esp,) eflags,
 * cs, eip and, for some exceptions, an error code, with interrupts disabled
 * (all gates are interrupt gates).  The stubs push a zero error code where
 * the CPU pushes none and the vector, then pushal, so the stack holds an
 * arch::Frame (frame.h).  Data segments are reloaded with the flat user data
 * selector (the kernel runs on it too: a user could have loaded anything) and
 * DF is cleared; ia32_trap(frame) does the rest.  ia32_return_from_trap pops
 * the same frame and irets; a new thread's first switch returns there too.
 */
#include "layout.h"

.section .text.entry, "ax"
.align 16
.global ia32_trap_stubs
ia32_trap_stubs:                    /* vector v's stub at ia32_trap_stubs + 16 v */
.set vec, 0
.rept 256
    .align 16
    /* the CPU pushes an error code for these exceptions */
    .if (vec == 8) || (vec == 10) || (vec == 11) || (vec == 12) || (vec == 13) || (vec == 14) || (vec == 17) || (vec == 21) || (vec == 29) || (vec == 30)
    .else
    push    $0
    .endif
    push    $vec
    jmp     trap_common
    .set vec, vec + 1
.endr

trap_common:
    pushal
    mov     $SEL_USER_DS, %eax
    mov     %eax, %ds
    mov     %eax, %es
    cld
    push    %esp
    call    ia32_trap
    add     $4, %esp
.global ia32_return_from_trap
ia32_return_from_trap:
    popal
    add     $8, %esp
    iret

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
