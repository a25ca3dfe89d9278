/*
 * The initial stack of an x86 user program (ia32 and amd64): 16 KiB in
 * .bss, 16-byte aligned; crt0.S loads __initial_stack_top into the stack
 * pointer.
 */
.bss
.align 16
    .space 16384
.global __initial_stack_top
__initial_stack_top:
