// The faults suite's client that keeps running (thread 144.1, space 3):
// 3000 calls to 145.1 while the victims are stopped around it, then it
// tells the supervisor (128.1) how many answers were right.
	.include "user.inc"
	PROGRAM	1
	THREAD	main, main_sp, main_bs
	.equ	CALLS, 3000
	.text
main:
	alloc	loc0 = ar.pfs, 0, 3, 8, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	mov	loc1 = 0		// calls
	mov	loc2 = 0		// right answers
	;;
1:	TID	r14, 17
	TID	r15, 17
	mov	r16 = TIMEOUT_NEVER
	mov	out0 = 1
	mov	out1 = loc1
	;;
	SYSCALL	stub_ipc
	shladd	r2 = loc1, 2, loc1
	;;
	shl	r2 = r2, 1
	;;
	adds	r2 = 1, r2
	;;
	cmp.eq	p6, p0 = r2, out1
	adds	loc1 = 1, loc1
	movl	r3 = CALLS
	;;
(p6)	adds	loc2 = 1, loc2
	cmp.ltu	p7, p0 = loc1, r3
(p7)	br.cond.sptk.few 1b
	;;
	mov	r14 = NILTHREAD		// wait for the supervisor's question
	TID	r15, 0
	mov	r16 = TIMEOUT_NEVER
	;;
	SYSCALL	stub_ipc
	TID	r14, 0			// the answer, then nothing more
	mov	r15 = NILTHREAD
	mov	r16 = TIMEOUT_NEVER
	mov	out0 = 1
	mov	out1 = loc2
	;;
	SYSCALL	stub_ipc
2:	mov	r14 = NILTHREAD
	mov	r15 = ar.k5
	;;
	SYSCALL	stub_ipc
	br.cond.sptk.few 2b
	;;
	STACKS	main
