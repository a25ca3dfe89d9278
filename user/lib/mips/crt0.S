/*
 * MIPS64 user start-up.  Register contract on entry from the kernel: PC =
 * ELF entry, sp as the thread's creator set it (possibly 0), k1 = the
 * thread's UTCB pointer, other registers undefined.  Switches to the
 * program's own initial stack and runs __l4_start (C++: constructors,
 * main()).
 */
    .set noreorder
    .section .text.start, "ax"
    .globl  _start
_start:
    lui     $sp, %hi(__initial_stack_top)
    daddiu  $sp, $sp, %lo(__initial_stack_top)
    jal     __l4_start
     move   $30, $0
1:  b       1b
     nop

    .bss
    .align  4
    .space  16384
__initial_stack_top:
