// The IA-64 user library: KIP discovery, console output through kdebug,
// and the test framework's case lines and summary.
//
// Register contract: the IA-64 software conventions -- br.call b0,
// arguments in in0.., results in r8, the callee-saved registers (r4-r7,
// r12, r13, b1-b5, p1-p5, p16-p63, f2-f5, f16-f31) preserved; these
// functions use no FP register and only p6-p9 of the scratch predicates.
	.include "user.inc"
	.text

// Finds the KIP (KernelInterface) and records the system-call stubs'
// addresses for SYSCALL.
	.global	kip_init
	.proc	kip_init
kip_init:
	KERNEL_INTERFACE
	;;
	movl	r2 = kip_base
	adds	r3 = KIP_IPC, r8
	adds	r9 = KIP_THREAD_SWITCH, r8
	;;
	st8	[r2] = r8
	ld8	r3 = [r3]
	ld8	r9 = [r9]
	adds	r10 = KIP_UNMAP, r8
	adds	r11 = KIP_SYSTEM_CLOCK, r8
	;;
	ld8	r10 = [r10]
	ld8	r11 = [r11]
	add	r3 = r3, r8
	add	r9 = r9, r8
	;;
	add	r10 = r10, r8
	add	r11 = r11, r8
	movl	r2 = stub_ipc
	;;
	st8	[r2] = r3, 8
	;;
	st8	[r2] = r9, 8
	;;
	st8	[r2] = r10, 8
	;;
	st8	[r2] = r11
	br.ret.sptk.many b0
	;;
	.endp	kip_init

	.global	putc
	.proc	putc
putc:
	mov	r14 = r32
	;;
	KDB_PUTC
	;;
	br.ret.sptk.many b0
	;;
	.endp	putc

	.global	puts
	.proc	puts
puts:
	mov	r2 = r32
	;;
1:	ld1	r14 = [r2], 1
	;;
	cmp.eq	p6, p0 = 0, r14
(p6)	br.ret.dpnt.many b0
	;;
	KDB_PUTC
	br.cond.sptk.few 1b
	;;
	.endp	puts

// Decimal, subtracting powers of ten (no divide instruction).
	.global	putdec
	.proc	putdec
putdec:
	mov	r2 = r32
	movl	r3 = powers_of_ten
	mov	r10 = 0			// a digit has been printed
	;;
1:	ld8	r9 = [r3], 8
	mov	r14 = '0'
	;;
	cmp.eq	p6, p0 = 0, r9
(p6)	br.ret.dpnt.many b0
	;;
2:	cmp.geu	p7, p0 = r2, r9
	;;
(p7)	sub	r2 = r2, r9
(p7)	adds	r14 = 1, r14
(p7)	br.cond.dptk.few 2b
	;;
	cmp.ne	p8, p0 = '0', r14
	cmp.eq	p9, p0 = 1, r9
	;;
(p8)	mov	r10 = 1
	;;
	cmp.ne.or p9, p0 = 0, r10
	;;
(p9)	break.m	0x1			// KDB_PUTC
	br.cond.sptk.few 1b
	;;
	.endp	putdec

	.global	puthex
	.proc	puthex
puthex:
	mov	r2 = r32
	mov	r3 = 60
	mov	r14 = '0'
	;;
	KDB_PUTC
	mov	r14 = 'x'
	;;
	KDB_PUTC
	;;
1:	shr.u	r9 = r2, r3
	;;
	and	r9 = 15, r9
	;;
	cmp.gtu	p6, p7 = 10, r9
	;;
(p6)	adds	r14 = '0', r9
(p7)	adds	r14 = 'a' - 10, r9
	;;
	KDB_PUTC
	cmp.eq	p8, p0 = 0, r3
	adds	r3 = -4, r3
(p8)	br.ret.dpnt.many b0
	br.cond.sptk.few 1b
	;;
	.endp	puthex

	.global	exit
	.proc	exit
exit:
	mov	r14 = r32
	;;
	KDB_EXIT
	;;
	.endp	exit

// check(name, ok): one "PASS name" or "FAIL name" line, counted.
	.global	check
	.proc	check
check:
	alloc	loc0 = ar.pfs, 2, 3, 1, 0
	mov	loc1 = b0
	cmp.ne	p6, p7 = 0, in1
	movl	loc2 = tests_passed
	;;
(p7)	adds	loc2 = 8, loc2		// tests_failed
	movl	out0 = msg_pass
	;;
(p7)	movl	out0 = msg_fail
	ld8	r2 = [loc2]
	;;
	adds	r2 = 1, r2
	;;
	st8	[loc2] = r2
	br.call.sptk.many b0 = puts
	;;
	mov	out0 = in0
	br.call.sptk.many b0 = puts
	;;
	mov	out0 = '\n'
	br.call.sptk.many b0 = putc
	;;
	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	check

// "N passed, M failed", then ends the machine with M as its exit status
// (the runner judges both).  Only the root space may end the machine.
	.global	summary
	.proc	summary
summary:
	alloc	loc0 = ar.pfs, 0, 2, 1, 0
	movl	loc1 = tests_passed
	;;
	ld8	out0 = [loc1], 8
	br.call.sptk.many b0 = putdec
	;;
	movl	out0 = msg_passed
	br.call.sptk.many b0 = puts
	;;
	ld8	out0 = [loc1]
	br.call.sptk.many b0 = putdec
	;;
	movl	out0 = msg_failed
	br.call.sptk.many b0 = puts
	;;
	ld8	out0 = [loc1]
	br.call.sptk.many b0 = exit
	;;
	.endp	summary

	.section .rodata
msg_pass:	.asciz	"PASS "
msg_fail:	.asciz	"FAIL "
msg_passed:	.asciz	" passed, "
msg_failed:	.asciz	" failed\n"
	.align	8
powers_of_ten:
	data8	10000000000000000000, 1000000000000000000, 100000000000000000
	data8	10000000000000000, 1000000000000000, 100000000000000, 10000000000000
	data8	1000000000000, 100000000000, 10000000000, 1000000000, 100000000
	data8	10000000, 1000000, 100000, 10000, 1000, 100, 10, 1, 0

	.data
	.align	8
	.global	kip_base, stub_ipc, stub_thread_switch, stub_unmap, stub_system_clock
kip_base:		data8	0
stub_ipc:		data8	0
stub_thread_switch:	data8	0
stub_unmap:		data8	0
stub_system_clock:	data8	0
tests_passed:		data8	0
tests_failed:		data8	0
