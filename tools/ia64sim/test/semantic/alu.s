// ALU, compare, shift/deposit/extract semantics (SDM vol 3 instruction
// pages add, sub, shladd, cmp, tbit, dep, extr, shrp, sxt, zxt).
	.include "common.inc"
	.text
	.global _start
_start:
	mov	r8 = 5
	mov	r9 = -3
	;;
	add	r10 = r8, r9
	sub	r11 = r8, r9, 1
	shladd	r12 = r8, 3, r9
	;;
	CHECK	r10, 2, 1
	CHECK	r11, 7, 2
	CHECK	r12, 37, 3
	cmp.lt	p6, p7 = r9, r8		// signed: -3 < 5
	;;
	CHECK_P	p6, 4
	cmp.ltu	p6, p7 = r9, r8		// unsigned: 2^64-3 > 5
	;;
	CHECK_P	p7, 5
	// cmp.unc with qp false clears both targets (SDM vol 3 "cmp", table 2-?)
	cmp.eq	p1, p2 = r0, r0		// p1 = 1, p2 = 0
	cmp.eq	p10, p11 = r0, r0
	;;
(p2)	cmp.eq.unc p10, p11 = r0, r0
	;;
(p10)	br.cond.dpnt.few fail
(p11)	br.cond.dpnt.few fail
	// parallel and: one false term clears both
	cmp.eq	p12, p13 = r0, r0
	;;
	cmp.eq.and p12, p13 = r8, r9
	;;
(p12)	br.cond.dpnt.few fail
	// cmp4 compares the low 32 bits
	movl	r14 = 0x100000001
	mov	r15 = 1
	;;
	cmp4.eq	p6, p7 = r14, r15
	;;
	CHECK_P	p6, 6
	// deposit, extract, shift right pair, extension
	movl	r16 = 0xffffffffffffffff
	;;
	dep	r17 = r0, r16, 8, 8
	extr	r18 = r16, 4, 8
	extr.u	r19 = r16, 60, 8
	shrp	r20 = r8, r16, 60
	sxt1	r21 = r16
	zxt2	r22 = r16
	;;
	CHECK	r17, 0xffffffffffff00ff, 7
	CHECK	r18, -1, 8
	CHECK	r19, 0xf, 9
	CHECK	r20, 0x5f, 10
	CHECK	r21, -1, 11
	CHECK	r22, 0xffff, 12
	tbit.nz	p6, p7 = r8, 2
	;;
	CHECK_P	p6, 13
	shl	r23 = r8, 60
	shr	r24 = r9, 1
	;;
	CHECK	r23, 0x5000000000000000, 14
	CHECK	r24, -2, 15
	PRINT	ok
	EXIT	0
fail:	EXIT	99

	.data
ok:	.asciz	"alu: ok\n"
