// The ping-pong suite's server (thread 129.1, space 2; see pingpong.s):
// serve.s's server for client 128.1, without preemptible stretches.
	.include "user.inc"
	PROGRAM	1
	THREAD	main, main_sp, main_bs
	.text
main:
	alloc	loc0 = ar.pfs, 0, 1, 2, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	TID	out0, 0
	mov	out1 = 0
	br.call.sptk.many b0 = rc_serve
	;;
	STACKS	main
