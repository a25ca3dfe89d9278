// Lazy FP registers (seed 003, "FPU Context Switching": lock on switch,
// unlock at first use).  f0 and f1 are constants; f2-f31 (the low
// partition) and f32-f127 (the high partition, 1.5 KiB) each have an owner
// whose values are in the registers.  Every other thread runs with
// PSR.dfl / PSR.dfh set, so its first access raises a Disabled FP
// Register fault (SDM vol 2 sec 3.3.2, vector 0x5500; ISR.code bit 0 for
// the low and bit 1 for the high partition).  The handler stores the
// owner's partition in the owner's TCB (stf.spill: 16 bytes a register),
// marks the owner's saved PSR so it traps next time, loads the current
// thread's partition and returns with the bit clear.  The kernel itself
// never touches an FP register.
//
// Register contract: fpu_switch is entered from ivt.s in bank 0 with
// PSR.ic = 0; it uses bank-0 r16-r31, p6-p11 and, of the thread's state,
// only the FP registers it switches.  fpu_forget (in r14 = a dying TCB)
// drops a dead thread's ownership; clobbers r2, r3, p6.
	.explicit
	.altmacro
	.include "layout.inc"
	.include "cpu.inc"
	.include "interruption.inc"
	.text

	.macro	SPILL2 a, b
	stf.spill [r20] = f\a, 32
	stf.spill [r21] = f\b, 32
	;;
	.endm
	.macro	FILL2 a, b
	ldf.fill f\a = [r20], 32
	ldf.fill f\b = [r21], 32
	;;
	.endm

// Hand partition f\first..f\last (\area in the TCB, \bit in PSR) to the
// current thread (r17).
	.macro	TAKE owner, area, first, last, bit
	movl	r18 = \owner
	movl	r24 = \bit
	;;
	ld8	r19 = [r18]
	;;
	cmp.eq	p10, p0 = r0, r19	// no owner: nothing to store
	cmp.eq	p11, p0 = r17, r19	// already ours: nothing to move
(p11)	br.cond.spnt.few 8f
	;;
(p10)	br.cond.spnt.few 7f
	adds	r20 = \area, r19
	adds	r21 = \area + 16, r19
	;;
	.set	n, \first
	.rept	(\last - \first + 1) / 2
	SPILL2	%n, %(n + 1)
	.set	n, n + 2
	.endr
	adds	r22 = TCB_PSR, r19
	;;
	ld8	r23 = [r22]
	;;
	or	r23 = r23, r24
	;;
	st8	[r22] = r23
7:	adds	r20 = \area, r17
	adds	r21 = \area + 16, r17
	;;
	.set	n, \first
	.rept	(\last - \first + 1) / 2
	FILL2	%n, %(n + 1)
	.set	n, n + 2
	.endr
	st8	[r18] = r17
	movl	r26 = kernel_statistics + 8
	;;
	ld8	r20 = [r26]
	;;
	adds	r20 = 1, r20
	;;
	st8	[r26] = r20
8:	mov	r25 = cr.ipsr
	;;
	andcm	r25 = r25, r24
	;;
	mov	cr.ipsr = r25
	;;
	srlz.d
	;;
	.endm

	.global	fpu_switch
fpu_switch:
	SAVE_PR
	;;
	FROM_THREAD
(p6)	br.cond.sptk.few 1f
	mov	r17 = VEC_DISABLED_FP
	br.sptk.few kernel_interruption
	;;
1:	mov	r16 = cr.isr
	mov	r17 = ar.k7
	;;
	tbit.z	p8, p0 = r16, 0
	;;
(p8)	br.cond.sptk.few 2f
	TAKE	fpu_owner_low, TCB_FP_LOW, 2, 31, PSR_DFL
2:	tbit.z	p9, p0 = r16, 1
	;;
(p9)	br.cond.sptk.few 3f
	TAKE	fpu_owner_high, TCB_FP_HIGH, 32, 127, PSR_DFH
3:	RESTORE_PR
	;;
	rfi
	;;

	.global	fpu_forget
	.proc	fpu_forget
fpu_forget:
	movl	r2 = fpu_owner_low
	;;
	ld8	r3 = [r2]
	;;
	cmp.eq	p6, p0 = r3, r14
	;;
(p6)	st8	[r2] = r0
	movl	r2 = fpu_owner_high
	;;
	ld8	r3 = [r2]
	;;
	cmp.eq	p6, p0 = r3, r14
	;;
(p6)	st8	[r2] = r0
	br.ret.sptk.many b0
	;;
	.endp	fpu_forget

	.data
	.align	8
	.global	fpu_owner_low, fpu_owner_high
fpu_owner_low:	data8	0
fpu_owner_high:	data8	0
