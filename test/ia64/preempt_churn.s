// The preemption suite's churner in its own space (thread 132.1, space 3;
// see preempt.s): preemptible stretches checked with every register.
	.include "user.inc"
	.include "regcheck.inc"
	PROGRAM	1
	THREAD	main, main_sp, main_bs
	.text
main:
	alloc	loc0 = ar.pfs, 0, 1, 4, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	TID	out0, 0
	movl	out1 = 0x3c6ef372fe94f82b
	movl	out2 = snap
	movl	out3 = msg
	br.call.sptk.many b0 = rc_churn
	;;
	.data
	.align	8
msg:	.skip	RC_MSG_SIZE
	.align	16
snap:	.skip	RC_SLOTS * 8
	STACKS	main
