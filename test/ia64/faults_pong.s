// The faults suite's server that keeps running (thread 145.1, space 4):
// answers MR1 * 10 + 1 to each call, forever.
	.include "user.inc"
	PROGRAM	1
	THREAD	main, main_sp, main_bs
	.text
main:
	alloc	loc0 = ar.pfs, 0, 1, 8, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	mov	r14 = NILTHREAD
	mov	r15 = ANYTHREAD
	mov	r16 = TIMEOUT_NEVER
	;;
1:	SYSCALL	stub_ipc
	shladd	r2 = out1, 2, out1
	mov	r14 = r9
	mov	r15 = ANYTHREAD
	mov	r16 = TIMEOUT_NEVER
	;;
	shl	r2 = r2, 1
	mov	out0 = 1
	;;
	adds	out1 = 1, r2
	br.cond.sptk.few 1b
	;;
	STACKS	main
