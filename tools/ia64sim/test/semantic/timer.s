// External interrupts (SDM vol 2 sec 5.8): the ITC/ITM/ITV timer (sec
// 3.3.4.2 and ch 5 for ITV; ITC counts retired instructions here), masking by TPR.mic
// (sec 5.8.3.3) and by PSR.i, IVR returning the highest unmasked vector and
// then the spurious vector 15, EOI (sec 5.8.3), and the ia64sim device
// page's interrupt injection at a chosen instruction count.  External
// interrupts are taken between instructions: IIP/IPSR.ri name the next one.
	.include "common.inc"
	.text
	IVT_BEGIN
	VECTOR	0x3000			// External interrupt
	movl	r23 = DEV_BASE + DEV_ICOUNT
	;;
	ld8	r24 = [r23]
	mov	r16 = cr.ivr		// acknowledges the interrupt
	movl	r17 = irq_log
	;;
	srlz.d
	;;
	ld8	r18 = [r17]
	movl	r25 = entry_icount
	;;
	st8	[r25] = r24
	adds	r19 = 1, r18
	shladd	r20 = r18, 3, r17
	;;
	st8	[r17] = r19
	adds	r20 = 8, r20
	;;
	st8	[r20] = r16
	mov	r21 = cr.ivr		// nothing else pending and unmasked: spurious
	movl	r22 = spurious
	;;
	srlz.d
	;;
	st8	[r22] = r21
	mov	cr.eoi = r0
	;;
	srlz.d
	;;
	rfi
	;;

	IVT_END	1
	// ITC advances by one per retired instruction.
	{ .mmi
	mov.m	r20 = ar.itc
	nop.m	0
	nop.i	0
	;;
	}
	{ .mmi
	nop.m	0
	nop.m	0
	nop.i	0
	;;
	}
	{ .mmi
	mov.m	r21 = ar.itc
	nop.m	0
	nop.i	0
	;;
	}
	sub	r22 = r21, r20
	;;
	CHECK	r22, 6, 1
	// The timer fires at ITM, but TPR.mic = 2 masks vector 32 (class 2).
	mov	r8 = 32
	;;
	mov	cr.itv = r8
	mov	r8 = 0x20
	;;
	mov	cr.tpr = r8
	mov.m	r9 = ar.itc
	;;
	adds	r9 = 100, r9
	;;
	mov	cr.itm = r9
	;;
	srlz.d
	;;
	ssm	0x4000			// PSR.i = 1
	;;
	srlz.d
	mov	r10 = 500
	;;
	mov.i	ar.lc = r10
	;;
1:	{ .mib
	nop.m	0
	nop.i	0
	br.cloop.sptk.few 1b
	;;
	}
	movl	r11 = irq_log
	;;
	ld8	r12 = [r11]
	;;
	CHECK	r12, 0, 2
	mov	cr.tpr = r0		// unmask: taken at the next instruction
	;;
	srlz.d
	;;
	ld8	r12 = [r11], 8
	;;
	CHECK	r12, 1, 3
	ld8	r13 = [r11]
	movl	r14 = spurious
	;;
	CHECK	r13, 32, 4
	ld8	r15 = [r14]
	;;
	CHECK	r15, 15, 5
	// PSR.i = 0 holds an interrupt raised through the device page.
	rsm	0x4000
	;;
	srlz.d
	movl	r8 = DEV_BASE + DEV_IRQ_RAISE
	mov	r9 = 0x50
	;;
	st8	[r8] = r9
	;;
	nop.m	0
	;;
	movl	r11 = irq_log
	;;
	ld8	r12 = [r11]
	;;
	CHECK	r12, 1, 6
	ssm	0x4000
	;;
	srlz.d
	;;
	ld8	r12 = [r11], 16
	;;
	CHECK	r12, 2, 7
	ld8	r13 = [r11]
	;;
	CHECK	r13, 0x50, 8
	// Injection at a chosen instruction count.
	movl	r8 = DEV_BASE + DEV_ICOUNT
	;;
	ld8	r9 = [r8]
	movl	r10 = DEV_BASE + DEV_IRQ_AT
	;;
	adds	r9 = 300, r9
	;;
	st8	[r10] = r9, DEV_IRQ_AT_VECTOR - DEV_IRQ_AT
	mov	r11 = 0x61
	;;
	st8	[r10] = r11
	mov	r10 = 1000
	;;
	mov.i	ar.lc = r10
	;;
2:	{ .mib
	nop.m	0
	nop.i	0
	br.cloop.sptk.few 2b
	;;
	}
	movl	r11 = irq_log
	;;
	ld8	r12 = [r11], 24
	;;
	CHECK	r12, 3, 9
	ld8	r13 = [r11]
	movl	r14 = entry_icount
	;;
	CHECK	r13, 0x61, 10
	ld8	r15 = [r14]
	;;
	sub	r16 = r15, r9		// the handler's first instructions ran right after the target
	;;
	cmp.ltu	p6, p7 = 4, r16
	;;
	CHECK_P	p7, 11
	PRINT	ok
	EXIT	0

	.data
	.align	8
irq_log:	.skip	8 * 8
spurious:	data8 0
entry_icount:	data8 0
ok:	.asciz	"timer: ok\n"
