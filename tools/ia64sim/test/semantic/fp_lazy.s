// Lazy high-FP switching: with PSR.dfh = 1 any access to f32-f127 raises a
// Disabled Floating-Point Register fault (SDM vol 2 sec 3.3.2 PSR.dfh,
// ch 8, Disabled FP-Register vector 0x5500) with ISR.code bit 1 for the high partition; the
// handler clears IPSR.dfh and rfi re-executes the instruction.  f2-f31
// stay usable.  Also: PSR.mfh is set by a write to the high partition,
// stf.spill/ldf.fill use the 16-byte spill format (vol 1 ch 5, "ldf.fill" in vol 3) and
// ldfd/stfd round-trip a double; xma multiplies integers.
	.include "common.inc"
	.text
	IVT_BEGIN
	VECTOR	0x5500			// Disabled FP-register
	movl	r16 = fp_faults
	mov	r17 = cr.isr
	mov	r18 = psr
	;;
	ld8	r19 = [r16]
	;;
	adds	r19 = 1, r19
	;;
	st8	[r16] = r19, 8
	;;
	st8	[r16] = r17, 8
	;;
	st8	[r16] = r18
	mov	r20 = cr.ipsr
	;;
	dep	r20 = 0, r20, 19, 1	// IPSR.dfh = 0: the owner's high FP is now loaded
	;;
	mov	cr.ipsr = r20
	;;
	rfi
	;;

	IVT_END	1
	movl	r8 = 0x123456789
	movl	r9 = 0x77
	;;
	ssm	0x80000			// PSR.dfh = 1
	;;
	srlz.d
	;;
	setf.sig f10 = r9		// low partition: no fault
	;;
	movl	r12 = fp_faults
	;;
	ld8	r13 = [r12]
	;;
	CHECK	r13, 0, 1
	{ .mmi
	nop.m	0
	setf.sig f33 = r8		// slot 1: faults, then runs again after rfi
	nop.i	0
	;;
	}
	getf.sig r14 = f33
	getf.sig r15 = f10
	;;
	CHECK	r14, 0x123456789, 2
	CHECK	r15, 0x77, 3
	ld8	r13 = [r12], 8
	;;
	CHECK	r13, 1, 4
	ld8	r16 = [r12], 8
	;;
	extr.u	r17 = r16, 0, 16	// ISR.code
	extr.u	r18 = r16, 41, 2	// ISR.ei
	;;
	CHECK	r17, 2, 5
	CHECK	r18, 1, 6
	ld8	r19 = [r12]
	;;
	tbit.nz	p6, p7 = r19, 19	// the handler ran with PSR.dfh = 0
	;;
	CHECK_P	p7, 7
	mov	r20 = psr.um
	;;
	tbit.nz	p6, p7 = r20, 5		// PSR.mfh
	;;
	CHECK_P	p6, 8
	// Spill format: significand, then sign and 17-bit exponent.
	movl	r21 = spill_area
	;;
	stf.spill [r21] = f33
	;;
	ldf.fill f40 = [r21]
	ld8	r22 = [r21], 8
	;;
	ld8	r23 = [r21]
	getf.sig r24 = f40
	;;
	CHECK	r22, 0x123456789, 9
	CHECK	r23, 0x1003e, 10
	CHECK	r24, 0x123456789, 11
	// ldfd/stfd round trip of 1.5, and its register exponent.
	movl	r25 = double_in
	movl	r26 = double_out
	;;
	ldfd	f34 = [r25]
	;;
	stfd	[r26] = f34
	getf.exp r27 = f34
	;;
	ld8	r28 = [r26]
	;;
	CHECK	r28, 0x3ff8000000000000, 12
	CHECK	r27, 0xffff, 13
	// Integer multiply through the FP unit (vol 3 "xma"): 7 * -3.
	mov	r29 = 7
	mov	r30 = -3
	;;
	setf.sig f6 = r29
	setf.sig f7 = r30
	;;
	{ .mfi
	nop.m	0
	xma.l	f8 = f6, f7, f0		// low 64 bits: -21
	nop.i	0
	}
	{ .mfi
	nop.m	0
	xma.hu	f9 = f6, f7, f0		// unsigned high 64 bits: 6
	nop.i	0
	}
	{ .mfi
	nop.m	0
	xma.h	f10 = f6, f7, f0	// signed high 64 bits: -1
	nop.i	0
	;;
	}
	getf.sig r31 = f8
	getf.sig r14 = f9
	getf.sig r15 = f10
	;;
	CHECK	r31, -21, 14
	CHECK	r14, 6, 15
	CHECK	r15, -1, 16
	PRINT	ok
	EXIT	0

	.data
	.align	16
fp_faults:	.skip	24
	.align	16
spill_area:	.skip	16
double_in:	data8 0x3ff8000000000000
double_out:	data8 0
ok:	.asciz	"fp_lazy: ok\n"
