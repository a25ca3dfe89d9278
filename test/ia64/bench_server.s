// The benchmark's server in another space (130.1): reply and wait,
// forever (see bench.s).
	.include "user.inc"
	PROGRAM	1
	THREAD	main, main_sp, main_bs
	.text
main:
	alloc	loc0 = ar.pfs, 0, 1, 8, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	movl	r2 = stub_ipc
	;;
	ld8	r2 = [r2]
	mov	r14 = NILTHREAD
	mov	r15 = ANYTHREAD
	mov	r16 = TIMEOUT_NEVER
	;;
	mov	b5 = r2
	;;
1:	br.call.sptk.many b0 = b5
	;;
	mov	r14 = r9
	mov	r15 = ANYTHREAD
	mov	r16 = TIMEOUT_NEVER
	mov	out0 = r0
	br.cond.sptk.few 1b
	;;
	STACKS	main
