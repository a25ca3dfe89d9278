// The request/reply protocol of the ping-pong and preemption suites: a
// client calls a server with a tag (label 0x100 + round, seven untyped
// words: the seed, then seed + k) and gets back label 0x200 + round and
// each word k xor k * RC_REPLY_XOR; the DONE label ends it and the reply
// carries the server's counts.  The server runs each reply-and-wait from
// the bottom of rc_deep with its registers set from seed ^ RC_SERVER_XOR
// and checks everything around it (regcheck.inc).
//
// Register contract: the IA-64 software conventions.
	.include "user.inc"
	.include "regcheck.inc"
	.text

// rc_request(msg, server, round, seed): a call to server.
	.global	rc_request
	.proc	rc_request
rc_request:
	alloc	r2 = ar.pfs, 4, 0, 0, 0
	adds	r3 = RC_MSG_FROM_SPEC, in0
	adds	r8 = RC_MSG_TIMEOUTS, in0
	extr.u	r9 = in2, 0, 8
	;;
	st8	[in0] = in1
	st8	[r3] = in1
	adds	r9 = 0x100, r9
	adds	r3 = RC_MSG_MR, in0
	;;
	st8	[r8] = r0
	shl	r9 = r9, 16
	;;
	adds	r9 = 7, r9
	;;
	st8	[r3] = r9, 8
	;;
	st8	[r3] = in3, 8		// MR1 = seed
	mov	r9 = 2
	;;
1:	add	r10 = in3, r9		// MR k = seed + k
	adds	r9 = 1, r9
	;;
	st8	[r3] = r10, 8
	cmp.geu	p6, p0 = 7, r9
(p6)	br.cond.sptk.few 1b
	;;
	mov	ar.pfs = r2
	br.ret.sptk.many b0
	;;
	.endp	rc_request

// rc_reply_ok(msg, server, round, seed) -> r8 = 1 when msg holds the
// server's reply to that request.
	.global	rc_reply_ok
	.proc	rc_reply_ok
rc_reply_ok:
	alloc	r2 = ar.pfs, 4, 0, 0, 0
	adds	r3 = RC_MSG_FROM, in0
	adds	r8 = RC_MSG_MR, in0
	extr.u	r9 = in2, 0, 8
	;;
	ld8	r3 = [r3]
	ld8	r10 = [r8], 8		// MR0
	adds	r9 = 0x200, r9
	;;
	cmp.ne	p7, p0 = r3, in1
	shl	r9 = r9, 16
	;;
	adds	r9 = 7, r9
	movl	r11 = RC_REPLY_XOR
	mov	r14 = 1
	;;
	cmp.ne.or p7, p0 = r9, r10
	mov	r15 = in3		// request MR1
	mov	r16 = r11		// k * RC_REPLY_XOR
	;;
2:	ld8	r9 = [r8], 8
	xor	r10 = r15, r16
	;;
	cmp.ne.or p7, p0 = r9, r10
	adds	r14 = 1, r14
	add	r16 = r16, r11
	;;
	add	r15 = in3, r14
	cmp.geu	p8, p0 = 7, r14
(p8)	br.cond.sptk.few 2b
	;;
	mov	r8 = 1
	;;
(p7)	mov	r8 = 0
	mov	ar.pfs = r2
	br.ret.sptk.many b0
	;;
	.endp	rc_reply_ok

// rc_call(msg, snap, server, round, seed, fpsr, inject): one checked call
// to server from the bottom of rc_round (RC_MASK_IPC; inject != 0: with
// the interrupt of rc_deep's busy = 2): r8 = changed call-chain locals,
// r9 = 1 when a preserved register differed, r10 = 1 when the reply was
// right.
	.global	rc_call
	.proc	rc_call
rc_call:
	alloc	loc0 = ar.pfs, 7, 4, 5, 0
	mov	loc1 = b0
	mov	out0 = in0
	mov	out1 = in2
	mov	out2 = in3
	mov	out3 = in4
	;;
	br.call.sptk.many b0 = rc_request
	;;
	mov	out0 = in4
	mov	out1 = in0
	mov	out2 = in1
	mov	out3 = 0
	mov	out4 = in5
	cmp.ne	p6, p0 = 0, in6
	;;
(p6)	mov	out3 = 2
	br.call.sptk.many b0 = rc_round
	;;
	mov	loc2 = r8
	mov	loc3 = r9
	mov	out0 = in0
	mov	out1 = in2
	mov	out2 = in3
	mov	out3 = in4
	br.call.sptk.many b0 = rc_reply_ok
	;;
	mov	r10 = r8
	mov	r8 = loc2
	mov	r9 = loc3
	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	rc_call

// rc_serve(client, busy): the server; never returns.  With busy != 0 each
// request also gets a preemptible stretch checked with RC_MASK_ALL.  The
// DONE reply: MR1 Ipcs after which preserved registers differed, MR2
// wrong requests, MR3 changed call-chain locals, MR4 requests served, MR5
// scratch registers holding the client's values, MR6 busy stretches
// after which registers differed.
	.global	rc_serve
	.proc	rc_serve
rc_serve:
	alloc	loc0 = ar.pfs, 2, 14, 8, 0
	;;
	mov	loc1 = ar.fpsr
	mov	loc2 = 0		// requests served
	mov	loc4 = 0		// Ipcs with changed preserved registers
	mov	loc5 = 0		// wrong requests
	mov	loc6 = 0		// changed locals
	mov	loc7 = 0		// scratch registers holding the client's values
	mov	loc12 = 0		// busy stretches with changed registers
	movl	loc8 = serve_msg
	movl	loc9 = serve_snap
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
	movl	r10 = RC_DONE_LABEL
	;;
	cmp.eq	p6, p0 = r9, r10
(p6)	br.cond.spnt.few done
	extr.u	r11 = loc2, 0, 8
	;;
	cmp.ne	p7, p0 = r2, in0	// from the client
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
	cmp.eq	p6, p0 = 0, in1
	movl	r2 = RC_SERVER_XOR
	;;
	xor	loc11 = loc3, r2	// this reply's state
(p6)	br.cond.sptk.few 4f
	;;
	adds	out0 = 1, loc11		// a preemptible stretch first
	mov	out1 = loc8
	mov	out2 = loc9
	mov	out3 = 1
	mov	out4 = loc1
	br.call.sptk.many b0 = rc_round
	;;
	add	loc6 = loc6, r8
	add	loc12 = loc12, r9
4:	// The reply: label 0x2xx, MR k ^= k * RC_REPLY_XOR; then wait for anyone.
	adds	r2 = RC_MSG_FROM_SPEC, loc8
	adds	r3 = RC_MSG_TIMEOUTS, loc8
	;;
	st8	[loc8] = in0
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
	movl	r10 = RC_REPLY_XOR
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
	mov	out0 = loc11
	mov	out1 = loc8
	mov	out2 = loc9
	mov	out3 = 0
	mov	out4 = loc1
	br.call.sptk.many b0 = rc_round	// reply, and the next request comes back
	;;
	add	loc6 = loc6, r8
	add	loc4 = loc4, r9
	and	r2 = 15, loc2
	;;
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

// Send the counts and then wait for nothing ever again: a closed receive
// from itself.
done:
	adds	r2 = RC_MSG_FROM_SPEC, loc8
	adds	r3 = RC_MSG_MR, loc8
	;;
	st8	[loc8] = in0
	st8	[r2] = r0		// send only
	movl	r8 = (RC_DONE_LABEL << 16) | 6
	;;
	st8	[r3] = r8, 8
	;;
	.irp	v, loc4, loc5, loc6, loc2, loc7, loc12
	st8	[r3] = \v, 8
	;;
	.endr
	mov	out0 = 0
	mov	out1 = loc3
	mov	out2 = loc8
	mov	out3 = loc9
	mov	out4 = 0
	br.call.sptk.many b0 = rc_deep
	;;
5:	mov	r14 = NILTHREAD
	mov	r15 = ar.k5
	mov	r16 = TIMEOUT_NEVER
	;;
	SYSCALL	stub_ipc
	br.cond.sptk.few 5b
	;;
	.endp	rc_serve

// rc_churn(boss, seed, snap, msg): preemptible stretches checked with
// RC_MASK_ALL, forever, until the boss calls: the reply carries MR1
// stretches with changed registers, MR2 changed call-chain locals, MR3
// stretches done.  Never returns.
	.global	rc_churn
	.proc	rc_churn
rc_churn:
	alloc	loc0 = ar.pfs, 4, 6, 8, 0
	;;
	mov	loc1 = ar.fpsr
	mov	loc2 = 0		// stretches with changed registers
	mov	loc3 = 0		// changed locals
	mov	loc4 = 0		// stretches
	mov	loc5 = in1		// the seed
	;;
1:	XORSHIFT loc5
	mov	out0 = loc5
	mov	out1 = in3
	mov	out2 = in2
	mov	out3 = 1
	mov	out4 = loc1
	br.call.sptk.many b0 = rc_round
	;;
	add	loc3 = loc3, r8
	add	loc2 = loc2, r9
	adds	loc4 = 1, loc4
	mov	r14 = NILTHREAD		// has the boss called? (zero receive timeout)
	mov	r15 = in0
	mov	r16 = TIME_ZERO
	;;
	SYSCALL	stub_ipc
	tbit.nz	p6, p0 = out0, 15	// E: nobody
	;;
(p6)	br.cond.sptk.few 1b
	mov	r14 = in0		// the counts, then nothing ever again
	mov	r15 = r0
	mov	r16 = TIMEOUT_NEVER
	mov	out0 = 3
	mov	out1 = loc2
	mov	out2 = loc3
	mov	out3 = loc4
	;;
	SYSCALL	stub_ipc
2:	mov	r14 = NILTHREAD
	mov	r15 = ar.k5
	mov	r16 = TIMEOUT_NEVER
	;;
	SYSCALL	stub_ipc
	br.cond.sptk.few 2b
	;;
	.endp	rc_churn

	.data
	.align	8
serve_msg:	.skip	RC_MSG_SIZE
	.align	16
serve_snap:	.skip	RC_SLOTS * 8
