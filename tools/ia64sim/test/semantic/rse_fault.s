// Mandatory RSE spills and fills that miss the TLB (SDM vol 2 ch 6,
// "RSE interruptions", ch 8 "Alternate Data TLB vector"): with PSR.rt = 1
// the backing store is translated; a spill during alloc or a fill during
// br.ret that misses raises an Alternate Data TLB fault with ISR.rs set
// (and ISR.w for a spill, ISR.r for a fill), and after the handler maps the
// page the interrupted instruction restarts and completes.
	.include "common.inc"
	.text
	IVT_BEGIN
	VECTOR	0x0c00			// Alternate ITLB: identity, kernel RWX
	movl	r18 = PTE_P | PTE_A | PTE_D | PTE_AR_RWX
	;;
	INSERT_IDENTITY i, r18
	rfi
	;;
	VECTOR	0x1000			// Alternate DTLB: identity, and count RSE misses
	mov	r19 = cr.isr
	movl	r20 = rse_spill_misses
	;;
	tbit.z	p8, p0 = r19, 37	// ISR.rs
(p8)	br.cond.sptk.few 1f
	tbit.nz	p9, p10 = r19, 33	// ISR.w: a spill; else a fill
	;;
(p10)	adds	r20 = 8, r20
	;;
	ld8	r21 = [r20]
	;;
	adds	r21 = 1, r21
	;;
	st8	[r20] = r21
1:	movl	r18 = PTE_P | PTE_A | PTE_D | PTE_AR_RW
	;;
	INSERT_IDENTITY d, r18
	rfi
	;;

	IVT_END
	PIN	i, 0, ivt, PTE_AR_RWX
	PIN	i, 1, ivt + 0x4000, PTE_AR_RWX
	PIN	d, 0, rse_spill_misses, PTE_AR_RW
	mov	ar.rsc = 0
	;;
	movl	r8 = backing_store
	;;
	mov	ar.bspstore = r8
	ENTER	virtual, 0		// it, dt, rt: the backing store is translated
virtual:
	alloc	r39 = ar.pfs, 0, 8, 1, 0
	;;
	mov	r40 = 300		// 300 frames of 8: spills across 16 KiB pages
	;;
	br.call.sptk.many b0 = sum
	;;
	movl	r9 = 45150		// 1 + ... + 300
	;;
	cmp.eq	p6, p7 = r8, r9
	;;
	CHECK_P	p6, 1
	movl	r10 = rse_spill_misses
	;;
	ld8	r11 = [r10], 8
	;;
	ld8	r12 = [r10]
	cmp.ltu	p6, p0 = 0, r11		// spills missed the TLB
	;;
	CHECK_P	p6, 2
	cmp.ltu	p6, p0 = 0, r12		// and so did fills, after the purge below
	;;
	CHECK_P	p6, 3
	PRINT	ok
	EXIT	0

// r8 = 1 + ... + in0; at the deepest level every TC entry is purged, so
// the returns fill from unmapped backing-store pages.
sum:	alloc	r34 = ar.pfs, 1, 6, 1, 0
	mov	r33 = b0
	cmp.eq	p6, p7 = 0, r32
	;;
(p6)	ptc.e	r0
	;;
(p6)	srlz.d
(p6)	mov	r8 = 0
(p6)	br.cond.dpnt.few 1f
	adds	r39 = -1, r32
	br.call.sptk.many b0 = sum
	;;
	add	r8 = r8, r32
1:	mov	ar.pfs = r34
	mov	b0 = r33
	;;
	br.ret.sptk.many b0
	;;

	.data
	.align	16384
rse_spill_misses:	data8 0
rse_fill_misses:	data8 0
ok:	.asciz	"rse_fault: ok\n"
	.align	16384
backing_store:	.skip	65536
