// Virtual addressing (SDM vol 2 ch 4): region registers supply the region
// id (sec 4.1.2); with no VHPT walker every TLB miss is an Alternate
// Instruction/Data TLB fault (vectors 0x0c00, 0x1000) with IFA and ITIR set
// (ch 8, "Alternate Data TLB vector"); itc inserts into the translation
// cache, itr into a translation register, ptc.l/ptc.e/ptr purge (sec
// 4.1.1); page access rights (sec 4.1.1.6), the dirty bit and the present
// bit fault (vectors 0x5300, 0x2000, 0x5000); a data miss with PSR.ic = 0
// goes to the Data Nested TLB vector (0x1400); probe answers from the TLB.
	.include "common.inc"
	.equ	TEST_VA, 0x10000000		// beyond RAM: only reachable through the TLB

	.text
	IVT_BEGIN
	VECTOR	0x0c00			// Alternate ITLB: identity, kernel RWX
	movl	r18 = PTE_P | PTE_A | PTE_D | PTE_AR_RWX
	;;
	INSERT_IDENTITY i, r18
	movl	r19 = itlb_misses
	;;
	ld8	r20 = [r19]
	;;
	adds	r20 = 1, r20
	;;
	st8	[r19] = r20
	rfi
	;;

	VECTOR	0x1000			// Alternate DTLB: identity, or TEST_VA -> target
	movl	r19 = dtlb_misses
	mov	r21 = cr.ifa
	;;
	ld8	r20 = [r19]
	shr.u	r22 = r21, PAGE_SHIFT
	movl	r23 = TEST_VA >> PAGE_SHIFT
	;;
	adds	r20 = 1, r20
	cmp.eq	p8, p9 = r22, r23
	movl	r24 = test_flags
	;;
	st8	[r19] = r20
	ld8	r25 = [r24]
	dep	r26 = 0, r21, 0, PAGE_SHIFT	// identity frame
	;;
(p8)	movl	r26 = target			// the test page's frame and flags
(p9)	movl	r25 = PTE_P | PTE_A | PTE_D | PTE_AR_RW
	;;
	or	r18 = r25, r26
	mov	r17 = PAGE_SHIFT << 2
	;;
	mov	cr.itir = r17
	;;
	itc.d	r18
	;;
	srlz.d
	;;
	rfi
	;;

	VECTOR	0x1400			// Data nested TLB: a miss with PSR.ic = 0
	movl	r19 = nested_misses	// no IIP to return to: resume at nested_done
	;;
	ld8	r20 = [r19]
	;;
	adds	r20 = 1, r20
	;;
	st8	[r19] = r20
	br.sptk.few nested_done
	;;

	VECTOR	0x2000			// Dirty bit: log, reinsert with d = 1, retry
	movl	r19 = dirty_faults
	;;
	ld8	r20 = [r19]
	;;
	adds	r20 = 1, r20
	movl	r24 = test_flags
	;;
	st8	[r19] = r20
	ld8	r25 = [r24]
	;;
	or	r25 = PTE_D, r25
	;;
	st8	[r24] = r25
	movl	r21 = TEST_VA
	mov	r22 = PAGE_SHIFT << 2
	;;
	ptc.l	r21, r22		// the handler for the next miss inserts the new flags
	;;
	srlz.d
	;;
	rfi
	;;

	VECTOR	0x5000			// Page not present: log, skip
	LOG_INTERRUPTION not_present
	SKIP_SLOT
	rfi
	;;
	VECTOR	0x5300			// Data access rights: log, skip
	LOG_INTERRUPTION rights_faults
	SKIP_SLOT
	rfi
	;;

	IVT_END
	movl	r8 = (0x100 << 8) | (PAGE_SHIFT << 2)	// rid 0x100, 16 KiB pages, no walker
	;;
	mov	rr[r0] = r8
	;;
	srlz.d
	// Pin the vector table (two 16 KiB pages) and the handlers' data page
	// in translation registers: handlers run with PSR.ic = 0, where a TLB
	// miss could not be recovered from (sec 5.5).
	PIN	i, 0, ivt, PTE_AR_RWX
	PIN	i, 1, ivt + 0x4000, PTE_AR_RWX
	PIN	d, 0, itlb_misses, PTE_AR_RW
	ENTER	virtual, 0
virtual:
	movl	r8 = itlb_misses
	movl	r9 = dtlb_misses
	;;
	ld8	r10 = [r8]
	ld8	r11 = [r9]
	;;
	cmp.ltu	p6, p0 = 0, r10		// this code page came in through a miss
	;;
	CHECK_P	p6, 1
	// A read-write mapping of TEST_VA reaches the target frame.
	movl	r12 = TEST_VA + 0x18
	movl	r13 = 0xabcdef
	;;
	st8	[r12] = r13
	movl	r14 = target + 0x18
	;;
	ld8	r15 = [r14]
	;;
	CHECK	r15, 0xabcdef, 2
	// A read-only mapping: stores fault, loads work.
	movl	r16 = test_flags
	movl	r17 = PTE_P | PTE_A | PTE_D | PTE_AR_R
	;;
	st8	[r16] = r17
	movl	r18 = TEST_VA
	mov	r19 = PAGE_SHIFT << 2
	;;
	ptc.l	r18, r19
	;;
	srlz.d
	;;
	st8	[r12] = r0		// skipped by the rights fault handler
	;;
	ld8	r20 = [r12]
	movl	r21 = rights_faults
	;;
	CHECK	r20, 0xabcdef, 3
	ld8	r22 = [r21], 8
	;;
	CHECK	r22, 1, 4
	ld8	r23 = [r21], 8
	;;
	tbit.nz	p6, p0 = r23, 33	// ISR.w
	;;
	CHECK_P	p6, 5
	ld8	r24 = [r21]
	;;
	CHECK	r24, TEST_VA + 0x18, 6	// IFA
	// A clean writable page: the first store takes a Dirty Bit fault.
	movl	r17 = PTE_P | PTE_A | PTE_AR_RW
	;;
	st8	[r16] = r17
	;;
	ptc.l	r18, r19
	;;
	srlz.d
	;;
	movl	r25 = 0x5555
	;;
	st8	[r12] = r25
	;;
	ld8	r26 = [r14]
	movl	r27 = dirty_faults
	;;
	CHECK	r26, 0x5555, 7
	ld8	r28 = [r27]
	;;
	CHECK	r28, 1, 8
	// Not present.
	movl	r17 = PTE_AR_RW
	;;
	st8	[r16] = r17
	;;
	ptc.e	r0			// purge the whole translation cache
	;;
	srlz.i
	;;
	ld8	r29 = [r12]
	movl	r30 = not_present
	;;
	ld8	r31 = [r30]
	;;
	CHECK	r31, 1, 9
	// A translation register survives ptc.e and needs no miss; ptr.d removes it.
	rsm	0x2000
	;;
	srlz.d
	movl	r8 = TEST_VA
	mov	r9 = PAGE_SHIFT << 2
	;;
	mov	cr.ifa = r8
	mov	cr.itir = r9
	movl	r10 = target + (PTE_P | PTE_A | PTE_D | PTE_AR_RW)
	mov	r11 = 3
	;;
	itr.d	dtr[r11] = r10
	;;
	ssm	0x2000
	;;
	srlz.d
	;;
	ptc.e	r0
	;;
	srlz.d
	movl	r12 = dtlb_misses
	;;
	ld8	r13 = [r12]
	movl	r14 = TEST_VA + 0x18
	;;
	ld8	r15 = [r14]
	;;
	ld8	r16 = [r12]
	;;
	cmp.eq	p6, p0 = r13, r16	// the first ld8 of dtlb_misses after ptc.e missed; TEST_VA did not
	;;
	CHECK_P	p6, 10
	CHECK	r15, 0x5555, 11
	ptr.d	r8, r9
	;;
	srlz.d
	;;
	ld8	r13 = [r12]
	;;
	ld8	r15 = [r14]		// misses now: handler maps it (not present flags)
	;;
	ld8	r16 = [r12]
	;;
	sub	r17 = r16, r13
	;;
	CHECK	r17, 1, 12
	// probe (vol 3 "probe") asks the data TLB without accessing memory.
	movl	r8 = TEST_VA
	;;
	probe.r	r9 = r8, 0		// the translation is not present: 0
	;;
	CHECK	r9, 0, 15
	movl	r10 = test_flags
	movl	r11 = PTE_P | PTE_A | PTE_D | PTE_AR_R
	;;
	st8	[r10] = r11
	mov	r12 = PAGE_SHIFT << 2
	;;
	ptc.l	r8, r12
	;;
	srlz.d
	;;
	ld8	r13 = [r8]		// maps it again, read-only for PL 0
	;;
	probe.r	r14 = r8, 0
	probe.w	r15 = r8, 0
	mov	r16 = 3
	;;
	probe.r	r17 = r8, r16		// PL 3 may not read a PL 0 page
	;;
	CHECK	r14, 1, 16
	CHECK	r15, 0, 17
	CHECK	r17, 0, 18
	probe.w.fault r8, 0		// a Data Access Rights fault, skipped
	;;
	movl	r18 = rights_faults
	;;
	ld8	r19 = [r18], 8 + 16	// the count, then the second entry's ISR
	;;
	CHECK	r19, 2, 19
	ld8	r20 = [r18]
	;;
	tbit.nz	p6, p0 = r20, 35	// ISR.na: a non-access reference
	;;
	CHECK_P	p6, 20
	// A miss while PSR.ic = 0 goes to the Data Nested TLB vector.
	ptc.e	r0
	;;
	srlz.d
	rsm	0x2000
	;;
	srlz.d
	movl	r8 = TEST_VA
	;;
	ld8	r9 = [r8]
	;;
	EXIT	13			// not reached
nested_done:
	ssm	0x2000
	;;
	srlz.d
	movl	r10 = nested_misses
	;;
	ld8	r11 = [r10]
	;;
	CHECK	r11, 1, 14
	PRINT	ok
	EXIT	0

	.data
	.align	8
itlb_misses:	data8 0
dtlb_misses:	data8 0
dirty_faults:	data8 0
nested_misses:	data8 0
test_flags:	data8 PTE_P | PTE_A | PTE_D | PTE_AR_RW
not_present:	.skip	8 + 16 * 4
rights_faults:	.skip	8 + 16 * 4
ok:	.asciz	"tlb: ok\n"
	.align	16384
target:	.skip	16384
