// Kernel console output: strings, hexadecimal and decimal numbers and
// thread ids, through the board's board_putc.
//
// Register contract: called with br.call b0; argument in r14; each keeps
// its state in its own register-stack frame and clobbers only scratch
// static registers (r2, r3, r8-r11, r14-r16) and p6-p8.  The IA-64 has
// no divide instruction and the kernel keeps out of the FP registers
// (they belong to the threads, fpu.s), so decimal output subtracts powers
// of ten.
	.explicit
	.include "layout.inc"
	.text

	.global	kputs
	.proc	kputs
kputs:
	alloc	loc0 = ar.pfs, 0, 3, 0, 0
	mov	loc1 = b0
	mov	loc2 = r14
	;;
1:	ld1	r14 = [loc2], 1
	;;
	cmp.eq	p6, p0 = 0, r14
(p6)	br.cond.dpnt.few 2f
	br.call.sptk.many b0 = board_putc
	;;
	br.cond.sptk.few 1b
2:	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	kputs

// "0x" and the hexadecimal digits of r14 without leading zeros.
	.global	kputhex
	.proc	kputhex
kputhex:
	alloc	loc0 = ar.pfs, 0, 4, 0, 0
	mov	loc1 = b0
	mov	loc2 = r14
	mov	loc3 = 60
	;;
	mov	r14 = '0'
	br.call.sptk.many b0 = board_putc
	;;
	mov	r14 = 'x'
	br.call.sptk.many b0 = board_putc
	;;
1:	shr.u	r2 = loc2, loc3		// skip leading zero digits, keep the last
	cmp.eq	p7, p0 = 0, loc3
	;;
	and	r2 = 15, r2
(p7)	br.cond.dpnt.few 2f
	;;
	cmp.eq	p6, p0 = 0, r2
	;;
(p6)	adds	loc3 = -4, loc3
(p6)	br.cond.sptk.few 1b
	;;
2:	shr.u	r2 = loc2, loc3
	;;
	and	r2 = 15, r2
	;;
	cmp.gtu	p6, p7 = 10, r2
	;;
(p6)	adds	r14 = '0', r2
(p7)	adds	r14 = 'a' - 10, r2
	br.call.sptk.many b0 = board_putc
	;;
	cmp.eq	p8, p0 = 0, loc3
	adds	loc3 = -4, loc3
(p8)	br.cond.dpnt.few 3f
	br.cond.sptk.few 2b
	;;
3:	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	kputhex

// The decimal digits of r14 (unsigned).
	.global	kputdec
	.proc	kputdec
kputdec:
	alloc	loc0 = ar.pfs, 0, 6, 0, 0
	mov	loc1 = b0
	mov	loc2 = r14		// what is left to print
	movl	loc3 = powers_of_ten
	mov	loc4 = 0		// a digit has been printed
	;;
1:	ld8	loc5 = [loc3], 8	// the next power, 0 ends the table
	mov	r14 = '0'
	;;
	cmp.eq	p6, p0 = 0, loc5
(p6)	br.cond.dpnt.few 4f
	;;
2:	cmp.geu	p7, p0 = loc2, loc5
	;;
(p7)	sub	loc2 = loc2, loc5
(p7)	adds	r14 = 1, r14
(p7)	br.cond.dptk.few 2b
	;;
	cmp.ne	p8, p0 = '0', r14
	cmp.eq	p7, p0 = 1, loc5	// always print the units
	;;
(p8)	mov	loc4 = 1
	;;
	cmp.ne.or p7, p0 = 0, loc4
	;;
(p7)	br.call.sptk.many b0 = board_putc
	;;
	br.cond.sptk.few 1b
	;;
4:	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	kputdec

// A thread id as number.version.
	.global	kputtid
	.proc	kputtid
kputtid:
	alloc	loc0 = ar.pfs, 0, 3, 0, 0
	mov	loc1 = b0
	mov	loc2 = r14
	;;
	shr.u	r14 = loc2, 32
	br.call.sptk.many b0 = kputdec
	;;
	mov	r14 = '.'
	br.call.sptk.many b0 = board_putc
	;;
	zxt4	r14 = loc2
	br.call.sptk.many b0 = kputdec
	;;
	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	kputtid

	.section .rodata
	.align	8
powers_of_ten:
	data8	10000000000000000000, 1000000000000000000, 100000000000000000
	data8	10000000000000000, 1000000000000000, 100000000000000, 10000000000000
	data8	1000000000000, 100000000000, 10000000000, 1000000000, 100000000
	data8	10000000, 1000000, 100000, 10000, 1000, 100, 10, 1, 0
