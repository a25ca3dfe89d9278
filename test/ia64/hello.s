// A first boot: one thread prints and ends the machine.
	.include "user.inc"
	PROGRAM	1
	THREAD	main, main_sp, main_bs
	.text
main:
	alloc	r32 = ar.pfs, 0, 1, 1, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	movl	out0 = msg
	br.call.sptk.many b0 = puts
	;;
	mov	out0 = 0
	br.call.sptk.many b0 = exit
	;;
	.section .rodata
msg:	.asciz	"hello from user mode\n"
	STACKS	main
