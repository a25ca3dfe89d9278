// The ia64sim board for the IA-64 kernel: console output, machine exit and
// the interrupt-injection device (README.md beside this file), reached
// through the device page the kernel maps uncached at DEV_VBASE.
//
// Register contract (leaf functions, br.call b0 / br.ret b0, no frame):
//   board_putc          in r14 = character            clobbers r2
//   board_exit          in r14 = exit status          does not return
//   board_icount        out r8 = instructions retired clobbers r2
//   board_inject_after  in r14 = instructions from now, r15 = vector
//                                                      clobbers r2, r3, r8
// All run with PSR.ic either way and touch no stacked register.
	.explicit
	.include "layout.inc"
	.include "board.inc"
	.text

	.global	board_putc
	.proc	board_putc
board_putc:
	movl	r2 = DEV_VBASE + DEV_CONSOLE_OUT
	;;
	st8	[r2] = r14
	br.ret.sptk.many b0
	;;
	.endp	board_putc

	.global	board_exit
	.proc	board_exit
board_exit:
	movl	r2 = DEV_VBASE + DEV_EXIT
	;;
	st8	[r2] = r14
	;;
1:	br.cond.sptk.few 1b		// the simulator stops at the store
	;;
	.endp	board_exit

	.global	board_icount
	.proc	board_icount
board_icount:
	movl	r2 = DEV_VBASE + DEV_ICOUNT
	;;
	ld8	r8 = [r2]
	br.ret.sptk.many b0
	;;
	.endp	board_icount

// Makes vector r15 pending once, r14 instructions from now (the board's
// IRQ_AT / IRQ_AT_VECTOR pair).
	.global	board_inject_after
	.proc	board_inject_after
board_inject_after:
	movl	r2 = DEV_VBASE + DEV_ICOUNT
	movl	r3 = DEV_VBASE + DEV_IRQ_AT
	;;
	ld8	r8 = [r2]
	;;
	add	r8 = r8, r14
	;;
	st8	[r3] = r8, DEV_IRQ_AT_VECTOR - DEV_IRQ_AT
	;;
	st8	[r3] = r15
	br.ret.sptk.many b0
	;;
	.endp	board_inject_after
