// Illegal Operation faults (General Exception vector 0x5400, ISR.code 0;
// SDM vol 2 ch 8 "General Exception vector", vol 3 ch 4 and instruction pages): reserved bundle
// templates (one fault per slot), a GR target of r0, a predicated alloc, a
// compare writing the same predicate twice, a post-incremented load into
// its own base, an I-unit move to an M-unit application register, a write
// to the read-only AR.BSP, a register outside the current frame, and
// loadrs with a non-empty frame or outside enforced lazy mode.  The
// faulting instruction has no effect.  The encodings gas refuses are
// written as data.
	.include "common.inc"
	.text
	IVT_BEGIN
	VECTOR	0x5400
	LOG_INTERRUPTION log
	SKIP_SLOT
	rfi
	;;

	IVT_END	1
	mov	r5 = 0x40
	cmp.eq	p6, p0 = r0, r1		// p6 = 0: the predicated alloc faults anyway
	;;
	data8	0x0000000000000006, 0	// reserved template 0x06: three faults
	data8	0x0000200006080001, 0x0004000000000200	// add r0=r2,r3
	data8	0x00000580040900c9, 0x0004000000000200	// (p6) alloc r32=ar.pfs,2,2,0
	data8	0x0000380604043001, 0x0004000000000200	// cmp.eq p6,p6=r1,r2
	data8	0x000014180a202801, 0x0004000000000200	// ld8 r5=[r5],8
	data8	0x0800000100000001, 0x0004000000005400	// mov.i ar.k0=r1
	mov	ar.bsp = r1
	;;
	alloc	r32 = ar.pfs, 0, 2, 0, 0
	;;
	mov	r40 = r0
	movl	r9 = 8 << 16		// RSC.loadrs = 8 with a non-empty frame
	;;
	mov	ar.rsc = r9
	;;
	loadrs
	;;
	mov	ar.rsc = 3		// eager mode: loadrs needs enforced lazy mode
	;;
	loadrs
	;;
	mov	ar.rsc = r0
	;;
	CHECK	r5, 0x40, 1		// the faulting load did not increment its base
	movl	r8 = log
	;;
	ld8	r9 = [r8], 8
	;;
	CHECK	r9, 12, 2
	mov	r10 = 12 - 1		// br.cloop runs the body LC + 1 times
	;;
	mov.i	ar.lc = r10
	mov	r11 = 0			// OR of all ISR.code fields
	mov	r12 = 0			// expected ISR.ei of each reserved-template fault
	;;
1:	ld8	r13 = [r8], 16
	;;
	extr.u	r14 = r13, 0, 16
	;;
	or	r11 = r11, r14
	br.cloop.sptk.few 1b
	;;
	CHECK	r11, 0, 3
	movl	r8 = log + 8
	;;
	ld8	r9 = [r8], 16
	;;
	extr.u	r9 = r9, 41, 2
	;;
	CHECK	r9, 0, 4
	ld8	r9 = [r8], 16
	;;
	extr.u	r9 = r9, 41, 2
	;;
	CHECK	r9, 1, 5
	ld8	r9 = [r8], 16
	;;
	extr.u	r9 = r9, 41, 2
	;;
	CHECK	r9, 2, 6
	PRINT	ok
	EXIT	0

	.data
	.align	8
log:	.skip	8 + 16 * 16
ok:	.asciz	"illegal: ok\n"
