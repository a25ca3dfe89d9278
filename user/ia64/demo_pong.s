// The boot demo's server (see demo_ping.s): answers every call with the
// word it got times ten, then waits for the next (reply and wait).
	.include "user.inc"
	PROGRAM	1
	THREAD	main, main_sp, main_bs
	.text
main:
	alloc	loc0 = ar.pfs, 0, 2, 8, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	mov	r14 = NILTHREAD		// receive from anyone
	mov	r15 = ANYTHREAD
	mov	r16 = TIMEOUT_NEVER
	;;
1:	SYSCALL	stub_ipc
	shladd	r2 = out1, 2, out1	// x 5
	mov	r14 = r9		// reply to the caller ...
	mov	r15 = ANYTHREAD		// ... and wait for anyone
	mov	r16 = TIMEOUT_NEVER
	;;
	shl	out1 = r2, 1		// x 10
	movl	out0 = (2 << 16) | 1
	br.cond.sptk.few 1b
	;;
	STACKS	main
