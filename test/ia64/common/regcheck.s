// Checking a register snapshot (regcheck.inc) and a deep call chain
// around an IPC or a stretch of preemptible nothing.
//
// Register contract: the IA-64 software conventions (br.call b0; in0..;
// result r8; callee-saved registers preserved; rc_leaks uses the scratch
// FP registers f6-f8).
	.include "user.inc"
	.include "regcheck.inc"
	.text

// rc_check(actual, seed, mask, sp, fpsr) -> r8 = 0 when the snapshot
// holds what SET_STATE(seed) gave the registers under the mask
// (rc_mask_ipc or rc_mask_all), with the buffer pointer, stack pointer
// and FP status register as given, and SNAPSHOT found the FP registers
// right (both modes: the kernel keeps all of them, lazily); else 1.
	.global	rc_check
	.proc	rc_check
rc_check:
	alloc	r2 = ar.pfs, 5, 0, 0, 0
	mov	r23 = ar.lc		// preserved (software conventions)
	movl	r3 = RC_STRIDE
	mov	r8 = 0			// or of all the differences
	mov	r9 = in1		// slot 0's value
	mov	r10 = in0
	mov	r11 = in2
	mov	r14 = 46 / 2 - 1	// slots 0-45 with their masks, two at a time
	;;
	mov	ar.lc = r14
	adds	r17 = 8, in0
	adds	r18 = 8, in2
	add	r19 = r9, r3		// slot 1's value
	add	r20 = r3, r3
	;;
1:	ld8	r15 = [r10], 16
	ld8	r16 = [r11], 16
	;;
	ld8	r21 = [r17], 16
	ld8	r22 = [r18], 16
	xor	r15 = r15, r9
	;;
	and	r15 = r15, r16
	xor	r21 = r21, r19
	add	r9 = r9, r20
	;;
	and	r21 = r21, r22
	or	r8 = r8, r15
	add	r19 = r19, r20
	;;
	or	r8 = r8, r21
	br.cloop.sptk.few 1b
	;;
	// The slots the mask tables leave to be checked here: 3, 12, 40, 44, 45.
	adds	r10 = 3 * 8, in0
	adds	r11 = 12 * 8, in0
	adds	r14 = RC_BUF_PTR, in0
	adds	r17 = 46 * 8, in2	// pr's mask
	;;
	ld8	r15 = [r10]
	ld8	r16 = [r11]
	adds	r10 = 40 * 8, in0
	adds	r11 = 44 * 8, in0
	;;
	xor	r15 = r15, r14
	xor	r16 = r16, in3
	ld8	r17 = [r17]
	;;
	or	r8 = r8, r15
	movl	r18 = 40 * RC_STRIDE
	movl	r19 = 44 * RC_STRIDE
	;;
	or	r8 = r8, r16
	add	r18 = r18, in1
	add	r19 = r19, in1
	;;
	ld8	r15 = [r10]
	ld8	r16 = [r11], 8
	or	r18 = 1, r18		// p0 reads as 1
	and	r19 = 63, r19		// EC has six bits
	;;
	xor	r15 = r15, r18
	xor	r16 = r16, r19
	ld8	r20 = [r11]		// 45: ar.fpsr
	;;
	and	r15 = r15, r17
	xor	r20 = r20, in4
	;;
	or	r8 = r8, r15
	;;
	or	r8 = r8, r16
	;;
	or	r8 = r8, r20
	adds	r10 = 47 * 8, in0	// CHECK_FP's verdict
	;;
	ld8	r10 = [r10]
	;;
	or	r8 = r8, r10
	;;
	cmp.ne	p7, p0 = 0, r8
	mov	r8 = 0
	;;
(p7)	mov	r8 = 1
	mov	ar.pfs = r2
	mov	ar.lc = r23
	br.ret.sptk.many b0
	;;
	.endp	rc_check

// The masks for slots 0-45: RC_MASK_IPC keeps what the Ipc ABI preserves:
// r1, r4-r7, r13, b1-b5, p1-p5 and p16-p63, ar.lc, ar.unat, ar.ec and
// ar.fpsr (and, checked apart, r12 and every FP register); RC_MASK_ALL
// everything.  Slots 3, 12, 40, 44 and 45 are 0 in both: rc_check compares
// them apart, with the predicate mask in (otherwise unused) slot 46.
	.macro	RC_MASK_SLOT s, ipc
	.if	(\s == 0) || (\s == 3) || (\s == 12) || (\s == 40) || (\s == 44) || (\s == 45) || (\s == 47)
	data8	0
	.elseif	\s == 46
	.if	\ipc
	data8	0xffffffffffff003e
	.else
	data8	-1
	.endif
	.elseif	\ipc
	.if	(\s == 1) || ((\s >= 4) && (\s <= 7)) || (\s == 13) || ((\s >= 33) && (\s <= 37)) || (\s == 41) || (\s == 42)
	data8	-1
	.else
	data8	0
	.endif
	.else
	data8	-1
	.endif
	.endm

	.section .rodata
	.align	8
	.global	rc_mask_ipc, rc_mask_all
rc_mask_ipc:
	.set	rc_s, 0
	.rept	48
	RC_MASK_SLOT rc_s, 1
	.set	rc_s, rc_s + 1
	.endr
rc_mask_all:
	.set	rc_s, 0
	.rept	48
	RC_MASK_SLOT rc_s, 0
	.set	rc_s, rc_s + 1
	.endr

	.text
// rc_leaks(actual, seed) -> r8 = scratch registers (r2, r8, r10, r11,
// r14-r31, b6, b7, ar.ccv) in the snapshot that hold the value
// SET_STATE(seed) gives them: after an IPC, with the partner's seed, such
// a register carried the partner's value across.
	.global	rc_leaks
	.proc	rc_leaks
rc_leaks:
	alloc	r2 = ar.pfs, 2, 0, 0, 0
	mov	r8 = 0
	movl	r9 = rc_scratch_slots
	movl	r3 = RC_STRIDE
	;;
1:	ld8	r10 = [r9], 8
	;;
	cmp.eq	p6, p0 = 0, r10
	shladd	r11 = r10, 3, in0
	setf.sig f6 = r10		// slot * RC_STRIDE through the multiplier
	setf.sig f7 = r3
(p6)	br.cond.spnt.few 2f
	;;
	xma.l	f8 = f6, f7, f0
	ld8	r11 = [r11]
	;;
	getf.sig r14 = f8
	;;
	add	r14 = r14, in1
	;;
	cmp.eq	p7, p0 = r11, r14
	;;
(p7)	adds	r8 = 1, r8
	br.cond.sptk.few 1b
	;;
2:	mov	ar.pfs = r2
	br.ret.sptk.many b0
	;;
	.endp	rc_leaks

	.data
	.align	8
	.global	rc_inject_gap
rc_inject_gap:	data8	0
	.section .rodata
	.align	8
rc_scratch_slots:
	data8	2, 8, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	data8	38, 39, 43, 0
	.text

// rc_round(seed, msg, buffer, busy, fpsr): rc_deep(RC_DEPTH, ...), then
// rc_check of the snapshot with RC_MASK_ALL after a busy stretch (busy 1)
// or RC_MASK_IPC after the Ipc (busy 0 and 2).  r8 = changed call-chain locals, r9 = 1 when
// a register differed.
	.global	rc_round
	.proc	rc_round
rc_round:
	alloc	loc0 = ar.pfs, 5, 3, 5, 0
	mov	loc1 = b0
	;;
	mov	out0 = RC_DEPTH
	mov	out1 = in0
	mov	out2 = in1
	mov	out3 = in2
	mov	out4 = in3
	br.call.sptk.many b0 = rc_deep
	;;
	mov	loc2 = r8
	mov	out0 = in2
	mov	out1 = in0
	movl	out2 = rc_mask_ipc
	cmp.eq	p6, p0 = 1, in3
	;;
(p6)	movl	out2 = rc_mask_all
	mov	out3 = r12
	mov	out4 = in4
	br.call.sptk.many b0 = rc_check
	;;
	mov	r9 = r8
	mov	r8 = loc2
	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	rc_round

// check_p6(name): a test case whose outcome is p6 (lib.s's check).
	.global	check_p6
	.proc	check_p6
check_p6:
	alloc	loc0 = ar.pfs, 1, 2, 2, 0
	mov	loc1 = b0
	mov	out0 = in0
	mov	out1 = 0
	;;
(p6)	mov	out1 = 1
	br.call.sptk.many b0 = check
	;;
	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	check_p6

// rc_deep(depth, seed, msg, buffer, busy): a call chain depth frames deep
// (each with eight locals it checks on the way back, so the register
// stack spills and fills through whatever happens at the bottom), then
// at the bottom SET_STATE(seed, buffer), then either the Ipc msg
// describes (busy = 0) or ~300 instructions of nothing (busy != 0), then
// SNAPSHOT into buffer; busy = 2 is the Ipc with one injected interrupt
// rc_inject_gap instructions after SET_STATE (the root space only).
// r8 = locals found changed.
	.global	rc_deep
	.proc	rc_deep
rc_deep:
	alloc	loc0 = ar.pfs, 5, 11, 8, 0
	mov	loc1 = b0
	mov	loc2 = 0
	shl	r8 = in0, 8
	;;
	xor	loc3 = r8, in1		// the locals: seed ^ depth << 8, plus 0..7
	;;
	adds	loc4 = 1, loc3
	adds	loc5 = 2, loc3
	adds	loc6 = 3, loc3
	adds	loc7 = 4, loc3
	adds	loc8 = 5, loc3
	adds	loc9 = 6, loc3
	adds	loc10 = 7, loc3
	cmp.eq	p6, p0 = 0, in0
(p6)	br.cond.spnt.few rc_bottom
	;;
	adds	out0 = -1, in0
	mov	out1 = in1
	mov	out2 = in2
	mov	out3 = in3
	mov	out4 = in4
	br.call.sptk.many b0 = rc_deep
	;;
	mov	loc2 = r8
	shl	r8 = in0, 8
	;;
	xor	r8 = r8, in1
	;;
	cmp.ne	p7, p0 = loc3, r8
	adds	r9 = 1, r8
	adds	r10 = 2, r8
	adds	r11 = 3, r8
	adds	r14 = 4, r8
	adds	r15 = 5, r8
	adds	r16 = 6, r8
	adds	r17 = 7, r8
	;;
	cmp.ne.or p7, p0 = loc4, r9
	cmp.ne.or p7, p0 = loc5, r10
	cmp.ne.or p7, p0 = loc6, r11
	cmp.ne.or p7, p0 = loc7, r14
	cmp.ne.or p7, p0 = loc8, r15
	cmp.ne.or p7, p0 = loc9, r16
	cmp.ne.or p7, p0 = loc10, r17
	;;
(p7)	adds	loc2 = 1, loc2
	;;
	mov	r8 = loc2
	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;

rc_bottom:				// copies: a test after SET_STATE would change a predicate
	cmp.eq	p6, p0 = 1, in4
	cmp.eq	p7, p0 = 2, in4
(p6)	br.cond.spnt.few 2f
	;;
(p7)	br.cond.spnt.few 4f
	SET_STATE in1, in3
5:	adds	r14 = RC_MSG_MR, in2
	;;
	ld8	out0 = [r14], 8
	;;
	ld8	out1 = [r14], 8
	;;
	ld8	out2 = [r14], 8
	;;
	ld8	out3 = [r14], 8
	;;
	ld8	out4 = [r14], 8
	;;
	ld8	out5 = [r14], 8
	;;
	ld8	out6 = [r14], 8
	;;
	ld8	out7 = [r14]
	adds	r15 = RC_MSG_FROM_SPEC, in2
	adds	r16 = RC_MSG_TIMEOUTS, in2
	;;
	ld8	r14 = [in2]
	ld8	r15 = [r15]
	;;
	ld8	r16 = [r16]
	;;
	SYSCALL	stub_ipc
	adds	r3 = RC_MSG_FROM, in2	// r3 is no register the snapshot judges
	;;
	st8	[r3] = r9		// from: SNAPSHOT needs r9
	adds	r3 = RC_BUF_PTR, in3
	;;
	SNAPSHOT in1
	adds	r15 = RC_MSG_MR, in2
	;;
	st8	[r15] = out0, 8
	;;
	st8	[r15] = out1, 8
	;;
	st8	[r15] = out2, 8
	;;
	st8	[r15] = out3, 8
	;;
	st8	[r15] = out4, 8
	;;
	st8	[r15] = out5, 8
	;;
	st8	[r15] = out6, 8
	;;
	st8	[r15] = out7
	br.cond.sptk.few 3f
	;;
4:	SET_STATE in1, in3
	movl	r14 = rc_inject_gap	// busy = 2: one interrupt that many instructions on
	;;
	ld8	r14 = [r14]
	;;
	KDB_INJECT_ONCE
	br.cond.sptk.few 5b
	;;
2:	SET_STATE in1, in3
	.rept	100
	nop.m	0
	nop.i	0
	nop.i	0
	;;
	.endr
	SNAPSHOT in1
3:	mov	r8 = 0
	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	rc_deep
