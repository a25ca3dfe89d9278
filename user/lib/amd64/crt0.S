/*
 * amd64 user start-up.  Register contract on entry from the kernel: RIP =
 * ELF entry, RSP as the KIP/thread creator set it (possibly 0), other
 * registers undefined.  Switches to the program's own initial stack
 * (x86/initial_stack.S; 16-byte aligned at the call, SysV), runs static
 * constructors through __l4_start (C++), which calls main().
 */
.section .text.start, "ax"
.global _start
_start:
    lea     __initial_stack_top(%rip), %rsp
    xor     %ebp, %ebp
    call    __l4_start
1:  jmp     1b
