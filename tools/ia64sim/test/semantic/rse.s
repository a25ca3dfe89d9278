// The register stack engine (SDM vol 2 ch 6): mandatory spills and fills
// through a deep call chain (sec 6.1, 6.5), NaT bits through RNAT
// collections (sec 6.5.2), and the kernel-entry sequence: cover saving
// CFM in IFS (vol 3 "cover"), switching AR.BSPSTORE to a kernel backing
// store (sec 6.5.3, 6.11), loadrs bringing the interrupted frames back
// (vol 3 "loadrs"), and rfi restoring the frame from IFS (vol 3 "rfi").
	.include "common.inc"
	.text
	IVT_BEGIN
	VECTOR	0x2c00			// Break: a kernel entry
	cover				// PSR.ic = 0: IFS = CFM, IFS.v = 1
	;;
	mov	r16 = ar.rsc
	mov	r17 = ar.pfs
	mov	r23 = b0
	;;
	mov	ar.rsc = 0		// enforced lazy mode before touching BSPSTORE
	;;
	mov	r18 = ar.bspstore
	mov	r19 = ar.rnat
	movl	r20 = kernel_bs
	;;
	mov	ar.bspstore = r20
	;;
	mov	r21 = ar.bsp
	;;
	sub	r22 = r21, r20		// interrupted dirty registers now below the kernel BSP
	alloc	r32 = ar.pfs, 0, 1, 1, 0
	mov	r33 = 40
	;;
	br.call.sptk.many b0 = rec	// 40 frames of 8: spills every interrupted register
	;;
	movl	r24 = kernel_result
	;;
	st8	[r24] = r8
	alloc	r25 = ar.pfs, 0, 0, 0, 0
	shl	r26 = r22, 16		// RSC.loadrs
	;;
	mov	ar.rsc = r26
	;;
	loadrs				// the interrupted registers are dirty again
	;;
	mov	ar.bspstore = r18	// and belong to the interrupted backing store
	;;
	mov	ar.rnat = r19
	mov	ar.rsc = r16
	mov	ar.pfs = r17
	mov	b0 = r23
	SKIP_SLOT
	rfi				// IFS.v: the interrupted frame comes back
	;;

	IVT_END
	mov	ar.rsc = 0
	;;
	movl	r8 = user_bs
	;;
	mov	ar.bspstore = r8
	;;
	ssm	0x2000
	;;
	srlz.d
	;;
	// Part 1: a deep call chain from the first frame.
	alloc	r40 = ar.pfs, 0, 12, 1, 0
	mov	r44 = 150
	;;
	br.call.sptk.many b0 = rec
	;;
	CHECK	r8, 11325, 1		// 1 + 2 + ... + 150
	movl	r9 = user_bs
	mov	r10 = ar.bsp
	;;
	CHECK	r10, user_bs, 2		// back at the first frame
	// Part 2: registers and NaT bits of this frame across a kernel entry.
	movl	r11 = 0x1000
	mov	ar.unat = r0
	movl	r12 = nat_word
	;;
	mov	r32 = r11
	adds	r33 = 1, r11
	adds	r34 = 2, r11
	adds	r35 = 3, r11
	mov	r36 = -1
	;;
	mov	ar.unat = r36		// every UNAT bit set: ld8.fill yields NaT
	;;
	ld8.fill r37 = [r12]
	ld8.fill r43 = [r12]
	adds	r38 = 5, r11
	;;
	mov	ar.unat = r0
	mov	r39 = ar.bsp
	;;
	break.m	0x100
	;;
	mov	r9 = ar.bsp
	;;
	cmp.eq	p6, p7 = r9, r39
	;;
	CHECK_P	p6, 3
	CHECK	r32, 0x1000, 4
	CHECK	r33, 0x1001, 5
	CHECK	r35, 0x1003, 6
	CHECK	r38, 0x1005, 7
	tnat.nz	p6, p7 = r37
	;;
	CHECK_P	p6, 8
	tnat.nz	p6, p7 = r43
	;;
	CHECK_P	p6, 9
	tnat.z	p6, p7 = r38
	;;
	CHECK_P	p6, 10
	movl	r24 = kernel_result
	;;
	ld8	r25 = [r24]
	;;
	CHECK	r25, 820, 11		// 1 + ... + 40 computed in the handler
	// Part 3: flushrs writes this frame's caller-side registers and a
	// NaT collection.  After the call the 12 locals here are dirty; the
	// callee flushes them and checks the backing store.
	alloc	r40 = ar.pfs, 0, 12, 0, 0
	mov	ar.rsc = r0
	;;
	movl	r8 = flush_bs		// 8 slots below a collection slot
	;;
	mov	ar.bspstore = r8
	;;
	mov	r32 = 32
	mov	r33 = 33
	mov	ar.unat = r36
	;;
	ld8.fill r41 = [r12]		// NaT in the 10th local: after the collection slot
	ld8.fill r34 = [r12]		// NaT in the 3rd local
	;;
	mov	ar.unat = r0
	br.call.sptk.many b0 = flush_check
	;;
	CHECK	r8, 0, 12
	tnat.nz	p6, p7 = r41
	;;
	CHECK_P	p6, 13
	PRINT	ok
	EXIT	0

	CHECKED_SUM rec, fail

// Flushes the caller's 12 locals, stored from flush_bs: slots 56-62 hold
// r32-r38, slot 63 the collection (NaT bit 58 for r34), then r39-r43.
// Returns r8 = 0, or the number of the failed check.
flush_check:
	alloc	r14 = ar.pfs, 0, 0, 0, 0
	;;
	flushrs
	;;
	mov	r8 = 20
	movl	r9 = flush_bs
	mov	r10 = ar.bspstore
	mov	r11 = ar.bsp
	;;
	cmp.ne	p6, p0 = r10, r11	// nothing dirty is left
(p6)	br.ret.dpnt.few b0
	;;
	mov	r8 = 21
	ld8	r15 = [r9], 8		// r32
	;;
	cmp.ne	p6, p0 = 32, r15
(p6)	br.ret.dpnt.few b0
	;;
	mov	r8 = 22
	adds	r9 = 48, r9		// the collection slot
	;;
	ld8	r15 = [r9], 8
	;;
	tbit.z	p6, p0 = r15, 58	// r34 was NaT
(p6)	br.ret.dpnt.few b0
	;;
	mov	r8 = 23
	tbit.nz	p6, p0 = r15, 57	// r33 was not
(p6)	br.ret.dpnt.few b0
	;;
	mov	r8 = 24
	adds	r9 = 16, r9		// r41 in the next group: its NaT bit is still in AR.RNAT
	mov	r15 = ar.rnat
	;;
	extr.u	r16 = r9, 3, 6
	;;
	shr.u	r15 = r15, r16
	;;
	tbit.z	p6, p0 = r15, 0
(p6)	br.ret.dpnt.few b0
	;;
	mov	r8 = 0
	br.ret.sptk.many b0
	;;

fail:	EXIT	99

	.data
	.align	8
kernel_result:	data8 0
nat_word:	data8 0x5a5a
ok:	.asciz	"rse: ok\n"
	.align	512
	.skip	512 - 64
flush_bs:	.skip	512
	.align	512
user_bs:	.skip	16384
kernel_bs:	.skip	16384
