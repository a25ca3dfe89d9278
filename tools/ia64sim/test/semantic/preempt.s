// Preemption of deep call chains (SDM vol 2 ch 5 and ch 6 together):
// interrupts injected at pseudo-random instruction counts arrive while the
// program recurses and its register stack spills and fills; each one takes
// the kernel-entry path of rse.s (cover, a switch to the kernel backing
// store, a call chain deep enough to spill every interrupted register,
// loadrs, rfi), saving and restoring the predicates, b0, PFS and UNAT.
// The interrupted computation must come out right, NaT bits included.
	.include "common.inc"
	.text
	IVT_BEGIN
	VECTOR	0x3000			// External interrupt: a full kernel entry
	cover
	;;
	mov	r16 = ar.rsc
	mov	r17 = ar.pfs
	mov	r21 = pr
	mov	r23 = b0
	mov	r30 = r8		// static registers are not banked: save what we use
	;;
	mov	ar.rsc = 0
	;;
	mov	r18 = ar.bspstore
	mov	r19 = ar.rnat
	movl	r20 = kernel_bs
	;;
	mov	ar.bspstore = r20
	;;
	mov	r22 = ar.bsp
	;;
	sub	r22 = r22, r20
	alloc	r32 = ar.pfs, 0, 1, 1, 0
	mov	r33 = 25
	;;
	br.call.sptk.many b0 = ksum	// spills the interrupted registers
	;;
	mov	r24 = cr.ivr
	;;
	srlz.d
	cmp.ne	p6, p0 = 0x40, r24
	;;
(p6)	br.cond.dpnt.few kfail
	mov	r25 = 325		// 1 + ... + 25
	;;
	cmp.ne	p6, p0 = r25, r8
	;;
(p6)	br.cond.dpnt.few kfail
	mov	cr.eoi = r0
	movl	r25 = irq_count
	;;
	ld8	r26 = [r25]
	movl	r27 = seed
	;;
	adds	r26 = 1, r26
	ld8	r28 = [r27]
	;;
	st8	[r25] = r26
	shladd	r29 = r28, 2, r28	// seed = seed * 5 + 1 (mod 2^64)
	;;
	adds	r29 = 1, r29
	;;
	st8	[r27] = r29
	extr.u	r28 = r29, 20, 9	// next interrupt in 100 .. 611 instructions
	movl	r31 = DEV_BASE + DEV_ICOUNT
	;;
	ld8	r25 = [r31]
	adds	r28 = 100, r28
	movl	r26 = DEV_BASE + DEV_IRQ_AT
	;;
	add	r25 = r25, r28
	;;
	st8	[r26] = r25, DEV_IRQ_AT_VECTOR - DEV_IRQ_AT
	mov	r27 = 0x40
	;;
	st8	[r26] = r27
	alloc	r28 = ar.pfs, 0, 0, 0, 0
	shl	r29 = r22, 16
	;;
	mov	ar.rsc = r29
	;;
	loadrs
	;;
	mov	ar.bspstore = r18
	;;
	mov	ar.rnat = r19
	mov	ar.rsc = r16
	mov	ar.pfs = r17
	mov	b0 = r23
	mov	pr = r21, -1
	mov	r8 = r30
	;;
	rfi
	;;
kfail:	EXIT	90

// r8 = 1 + ... + in0 (kernel side; no checks).
ksum:	alloc	r34 = ar.pfs, 1, 3, 1, 0
	mov	r33 = b0
	cmp.eq	p6, p7 = 0, r32
	;;
(p6)	mov	r8 = 0
(p6)	br.cond.dpnt.few 1f
	adds	r36 = -1, r32		// out0
	br.call.sptk.many b0 = ksum
	;;
	add	r8 = r8, r32
1:	mov	ar.pfs = r34
	mov	b0 = r33
	;;
	br.ret.sptk.many b0
	;;

	IVT_END	1
	mov	ar.rsc = 0
	;;
	movl	r8 = user_bs
	;;
	mov	ar.bspstore = r8
	movl	r9 = 1 << 16
	;;
	mov	cr.itv = r9		// timer masked: only injected interrupts
	mov	cr.tpr = r0
	;;
	srlz.d
	movl	r10 = DEV_BASE + DEV_IRQ_AT
	movl	r11 = 1000
	;;
	st8	[r10] = r11, DEV_IRQ_AT_VECTOR - DEV_IRQ_AT
	mov	r12 = 0x40
	;;
	st8	[r10] = r12
	ssm	0x4000			// PSR.i = 1
	;;
	srlz.d
	alloc	r40 = ar.pfs, 0, 9, 1, 0	// out0 is r41
	movl	r32 = nat_word
	mov	r33 = -1
	;;
	mov	ar.unat = r33
	;;
	ld8.fill r34 = [r32]		// a NaT that must survive every interruption
	;;
	mov	ar.unat = r0
	mov	r35 = 40		// passes
	;;
again:	mov	r41 = 120
	br.call.sptk.many b0 = usum
	;;
	movl	r9 = 7260		// 1 + ... + 120
	;;
	cmp.ne	p6, p0 = r9, r8
	;;
(p6)	br.cond.dpnt.few ufail
	adds	r35 = -1, r35
	;;
	cmp.ne	p7, p0 = 0, r35
(p7)	br.cond.sptk.few again
	;;
	rsm	0x4000
	;;
	tnat.z	p6, p0 = r34
	;;
(p6)	br.cond.dpnt.few ufail
	movl	r13 = irq_count
	;;
	ld8	r14 = [r13]
	;;
	cmp.gtu	p7, p0 = 50, r14	// at least 50 preemptions happened
	;;
(p7)	br.cond.dpnt.few ufail
	PRINT	ok
	EXIT	0
ufail:	EXIT	91

	CHECKED_SUM usum, ufail

	.data
	.align	8
irq_count:	data8 0
seed:		data8 12345
nat_word:	data8 0
ok:	.asciz	"preempt: ok\n"
	.align	512
user_bs:	.skip	32768
kernel_bs:	.skip	32768
