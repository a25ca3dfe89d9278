// The boot demo's root task (./chestnut boot ia64): calls demo_pong in
// another address space a few times, printing each round trip, then ends
// the machine.  Thread 128.1 in space 1; demo_pong is 129.1 in space 2.
	.include "user.inc"
	PROGRAM	1
	THREAD	main, main_sp, main_bs
	.equ	ROUNDS, 8
	.text
main:
	alloc	loc0 = ar.pfs, 0, 4, 8, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	movl	out0 = msg_hello
	br.call.sptk.many b0 = puts
	;;
	mov	loc1 = 1		// round
1:	movl	out0 = msg_ping
	br.call.sptk.many b0 = puts
	;;
	mov	out0 = loc1
	br.call.sptk.many b0 = putdec
	;;
	TID	r14, 1			// call demo_pong
	TID	r15, 1
	mov	r16 = TIMEOUT_NEVER
	movl	out0 = (1 << 16) | 1	// label 1, one untyped word
	mov	out1 = loc1
	;;
	SYSCALL	stub_ipc
	mov	loc2 = out1		// its answer
	mov	loc3 = r9		// from
	tbit.nz	p6, p0 = out0, 15	// error?
	;;
(p6)	br.cond.spnt.few 9f
	movl	out0 = msg_pong
	br.call.sptk.many b0 = puts
	;;
	mov	out0 = loc2
	br.call.sptk.many b0 = putdec
	;;
	movl	out0 = msg_from
	br.call.sptk.many b0 = puts
	;;
	shr.u	out0 = loc3, 32
	br.call.sptk.many b0 = putdec
	;;
	mov	out0 = '\n'
	br.call.sptk.many b0 = putc
	;;
	adds	loc1 = 1, loc1
	;;
	cmp.ge	p7, p0 = ROUNDS, loc1
(p7)	br.cond.sptk.few 1b
	;;
	movl	out0 = msg_bye
	br.call.sptk.many b0 = puts
	;;
	mov	out0 = 0
	br.call.sptk.many b0 = exit
	;;
9:	movl	out0 = msg_error
	br.call.sptk.many b0 = puts
	;;
	mov	out0 = 1
	br.call.sptk.many b0 = exit
	;;

	.section .rodata
msg_hello:	.asciz	"demo: ping (space 1) calls pong (space 2) through the epc gate\n"
msg_ping:	.asciz	"ping "
msg_pong:	.asciz	" -> pong answers "
msg_from:	.asciz	" from thread "
msg_bye:	.asciz	"demo: done\n"
msg_error:	.asciz	"\ndemo: IPC failed\n"
	STACKS	main
