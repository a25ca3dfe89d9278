// The ping-pong suite's server (thread 129.1, space 2; see pingpong.s):
// replies to each request and waits for the next in one Ipc from the
// bottom of a deep call chain, with its own registers set from a seed
// derived from the request; checks every request, its preserved
// registers after each Ipc and (every 16th) that its scratch registers
// do not hold the client's values.  The DONE request gets the counts.
	.include "user.inc"
	.include "regcheck.inc"
	PROGRAM	1
	THREAD	main, main_sp, main_bs
	.equ	DEPTH, 6
	.equ	SERVER_XOR, 0x5a5aa5a5c3c33c3c
	.equ	REPLY_XOR, 0x1111111111111111
	.equ	DONE_LABEL, 0xd0e
	.text
main:
	alloc	loc0 = ar.pfs, 0, 14, 8, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	mov	loc1 = ar.fpsr
	mov	loc2 = 0		// requests served
	mov	loc4 = 0		// Ipcs with changed preserved registers
	mov	loc5 = 0		// wrong requests
	mov	loc6 = 0		// changed locals
	mov	loc7 = 0		// scratch registers holding the client's values
	movl	loc8 = msg
	movl	loc9 = snap
	mov	r14 = NILTHREAD		// the first request: receive from anyone
	mov	r15 = ANYTHREAD
	mov	r16 = TIMEOUT_NEVER
	;;
	SYSCALL	stub_ipc
	adds	r2 = RC_MSG_FROM, loc8
	adds	r3 = RC_MSG_MR, loc8
	;;
	st8	[r2] = r9
	.irp	o, out0, out1, out2, out3, out4, out5, out6, out7
	st8	[r3] = \o, 8
	;;
	.endr
request:
	adds	r2 = RC_MSG_FROM, loc8
	adds	r3 = RC_MSG_MR, loc8
	;;
	ld8	r2 = [r2]
	ld8	r8 = [r3], 8		// MR0
	;;
	ld8	loc3 = [r3], 8		// MR1 = the client's seed
	shr.u	r9 = r8, 16
	movl	r10 = DONE_LABEL
	;;
	cmp.eq	p6, p0 = r9, r10
(p6)	br.cond.spnt.few done
	TID	r14, 0
	extr.u	r11 = loc2, 0, 8
	;;
	cmp.ne	p7, p0 = r2, r14	// from the client
	adds	r11 = 0x100, r11
	;;
	shl	r11 = r11, 16
	;;
	adds	r11 = 7, r11
	;;
	cmp.ne.or p7, p0 = r11, r8	// its tag
	mov	r9 = 2
	;;
1:	ld8	r10 = [r3], 8		// MR k = seed + k
	add	r11 = loc3, r9
	adds	r9 = 1, r9
	;;
	cmp.ne.or p7, p0 = r10, r11
	cmp.geu	p8, p0 = 7, r9
(p8)	br.cond.sptk.few 1b
	;;
(p7)	adds	loc5 = 1, loc5
	// The reply: label 0x2xx, MR k ^= k * REPLY_XOR; then wait for anyone.
	TID	r14, 0
	adds	r2 = RC_MSG_FROM_SPEC, loc8
	adds	r3 = RC_MSG_TIMEOUTS, loc8
	;;
	st8	[loc8] = r14
	mov	r8 = ANYTHREAD
	;;
	st8	[r2] = r8
	st8	[r3] = r0
	extr.u	r11 = loc2, 0, 8
	adds	r3 = RC_MSG_MR, loc8
	;;
	adds	r11 = 0x200, r11
	;;
	shl	r11 = r11, 16
	;;
	adds	r11 = 7, r11
	;;
	st8	[r3] = r11, 8
	movl	r10 = REPLY_XOR
	;;
	mov	r16 = r10
	mov	r9 = 1
	;;
2:	ld8	r11 = [r3]
	;;
	xor	r11 = r11, r16
	add	r16 = r16, r10
	adds	r9 = 1, r9
	;;
	st8	[r3] = r11, 8
	cmp.geu	p8, p0 = 7, r9
(p8)	br.cond.sptk.few 2b
	;;
	movl	r2 = SERVER_XOR
	;;
	xor	loc11 = loc3, r2	// this reply's state
	;;
	mov	out0 = DEPTH
	mov	out1 = loc11
	mov	out2 = loc8
	mov	out3 = loc9
	mov	out4 = 0
	br.call.sptk.many b0 = rc_deep	// reply, and the next request comes back
	;;
	add	loc6 = loc6, r8
	mov	out0 = loc9
	mov	out1 = loc11
	movl	out2 = rc_mask_ipc
	mov	out3 = r12
	mov	out4 = loc1
	br.call.sptk.many b0 = rc_check
	;;
	cmp.ne	p6, p0 = 0, r8
	and	r2 = 15, loc2
	;;
(p6)	adds	loc4 = 1, loc4
	cmp.ne	p9, p0 = 0, r2
(p9)	br.cond.sptk.few 3f
	adds	r2 = RC_MSG_MR + 8, loc8	// the client's state for its new request
	;;
	ld8	out1 = [r2]
	mov	out0 = loc9
	br.call.sptk.many b0 = rc_leaks
	;;
	add	loc7 = loc7, r8
3:	adds	loc2 = 1, loc2
	br.cond.sptk.many request
	;;

// Send the counts (MR1-MR5) and then wait for nothing ever again: a
// closed receive from itself.
done:
	TID	r14, 0
	adds	r2 = RC_MSG_FROM_SPEC, loc8
	adds	r3 = RC_MSG_MR, loc8
	;;
	st8	[loc8] = r14
	st8	[r2] = r0		// send only
	movl	r8 = (DONE_LABEL << 16) | 5
	;;
	st8	[r3] = r8, 8
	;;
	st8	[r3] = loc4, 8
	;;
	st8	[r3] = loc5, 8
	;;
	st8	[r3] = loc6, 8
	;;
	st8	[r3] = loc2, 8
	;;
	st8	[r3] = loc7, 8
	mov	out0 = 0
	mov	out1 = loc3
	mov	out2 = loc8
	mov	out3 = loc9
	mov	out4 = 0
	br.call.sptk.many b0 = rc_deep
	;;
	mov	r14 = NILTHREAD
	mov	r15 = ar.k5
	mov	r16 = TIMEOUT_NEVER
	;;
	SYSCALL	stub_ipc
	br.cond.sptk.few done
	;;

	.data
	.align	8
msg:	.skip	RC_MSG_SIZE
	.align	16
snap:	.skip	RC_SLOTS * 8
	STACKS	main
