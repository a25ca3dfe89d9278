// Semaphores (SDM vol 3 "cmpxchg", "xchg", "fetchadd"; vol 1 sec 4.4.7):
// cmpxchg stores only when memory equals AR.CCV (the low bytes for the
// shorter forms) and always returns the old value zero-extended; xchg
// swaps; fetchadd adds its immediate and returns the old value.  Alignment
// faults for semaphores always, for ordinary accesses only with PSR.ac.
	.include "common.inc"
	.text
	IVT_BEGIN
	VECTOR	0x5a00			// Unaligned data reference: log, skip
	LOG_INTERRUPTION unaligned_log
	SKIP_SLOT
	rfi
	;;
	IVT_END	1
	movl	r8 = word
	mov	r9 = 5
	mov	r10 = 9
	;;
	st8	[r8] = r9
	mov	ar.ccv = r9
	;;
	cmpxchg8.acq r11 = [r8], r10, ar.ccv	// 5 == 5: stores 9
	;;
	ld8	r12 = [r8]
	;;
	CHECK	r11, 5, 1
	CHECK	r12, 9, 2
	cmpxchg8.rel r13 = [r8], r9, ar.ccv	// 9 != 5: no store
	;;
	ld8	r14 = [r8]
	;;
	CHECK	r13, 9, 3
	CHECK	r14, 9, 4
	movl	r15 = 0xffffffff00000009	// cmpxchg4 compares AR.CCV{31:0}
	movl	r16 = 0x77
	;;
	mov	ar.ccv = r15
	;;
	cmpxchg4.acq r17 = [r8], r16, ar.ccv
	;;
	ld8	r18 = [r8]
	;;
	CHECK	r17, 9, 5
	CHECK	r18, 0x77, 6
	movl	r19 = 0x123456789abcdef0
	;;
	xchg2	r20 = [r8], r19		// swaps the low two bytes
	;;
	ld8	r21 = [r8]
	;;
	CHECK	r20, 0x77, 7
	CHECK	r21, 0xdef0, 8
	st8	[r8] = r0
	;;
	fetchadd4.acq r22 = [r8], -1
	;;
	ld8	r23 = [r8]
	;;
	CHECK	r22, 0, 9
	CHECK	r23, 0xffffffff, 10
	fetchadd8.rel r24 = [r8], 16
	;;
	ld8	r25 = [r8]
	;;
	CHECK	r24, 0xffffffff, 11
	CHECK	r25, 0x10000000f, 12
	// Semaphores must be naturally aligned; other accesses only when
	// PSR.ac = 1 (vol 2 sec 4.5, Unaligned Data Reference vector 0x5a00).
	adds	r26 = 4, r8
	;;
	cmpxchg8.acq r27 = [r26], r0, ar.ccv	// faults, skipped
	ld8	r28 = [r26]			// PSR.ac = 0: allowed
	;;
	sum	0x8				// PSR.ac = 1
	;;
	ld8	r29 = [r26]			// faults, skipped
	;;
	rum	0x8
	movl	r30 = unaligned_log
	;;
	ld8	r31 = [r30], 16
	;;
	CHECK	r31, 2, 13
	ld8	r31 = [r30]			// IFA of the first fault
	;;
	cmp.eq	p6, p7 = r31, r26
	;;
	CHECK_P	p6, 14
	PRINT	ok
	EXIT	0

	.data
	.align	8
word:	data8 0, 0
unaligned_log:	.skip	8 + 16 * 4
ok:	.asciz	"atomic: ok\n"
