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
	// cmp.unc with qp false clears both targets (SDM vol 3 "cmp", its compare-type table)
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
	// Parallel or / or.andcm write only when the relation holds.
	cmp.eq	p6, p7 = r0, r8		// p6 = 0, p7 = 1
	;;
	cmp.ne.or p6, p7 = r0, r0	// relation false: unchanged
	;;
(p6)	br.cond.dpnt.few fail
	cmp.eq.or.andcm p6, p7 = r8, r8	// true: p6 = 1, p7 = 0
	;;
(p7)	br.cond.dpnt.few fail
	CHECK_P	p6, 16
	cmp.gt.and p12, p13 = r0, r9	// 0 > -3: true, both unchanged
	;;
	cmp.eq	p12, p13 = r0, r0	// p12 = 1, p13 = 0
	;;
	cmp.gt.and p12, p13 = r0, r8	// 0 > 5 false: both cleared
	;;
(p12)	br.cond.dpnt.few fail
	// A NaT source: normal compares clear both targets (vol 3 "cmp").
	movl	r20 = nat_word
	mov	r21 = -1
	;;
	mov	ar.unat = r21
	;;
	ld8.fill r22 = [r20]
	;;
	mov	ar.unat = r0
	cmp.eq	p6, p7 = r0, r0
	;;
	cmp.eq	p6, p7 = r22, r22
	;;
(p6)	br.cond.dpnt.few fail
(p7)	br.cond.dpnt.few fail
	add	r23 = r22, r8		// NaT propagates through the ALU
	;;
	tnat.nz	p6, p7 = r23
	;;
	CHECK_P	p6, 17
	tbit.nz.and p6, p7 = r8, 0	// bit 0 of 5 is set: unchanged
	;;
	CHECK_P	p6, 18
	// Immediates, 32-bit pointer adds, counts.
	sub	r24 = 10, r8
	and	r25 = 6, r8
	xor	r26 = -1, r8
	addp4	r27 = 0x10, r9		// low 32 bits of the sum, r3{31:30} to bits 62:61
	shladdp4 r28 = r8, 2, r0
	popcnt	r29 = r16
	;;
	CHECK	r24, 5, 19
	CHECK	r25, 4, 20
	CHECK	r26, -6, 21
	CHECK	r27, 0x600000000000000d, 22
	CHECK	r28, 20, 23
	CHECK	r29, 64, 24
	mov	r30 = 3
	;;
	shr.u	r31 = r16, r30
	shl	r14 = r8, r30
	shr	r15 = r9, r30
	;;
	CHECK	r31, 0x1fffffffffffffff, 25
	CHECK	r14, 40, 26
	CHECK	r15, -1, 27
	dep.z	r17 = -1, 4, 8
	dep	r18 = -1, r0, 60, 4
	dep.z	r19 = r8, 62, 2
	;;
	CHECK	r17, 0xff0, 28
	CHECK	r18, 0xf000000000000000, 29
	CHECK	r19, 0x4000000000000000, 30
	// Predicate moves: mov pr masks, pr.rot writes p16-p63.
	mov	r20 = pr
	movl	r21 = 0xaaaa
	;;
	mov	pr = r21, 0xfffe
	;;
	mov	r22 = pr
	;;
	extr.u	r23 = r22, 0, 16
	;;
	CHECK	r23, 0xaaab, 31		// p0 always reads 1
	mov	pr.rot = 0x30000
	;;
	CHECK_P	p16, 32
	CHECK_P	p17, 33
(p18)	br.cond.dpnt.few fail
	mov	pr = r20, -1
	;;
	PRINT	ok
	EXIT	0
fail:	EXIT	99

	.data
ok:	.asciz	"alu: ok\n"
	.align	8
nat_word:	data8 0
