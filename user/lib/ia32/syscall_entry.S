/*
 * void __l4_syscall(void* stub, L4_Word_t regs[7])
 *
 * Calls a KIP system-call stub with EAX, ECX, EDX, ESI, EDI, EBX, EBP
 * loaded from regs[0..6] and stores the registers the stub returns back
 * into regs (cdecl; EBX, ESI, EDI, EBP preserved for the caller).
 */
.text
.global __l4_syscall
__l4_syscall:
    push    %ebp
    push    %ebx
    push    %esi
    push    %edi
    mov     24(%esp), %eax          /* regs */
    mov     20(%esp), %ecx          /* stub */
    push    %eax
    push    %ecx
    mov     4(%eax), %ecx
    mov     8(%eax), %edx
    mov     12(%eax), %esi
    mov     16(%eax), %edi
    mov     20(%eax), %ebx
    mov     24(%eax), %ebp
    mov     0(%eax), %eax
    call    *(%esp)
    xchg    %eax, 4(%esp)           /* eax = regs, result saved on the stack */
    mov     %ecx, 4(%eax)
    mov     %edx, 8(%eax)
    mov     %esi, 12(%eax)
    mov     %edi, 16(%eax)
    mov     %ebx, 20(%eax)
    mov     %ebp, 24(%eax)
    mov     4(%esp), %ecx
    mov     %ecx, 0(%eax)
    add     $8, %esp
    pop     %edi
    pop     %esi
    pop     %ebx
    pop     %ebp
    ret
