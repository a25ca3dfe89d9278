// The benchmark's ThreadSwitch partner (131.1, space 3): whenever it runs
// it switches straight back to 128.1 (see bench.s).
	.include "user.inc"
	PROGRAM	1
	THREAD	main, main_sp, main_bs
	.text
main:
	alloc	loc0 = ar.pfs, 0, 1, 8, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	movl	r2 = stub_thread_switch
	;;
	ld8	r2 = [r2]
	;;
	mov	b4 = r2
	;;
1:	TID	r14, 0
	br.call.sptk.many b0 = b4
	;;
	br.cond.sptk.few 1b
	;;
	STACKS	main
