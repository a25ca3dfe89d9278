// The full kernel entry and exit: the thread's complete eager state in
// its user register frame (layout.inc, FR_*, 0.5 KiB), for preemption and
// faults.  Seed 003: bank 0 gives the handler registers to start with;
// it stores the interruption state and r1-r15 from bank 0, switches to
// bank 1 and stores the thread's r16-r31, then runs on the thread's
// kernel memory stack and kernel register backing store.  The stacked
// registers are not copied: cover makes the interrupted frame dirty and
// writing AR.BSPSTORE moves every dirty register onto the kernel backing
// store, from where loadrs brings them back on exit (SDM vol 2 sec 6.5.3,
// 6.11; the sequence rse.s and preempt.s test in the simulator).  The FP
// registers are switched lazily (fpu.s).
//
// Register contract:
//   full_entry   from ivt.s: bank 0, PSR.ic = 0, bank-0 r17 = vector
//                offset (FR_VECTOR).  Continues in bank 1 with PSR.ic = 1
//                on the kernel stack and calls interruption (this file);
//                a fault that stops the thread does not return.
//   full_exit    bank 1, PSR.ic = 1, PSR.i = 0, any kernel frame: restores
//                the current thread (ar.k7) from its frame and rfi's.
//                A new thread's first switch comes here too (thread.s).
//   kernel_interruption  bank 0, r17 = vector: a kernel bug; panics.
	.explicit
	.include "layout.inc"
	.include "cpu.inc"
	.include "interruption.inc"
	.text

	.global	full_entry
full_entry:
	SAVE_PR				// the thread's, before FROM_THREAD tests
	;;
	FROM_THREAD
	cmp.eq	p7, p0 = 0, r29		// PL 0: in a gate page window
(p6)	br.cond.sptk.few 1f
	br.sptk.few kernel_interruption
	;;
1:	mov	r18 = ar.k7
	mov	r21 = cr.ipsr
	mov	r22 = cr.iip
(p7)	br.cond.spnt.few .Lcount_gate_window
	;;
.Lgate_window_counted:
	adds	r19 = TCB_FRAME + FR_PR, r18
	;;
	st8	[r19] = r27		// the thread's predicates (SAVE_PR)
	;;
	mov	r23 = cr.isr
	mov	r24 = cr.ifa
	adds	r19 = TCB_FRAME + FR_IPSR, r18
	adds	r20 = TCB_FRAME + FR_IFA, r18
	;;
	mov	r25 = cr.iim
	st8	[r19] = r21, FR_IIP - FR_IPSR
	st8	[r20] = r24, FR_IIM - FR_IFA
	;;
	st8	[r19] = r22, FR_IFS - FR_IIP
	st8	[r20] = r25, FR_VECTOR - FR_IIM
	adds	r21 = TCB_FRAME + FR_ISR, r18
	cover				// PSR.ic = 0: IFS = the interrupted CFM
	;;
	mov	r26 = cr.ifs
	st8	[r20] = r17
	mov	r27 = ar.rsc
	;;
	st8	[r19] = r26, FR_LOADRS - FR_IFS
	st8	[r21] = r23			// ISR
	mov	ar.rsc = r0		// enforced lazy before moving the backing store
	;;
	mov	r28 = ar.bspstore
	mov	r29 = ar.rnat
	adds	r30 = TCB_KBS, r18
	;;
	mov	ar.bspstore = r30	// the dirty registers move onto the kernel backing store
	;;
	mov	r31 = ar.bsp
	adds	r20 = TCB_FRAME + FR_RSC, r18
	adds	r21 = TCB_FRAME + FR_BSPSTORE, r18
	;;
	sub	r31 = r31, r30
	st8	[r20] = r27, FR_RNAT - FR_RSC
	st8	[r21] = r28, FR_PFS - FR_BSPSTORE
	mov	r22 = ar.pfs
	mov	r23 = ar.unat
	;;
	st8	[r19] = r31			// LOADRS
	st8	[r20] = r29			// RNAT
	mov	r25 = b0
	adds	r19 = TCB_FRAME + FR_UNAT, r18
	;;
	st8	[r21] = r22			// PFS
	st8	[r19] = r23
	adds	r20 = TCB_FRAME + FR_B0, r18
	;;
	st8	[r20] = r25
	adds	r19 = TCB_FRAME + 8, r18
	adds	r20 = TCB_FRAME + 16, r18
	;;
	st8.spill [r19] = r1, 16
	;;
	st8.spill [r20] = r2, 16
	;;
	st8.spill [r19] = r3, 16
	;;
	st8.spill [r20] = r4, 16
	;;
	st8.spill [r19] = r5, 16
	;;
	st8.spill [r20] = r6, 16
	;;
	st8.spill [r19] = r7, 16
	;;
	st8.spill [r20] = r8, 16
	;;
	st8.spill [r19] = r9, 16
	;;
	st8.spill [r20] = r10, 16
	;;
	st8.spill [r19] = r11, 16
	;;
	st8.spill [r20] = r12, 16
	;;
	st8.spill [r19] = r13, 16
	;;
	st8.spill [r20] = r14, 16
	;;
	st8.spill [r19] = r15, 16
	mov	r2 = r20		// &r16 for bank 1 (r2, r3 are saved)
	;;
	mov	r3 = r19		// &r17
	;;
	bsw.1
	;;
	st8.spill [r2] = r16, 16
	;;
	st8.spill [r3] = r17, 16
	;;
	st8.spill [r2] = r18, 16
	;;
	st8.spill [r3] = r19, 16
	;;
	st8.spill [r2] = r20, 16
	;;
	st8.spill [r3] = r21, 16
	;;
	st8.spill [r2] = r22, 16
	;;
	st8.spill [r3] = r23, 16
	;;
	st8.spill [r2] = r24, 16
	;;
	st8.spill [r3] = r25, 16
	;;
	st8.spill [r2] = r26, 16
	;;
	st8.spill [r3] = r27, 16
	;;
	st8.spill [r2] = r28, 16
	;;
	st8.spill [r3] = r29, 16
	;;
	st8.spill [r2] = r30
	;;
	st8.spill [r3] = r31
	;;
	mov	r16 = ar.unat		// the NaT bits of r1-r31
	mov	r17 = ar.k7
	mov	r20 = b1
	mov	r21 = b2
	;;
	adds	r18 = TCB_FRAME + FR_UNAT_SPILL, r17
	adds	r19 = TCB_FRAME + FR_B0 + 8, r17
	mov	r22 = b3
	mov	r23 = b4
	;;
	st8	[r18] = r16
	st8	[r19] = r20, 8
	mov	r24 = b5
	mov	r25 = b6
	;;
	st8	[r19] = r21, 8
	mov	r26 = b7
	mov	r27 = ar.lc
	;;
	st8	[r19] = r22, 8
	mov	r28 = ar.ec
	mov	r29 = ar.fpsr
	;;
	st8	[r19] = r23, 8
	mov	r30 = ar.ccv
	mov	r31 = ar.csd
	;;
	st8	[r19] = r24, 8
	mov	r16 = ar.ssd
	;;
	st8	[r19] = r25, 8
	;;
	st8	[r19] = r26, FR_LC - FR_B0 - 7 * 8
	;;
	st8	[r19] = r27, 8
	;;
	st8	[r19] = r28, 8
	;;
	st8	[r19] = r29, 8
	;;
	st8	[r19] = r30, 8
	;;
	st8	[r19] = r31, 8
	adds	r20 = TCB_FRAME + FR_IPSR, r17
	;;
	st8	[r19] = r16
	ld8	r20 = [r20]
	movl	r21 = KERNEL_PSR_L
	;;
	// The kernel keeps the thread's FP-partition bits (switch_to saves
	// them with PSR{31:0}) and turns collection back on.
	movl	r22 = PSR_DFL | PSR_DFH
	;;
	and	r20 = r20, r22
	adds	r12 = TCB_KSTACK, r17
	;;
	or	r20 = r20, r21
	;;
	mov	psr.l = r20
	;;
	srlz.d
	;;
	alloc	r2 = ar.pfs, 0, 0, 1, 0
	;;
	adds	out0 = TCB_FRAME, r17
	br.call.sptk.many b0 = interruption
	;;
	br.sptk.few full_exit
	;;

// Out of line, for kdb_statistics counter 2 (ivt.s): the tests' proof
// that interrupts hit the system-call stubs' PL 0 windows.  Uses r19, r20.
.Lcount_gate_window:
	movl	r19 = kernel_statistics + 16
	;;
	ld8	r20 = [r19]
	;;
	adds	r20 = 1, r20
	;;
	st8	[r19] = r20
	br.sptk.few .Lgate_window_counted
	;;

// What an interruption from the thread does once it is saved: an external
// interrupt preempts it (sched.s); everything else stops it (fault.s).
// in0 = the frame.
	.proc	interruption
interruption:
	alloc	loc0 = ar.pfs, 1, 2, 1, 0
	mov	loc1 = b0
	adds	r2 = FR_VECTOR, in0
	mov	r3 = VEC_EXTERNAL
	;;
	ld8	r2 = [r2]
	mov	out0 = in0
	;;
	cmp.eq	p6, p7 = r3, r2
	;;
	.pred.rel "mutex", p6, p7
(p6)	br.call.sptk.many b0 = preempt
(p7)	br.call.sptk.many b0 = thread_fault
	;;
	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	interruption

	.global	full_exit
full_exit:
	alloc	r2 = ar.pfs, 0, 0, 0, 0	// loadrs wants an empty frame
	mov	r17 = ar.k7
	;;
	adds	r18 = TCB_FRAME + FR_LOADRS, r17
	adds	r19 = TCB_FRAME + FR_BSPSTORE, r17
	adds	r20 = TCB_FRAME + FR_RNAT, r17
	;;
	ld8	r18 = [r18]
	ld8	r19 = [r19]
	;;
	ld8	r20 = [r20]
	shl	r18 = r18, 16
	;;
	mov	ar.rsc = r18		// RSC.loadrs, enforced lazy
	;;
	loadrs				// the thread's stacked registers are dirty again
	;;
	mov	ar.bspstore = r19	// and move back onto its own backing store
	;;
	mov	ar.rnat = r20
	adds	r19 = TCB_FRAME + FR_B0 + 8, r17
	;;
	ld8	r21 = [r19], 8
	;;
	ld8	r22 = [r19], 8
	mov	b1 = r21
	;;
	ld8	r23 = [r19], 8
	mov	b2 = r22
	;;
	ld8	r24 = [r19], 8
	mov	b3 = r23
	;;
	ld8	r25 = [r19], 8
	mov	b4 = r24
	;;
	ld8	r26 = [r19], 8
	mov	b5 = r25
	;;
	ld8	r27 = [r19], FR_LC - FR_B0 - 7 * 8
	mov	b6 = r26
	;;
	ld8	r28 = [r19], 8
	mov	b7 = r27
	;;
	ld8	r29 = [r19], 8
	mov	ar.lc = r28
	;;
	ld8	r30 = [r19], 8
	mov	ar.ec = r29
	;;
	ld8	r31 = [r19], 8
	mov	ar.fpsr = r30
	;;
	ld8	r16 = [r19], 8
	mov	ar.ccv = r31
	;;
	ld8	r18 = [r19]
	mov	ar.csd = r16
	adds	r20 = TCB_FRAME + FR_IPSR, r17
	;;
	mov	ar.ssd = r18
	ld8	r21 = [r20]
	mov	r22 = psr
	movl	r23 = ~(PSR_DFL | PSR_DFH)
	;;
	// The FP-partition bits come from the live PSR: the FP owner may have
	// changed since this frame was saved (fpu.s).
	movl	r24 = PSR_DFL | PSR_DFH
	and	r21 = r21, r23
	;;
	and	r22 = r22, r24
	;;
	or	r21 = r21, r22
	;;
	st8	[r20] = r21
	adds	r18 = TCB_FRAME + FR_UNAT_SPILL, r17
	adds	r2 = TCB_FRAME + 16 * 8, r17
	adds	r3 = TCB_FRAME + 17 * 8, r17
	;;
	ld8	r18 = [r18]
	rsm	PSR_IC			// the interruption registers become writable
	;;
	srlz.d
	mov	ar.unat = r18
	;;
	ld8.fill r16 = [r2], 16
	ld8.fill r17 = [r3], 16
	;;
	ld8.fill r18 = [r2], 16
	ld8.fill r19 = [r3], 16
	;;
	ld8.fill r20 = [r2], 16
	ld8.fill r21 = [r3], 16
	;;
	ld8.fill r22 = [r2], 16
	ld8.fill r23 = [r3], 16
	;;
	ld8.fill r24 = [r2], 16
	ld8.fill r25 = [r3], 16
	;;
	ld8.fill r26 = [r2], 16
	ld8.fill r27 = [r3], 16
	;;
	ld8.fill r28 = [r2], 16
	ld8.fill r29 = [r3], 16
	;;
	ld8.fill r30 = [r2]
	ld8.fill r31 = [r3]
	;;
	bsw.0
	;;
	mov	r16 = ar.k7
	;;
	adds	r17 = TCB_FRAME + FR_IPSR, r16
	adds	r18 = TCB_FRAME + FR_PR, r16
	adds	r19 = TCB_FRAME + FR_B0, r16
	adds	r20 = TCB_FRAME + FR_PFS, r16
	;;
	ld8	r21 = [r17], FR_IIP - FR_IPSR
	ld8	r22 = [r18]
	;;
	ld8	r23 = [r17], FR_IFS - FR_IIP
	ld8	r24 = [r19]
	;;
	ld8	r25 = [r17]
	ld8	r26 = [r20]
	adds	r27 = TCB_FRAME + FR_UNAT, r16
	adds	r28 = TCB_FRAME + FR_RSC, r16
	;;
	mov	cr.ipsr = r21
	mov	cr.iip = r23
	ld8	r27 = [r27]
	ld8	r28 = [r28]
	;;
	mov	cr.ifs = r25
	mov	pr = r22, -1
	mov	b0 = r24
	adds	r17 = TCB_FRAME + 8, r16
	adds	r18 = TCB_FRAME + 4 * 8, r16
	;;
	mov	ar.pfs = r26
	ld8.fill r1 = [r17], 32		// r1, r5, r9, r13
	ld8.fill r4 = [r18], 32		// r4, r8, r12
	adds	r19 = TCB_FRAME + 6 * 8, r16
	adds	r20 = TCB_FRAME + 7 * 8, r16
	;;
	ld8.fill r5 = [r17], 32
	ld8.fill r6 = [r19], 32		// r6, r10, r14
	;;
	ld8.fill r7 = [r20], 32		// r7, r11, r15
	ld8.fill r8 = [r18], 32
	;;
	ld8.fill r9 = [r17], 32
	ld8.fill r10 = [r19], 32
	;;
	ld8.fill r11 = [r20], 32
	ld8.fill r12 = [r18]
	;;
	ld8.fill r13 = [r17]
	ld8.fill r14 = [r19]
	adds	r17 = TCB_FRAME + 2 * 8, r16
	adds	r18 = TCB_FRAME + 3 * 8, r16
	;;
	ld8.fill r15 = [r20]
	ld8.fill r2 = [r17]
	;;
	ld8.fill r3 = [r18]
	;;
	mov	ar.unat = r27
	mov	ar.rsc = r28
	;;
	rfi
	;;

// A kernel bug: an interruption from kernel code.  Prints what the
// interruption registers say and ends the machine (exit code 0x7f, as on
// the other ports).  Runs on its own backing store and stack.
	.global	kernel_interruption
kernel_interruption:
	mov	r18 = cr.ipsr
	mov	r19 = cr.iip
	mov	r20 = cr.isr
	mov	r21 = cr.ifa
	;;
	movl	r22 = panic_regs
	;;
	st8	[r22] = r17, 8
	;;
	st8	[r22] = r19, 8
	;;
	st8	[r22] = r18, 8
	;;
	st8	[r22] = r20, 8
	;;
	st8	[r22] = r21
	mov	ar.rsc = r0
	;;
	movl	r23 = panic_bs
	;;
	mov	ar.bspstore = r23
	;;
	loadrs				// RSC.loadrs = 0: drop what was dirty
	;;
	bsw.1
	;;
	alloc	r2 = ar.pfs, 0, 2, 0, 0
	movl	loc0 = panic_regs
	movl	loc1 = panic_names
	;;
1:	ld8	r14 = [loc1], 8
	;;
	cmp.eq	p6, p0 = 0, r14
(p6)	br.cond.dpnt.few 2f
	br.call.sptk.many b0 = kputs
	;;
	ld8	r14 = [loc0], 8
	br.call.sptk.many b0 = kputhex
	;;
	br.cond.sptk.few 1b
2:	movl	r14 = panic_end
	br.call.sptk.many b0 = kputs
	;;
	mov	r14 = 0x7f
	br.call.sptk.many b0 = board_exit
	;;

	.section .rodata
panic_vector:	.asciz	"PANIC: kernel interruption, vector "
panic_iip:	.asciz	" at ip "
panic_ipsr:	.asciz	" psr "
panic_isr:	.asciz	" isr "
panic_ifa:	.asciz	" ifa "
panic_end:	.asciz	"\n"
	.align	8
panic_names:
	data8	panic_vector, panic_iip, panic_ipsr, panic_isr, panic_ifa, 0

	.bss
	.align	512
panic_bs:	.skip	4096
panic_regs:	.skip	5 * 8
