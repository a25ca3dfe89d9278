// break on the M, I and B units in slots 0, 1 and 2 and break.x in an MLX
// bundle (slot 1, 62-bit IIM), and rfi back to the following slot.  Break is a fault (SDM vol 2 sec 5.4 / 5.5): IIP is the
// bundle of the break, IPSR.ri and ISR.ei its slot, IIM its immediate
// (vol 2 sec 8, "Break Instruction vector"); the handler runs with
// PSR.ic = 0 in register bank 0 (sec 5.5.1, 3.3.7).  rfi restores PSR
// from IPSR, including the slot in IPSR.ri (vol 3 "rfi").
	.include "common.inc"
	.text
	IVT_BEGIN
	VECTOR	0x2c00			// Break vector: log IIM, ISR.ei, IIP, PSR
	movl	r24 = log
	;;
	ld8	r25 = [r24]
	;;
	shl	r26 = r25, 5
	adds	r27 = 1, r25
	;;
	add	r26 = r26, r24
	;;
	st8	[r24] = r27
	adds	r26 = 8, r26
	mov	r19 = cr.iim
	mov	r20 = cr.isr
	;;
	st8	[r26] = r19, 8
	extr.u	r20 = r20, 41, 2
	;;
	st8	[r26] = r20, 8
	mov	r21 = cr.iip
	mov	r22 = psr
	;;
	st8	[r26] = r21, 8
	movl	r16 = 0xbad		// bank 0: must not reach the interrupted r16
	;;
	st8	[r26] = r22
	shr.u	r24 = r19, 21		// a break.x immediate: resume after the MLX
	;;				// bundle (IPSR.ri = 2 there is illegal)
	cmp.ne	p14, p0 = 0, r24
(p14)	br.cond.dpnt.few next_bundle
	SKIP_SLOT
	rfi
	;;
next_bundle:
	mov	r16 = cr.iip
	mov	r17 = cr.ipsr
	;;
	adds	r16 = 16, r16
	dep	r17 = 0, r17, 41, 2
	;;
	mov	cr.iip = r16
	mov	cr.ipsr = r17
	;;
	rfi
	;;

	IVT_END
	movl	r16 = 0x1616
	;;
	ssm	0x2000			// PSR.ic = 1: collect interruption state
	;;
	srlz.d
	;;
bundle0:	{ .mii
	break.m	0x11
	mov	r8 = 1
	mov	r9 = 2
	;;
	}
bundle1:	{ .mii
	mov	r10 = 3
	break.i	0x22
	mov	r11 = 4
	;;
	}
bundle2:	{ .mib
	mov	r12 = 5
	mov	r13 = 6
	break.b	0x33
	;;
	}
	mov	r14 = 7
	;;
bundle3:	{ .mlx
	nop.m	0
	break.x	0x3ffffffffffffff5	// the L+X instruction is slot 1
	;;
	}
	mov	r15 = 8
	;;
	CHECK	r8, 1, 1
	CHECK	r9, 2, 2
	CHECK	r10, 3, 3
	CHECK	r11, 4, 4
	CHECK	r12, 5, 5
	CHECK	r13, 6, 6
	CHECK	r14, 7, 7
	CHECK	r16, 0x1616, 8		// bank 1 untouched by the handler
	movl	r20 = log
	;;
	ld8	r21 = [r20], 8
	;;
	CHECK	r21, 4, 9
	// Entry for each break: IIM, ISR.ei, IIP, handler PSR (ic must be 0).
	ld8	r22 = [r20], 8
	;;
	CHECK	r22, 0x11, 10
	ld8	r22 = [r20], 8
	;;
	CHECK	r22, 0, 11
	ld8	r22 = [r20], 8
	;;
	CHECK	r22, bundle0, 12
	ld8	r22 = [r20], 8
	;;
	tbit.nz	p6, p0 = r22, 13
	;;
(p6)	br.cond.dpnt.few fail
	ld8	r22 = [r20], 8
	;;
	CHECK	r22, 0x22, 13
	ld8	r22 = [r20], 8
	;;
	CHECK	r22, 1, 14
	ld8	r22 = [r20], 16
	;;
	CHECK	r22, bundle1, 15
	ld8	r22 = [r20], 8
	;;
	CHECK	r22, 0x33, 16
	ld8	r22 = [r20], 8
	;;
	CHECK	r22, 2, 17
	ld8	r22 = [r20], 16		// skip this entry's PSR
	;;
	CHECK	r22, bundle2, 18
	ld8	r22 = [r20], 8		// IIM of break.x: all 62 bits
	;;
	CHECK	r22, 0x3ffffffffffffff5, 19
	ld8	r22 = [r20], 8
	;;
	CHECK	r22, 1, 20
	ld8	r22 = [r20], 8
	;;
	CHECK	r22, bundle3, 21
	CHECK	r15, 8, 22
	PRINT	ok
	EXIT	0
fail:	EXIT	99

	.data
	.align	8
log:	.skip	8 + 5 * 32
ok:	.asciz	"break_rfi: ok\n"
