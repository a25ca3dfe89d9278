// Short synchronous IPC (seed 003's "IPC - API"; the X.2 Ipc system call):
// send to a thread and/or receive from one, anyone or anyone in the space,
// with MR0 (the tag) and up to seven untyped words, all in registers.
//
// Register contract (docs/abi.md, IA-64): in r14 = to, r15 =
// FromSpecifier, r16 = Timeouts, out0-out7 = MR0-MR7 of the message;
// out r9 = from, out0-out7 = MR0-MR7 received (or, after a send only, the
// sent tag with its flags cleared and the other words unchanged).
// Entered from the gate (kip_ipc) at PL 0 with interrupts off; the frame
// is syscall.inc's, the kernel writes only the scratch static registers
// and p6-p15.
//
// How it goes:
// - The send phase finds the destination from the thread number and
//   checks the whole global id (seed 004, "Validate Thread ID").  If it
//   waits for the sender (or anyone, or anyone in the sender's space) the
//   message goes into its TCB (TCB_MR, TCB_FROM) and it becomes runnable;
//   otherwise the sender queues in its send queue (FIFO), message in its
//   own TCB, unless the send timeout is not "never".
// - The receive phase takes a matching queued sender at once, or blocks.
// - A thread that blocks after waking its partner switches straight to it
//   (seed 003 / 004: the partner runs on, the ready queue is not touched);
//   otherwise the woken partner goes to the tail of the ready queue.
// Timeouts: 0 is never; any other value, finite or zero, does not wait
// (this kernel has no timer wheel: a finite timeout expires at once).
// Only untyped words: a tag with more than seven of them or any typed
// item is a message overflow.
	.explicit
	.include "layout.inc"
	.include "cpu.inc"
	.include "syscall.inc"
	.text

	.equ	TAG_FLAGS_SHIFT, 12

// The fast path (seed 004's common case, hand-scheduled: the simulator
// counts issue slots, nops included): a call (FromSpecifier = to) or a
// reply-and-wait (FromSpecifier = anythread, nobody queued) to a thread
// that waits for the caller or anyone, with no NaT anywhere, at most
// seven untyped words and a receive timeout of never.  Everything else --
// or anything it is unsure of -- takes the general path (ipc_general)
// with the same frame.  The destination's TCB is computed from the
// thread number's low bits before the number is known to be in range, so
// the loads it issues stay inside the TCB array either way.
	.if	(USER_BASE % MAX_THREADS) || (MAX_THREADS != 32)
	.error	"the fast path's range check assumes USER_BASE = 4 * 32 and 32 TCBs"
	.endif
	.global	ipc_entry
ipc_entry:
	{ .mmb
	mov	ar.rsc = r0
	mov	r19 = ar.k7
	clrrrb
	;;
	}
	{ .mmi
	mov	r20 = ar.bspstore
	mov	r21 = ar.rnat
	adds	r22 = TCB_KBS, r19
	}
	{ .mii
	mov	r24 = ar.k5		// my global id
	tnat.nz	p6, p7 = r14		// p7: r14 may feed an address
	shr.u	r23 = r14, 32 - TCB_SHIFT	// thread number << TCB_SHIFT, junk below
	}
	{ .mmi
	mov	r2 = (MAX_THREADS - 1) << TCB_SHIFT
	adds	r8 = TCB_SQ_HEAD, r19
	shr.u	r26 = r14, 32 + 5	// USER_BASE / 32 for a number in the array
	;;
	}
	{ .mmi
	mov	ar.bspstore = r22	// before any RSE activity (syscall.inc)
	;;
	alloc	loc0 = ar.pfs, 8, SC_LOCALS, SC_OUTS, 0
	mov	loc1 = r17
	}
	{ .mii
	mov	loc2 = r20
	tnat.nz.or p6, p0 = r15
	tnat.nz.or p6, p0 = r16
	}
	{ .mii
	mov	loc3 = r21
	cmp.eq.or p6, p0 = r0, r14	// no send phase
	mov	loc5 = b0
	}
	{ .mii
	mov	loc4 = r18
	and	r23 = r23, r2
	cmp.ne.or p6, p0 = USER_BASE / 32, r26
	}
	{ .mlx
	mov	loc6 = r19
	movl	r27 = tcb_array
	;;
	}
	{ .mmi
	mov	r30 = ar.bsp
	ld8	r8 = [r8]		// senders queued for me
	add	r23 = r23, r27		// the destination's TCB (if the number is right)
	}
	{ .mii
	or	r9 = r33, r34		// NaT in any MR?
	extr.u	r29 = r32, 3, 9		// more than seven words, or typed items
	or	r10 = r35, r36
	}
	{ .mii
	or	r11 = r37, r38
	extr.u	r3 = r16, 0, 16		// receive timeout
	cmp.eq	p8, p0 = r15, r14	// a call
	;;
	}
	{ .mmi
(p7)	ld8	r25 = [r23]		// its global id
	adds	r17 = TCB_STATE, r23
	adds	r18 = TCB_PARTNER, r23
	}
	{ .mii
	sub	r30 = r30, r22
	or	r9 = r9, r10
	or	r11 = r11, r39
	}
	{ .mii
	cmp.ne.or p6, p0 = r0, r29
	cmp.ne.or p6, p0 = r0, r3
	cmp.eq	p10, p0 = ANYTHREAD, r15	// reply and wait
	;;
	}
	{ .mmi
(p7)	ld8	r17 = [r17]		// its state
(p7)	ld8	r18 = [r18]		// whom it waits for
	shl	loc8 = r30, 16		// syscall.inc
	}
	{ .mii
	or	r9 = r9, r11
	cmp.ne.or p6, p0 = r25, r14	// a free slot or another version
	cmp.eq.and p10, p0 = r0, r8	// ... with nobody queued
	;;
	}
	{ .mii
	cmp.ne.or p6, p0 = TS_WAIT_RECV, r17
	tnat.nz.or p6, p0 = r9
	tnat.nz.or p6, p0 = r32
	}
	{ .mib
	mov	r28 = r0
	cmp.eq	p13, p14 = r18, r24	// it waits for me ...
(p6)	br.cond.spnt.few ipc_general
	;;
	}
	{ .mii
	cmp.eq.or.andcm p13, p14 = ANYTHREAD, r18	// ... or for anyone
	nop.i	0
	nop.i	0
	;;
	}
	{ .mbb
	nop.m	0
(p14)	br.cond.spnt.few ipc_general
(p8)	br.cond.sptk.few ipc_fast_deliver
	}
	{ .mbb
	nop.m	0
(p10)	br.cond.sptk.few ipc_fast_deliver
	br.cond.spnt.few ipc_general
	;;
	}

// The general path: everything the fast path does not take, checked step
// by step (the frame is the same; the fast path may have computed loc8).
ipc_general:
	tnat.nz	p6, p0 = r14
	mov	r24 = ar.k5		// my global id
	cmp.eq	p7, p0 = r0, r14	// no send phase
	mov	r28 = r0		// no partner to run yet
	;;
	tnat.nz.or p6, p0 = r15
	tnat.nz.or p6, p0 = r16
	shr.u	r25 = r14, 32		// thread number
	extr.u	r26 = r32, 3, 9		// u > 7 or t != 0
	;;
(p6)	br.cond.spnt.few ipc_bad_input
(p7)	br.cond.spnt.few ipc_receive
	adds	r25 = -USER_BASE, r25
	movl	r27 = tcb_array
	;;
	cmp.ne	p8, p0 = r0, r26
	cmp.leu	p9, p0 = MAX_THREADS, r25
	shl	r23 = r25, TCB_SHIFT
	;;
(p8)	br.cond.spnt.few ipc_overflow
(p9)	br.cond.spnt.few ipc_no_partner_send
	add	r23 = r23, r27		// the destination's TCB
	;;
	ld8	r29 = [r23]		// its global id
	adds	r30 = TCB_STATE, r23
	adds	r31 = TCB_PARTNER, r23
	;;
	ld8	r30 = [r30]
	ld8	r31 = [r31]
	;;
	cmp.ne	p10, p0 = r29, r14	// a free slot or another version
	cmp.eq	p11, p12 = TS_WAIT_RECV, r30
	cmp.eq	p13, p14 = r31, r24	// it waits for me ...
	;;
	cmp.eq.or.andcm p13, p14 = ANYTHREAD, r31	// ... or for anyone
(p10)	br.cond.spnt.few ipc_no_partner_send
(p12)	br.cond.spnt.few ipc_send_slow
	;;
(p14)	br.cond.spnt.few ipc_send_slow

// The destination (r23) waits for this message: hand it over; from now
// on r28 is the partner this IPC woke.
ipc_deliver:
	adds	r2 = TCB_MR, r23
	adds	r3 = TCB_MR + 8, r23
	dep	r8 = 0, r32, TAG_FLAGS_SHIFT, 4
	mov	r28 = r23
	;;
	st8.spill [r2] = r8, 16		// spill: a NaT word must not fault here
	;;
	st8.spill [r3] = r33, 16
	adds	r30 = TCB_STATE, r23
	mov	r9 = TS_READY
	;;
	st8.spill [r2] = r34, 16
	;;
	st8.spill [r3] = r35, 16
	cmp.eq	p6, p0 = r15, r14	// call: wait for the reply
	cmp.eq	p7, p0 = ANYTHREAD, r15	// reply and wait for anyone
	;;
	st8.spill [r2] = r36, 16
	;;
	st8.spill [r3] = r37, 16
	adds	r10 = TCB_STATE, r19
	adds	r11 = TCB_PARTNER, r19
	;;
	st8.spill [r2] = r38, 16
	;;
	st8.spill [r3] = r39, 16
	adds	r20 = TCB_SQ_HEAD, r19
	;;
	st8	[r2] = r24		// TCB_FROM
	st8	[r3] = r0		// TCB_RESULT
	mov	r21 = TS_WAIT_RECV
(p7)	ld8	r20 = [r20]
	;;
	st8	[r30] = r9		// it is runnable now
(p6)	br.cond.sptk.few ipc_block_for_partner
	;;
	cmp.eq.and p7, p0 = r0, r20	// nobody queued for me
	;;
(p7)	br.cond.sptk.few ipc_block_for_partner
	br.cond.sptk.few ipc_receive

// Block in the receive phase and run the partner just woken (r28):
// r10/r11 = &my state/partner, r21 = TS_WAIT_RECV.
ipc_block_for_partner:
	st8	[r10] = r21
	st8	[r11] = r15
	mov	out0 = r28
	br.call.sptk.many b0 = switch_to
	;;
	br.sptk.few syscall_exit_resumed
	;;

// The fast path's hand-over: the destination (r23) waits for this
// message, the caller then waits for the destination (a call) or for
// anyone (reply and wait, nobody queued), and the CPU goes straight to
// the destination.  The MRs hold no NaT, so plain stores do.
ipc_fast_deliver:
	{ .mmi
	adds	r2 = TCB_MR, r23
	adds	r3 = TCB_MR + 8, r23
	dep	r8 = 0, r32, TAG_FLAGS_SHIFT, 4
	;;
	}
	{ .mmi
	st8	[r2] = r8, 16
	st8	[r3] = r33, 16
	adds	r10 = TCB_STATE, r19
	}
	{ .mii
	adds	r30 = TCB_STATE, r23
	adds	r11 = TCB_PARTNER, r19
	mov	r21 = TS_WAIT_RECV
	;;
	}
	{ .mmi
	st8	[r2] = r34, 16
	st8	[r3] = r35, 16
	mov	r9 = TS_READY
	;;
	}
	{ .mmi
	st8	[r2] = r36, 16
	st8	[r3] = r37, 16
	mov	out0 = r23
	;;
	}
	{ .mmi
	st8	[r2] = r38, 16
	st8	[r3] = r39, 16
	nop.i	0
	;;
	}
	{ .mmi
	st8	[r2] = r24		// TCB_FROM
	st8	[r3] = r0		// TCB_RESULT
	nop.i	0
	}
	{ .mmi
	st8	[r30] = r9		// it runs now
	st8	[r10] = r21		// and I wait ...
	nop.i	0
	}
	{ .mmb
	st8	[r11] = r15		// ... for it, or for anyone
	nop.m	0
	br.call.sptk.many b0 = switch_to
	;;
	}
	br.sptk.few syscall_exit_resumed
	;;

// The receive phase in general: r28 = a partner this IPC woke and that
// still has to run (0: none).
ipc_receive:
	cmp.eq	p6, p0 = r0, r15
(p6)	br.cond.spnt.few ipc_send_only
	cmp.eq	p7, p0 = ANYTHREAD, r15
	cmp.eq	p8, p0 = ANYLOCALTHREAD, r15
	;;
(p7)	br.cond.sptk.few 1f
(p8)	br.cond.sptk.few 1f
	mov	r14 = r15
	br.call.sptk.many b0 = thread_lookup	// a named partner must exist
	;;
	cmp.eq	p6, p0 = r0, r8
	mov	r20 = E_NO_PARTNER_RECV
(p6)	br.cond.spnt.few ipc_error
1:	mov	r14 = loc6
	br.call.sptk.many b0 = sendq_take	// r8 = a matching queued sender
	;;
	cmp.ne	p6, p0 = r0, r8
	extr.u	r20 = r16, 0, 16	// receive timeout
(p6)	br.cond.sptk.few ipc_take
	;;
	cmp.ne	p7, p0 = r0, r20
	mov	r20 = E_TIMEOUT_RECV
(p7)	br.cond.spnt.few ipc_error
	adds	r10 = TCB_STATE, loc6
	adds	r11 = TCB_PARTNER, loc6
	mov	r21 = TS_WAIT_RECV
	;;
	cmp.ne	p6, p0 = r0, r28
(p6)	br.cond.sptk.few ipc_block_for_partner
	st8	[r10] = r21
	st8	[r11] = r15
	br.call.sptk.many b0 = schedule
	;;
	br.sptk.few syscall_exit_resumed
	;;

// A queued sender (r8, already unlinked) hands over its message; it then
// waits for its own receive phase, if any, or runs on.  The leaf calls
// here clobber p6-p7, so decisions are kept in registers across them.
ipc_take:
	mov	loc7 = r8
	adds	r2 = TCB_MR, r8
	adds	r3 = TCB_MR + 8, r8
	adds	r20 = TCB_RECV_SPEC, r8
	;;
	ld8	r32 = [r2], 16
	ld8	r33 = [r3], 16
	;;
	ld8	r34 = [r2], 16
	ld8	r35 = [r3], 16
	;;
	ld8	r36 = [r2], 16
	ld8	r37 = [r3], 16
	;;
	ld8	r38 = [r2], 16
	ld8	r39 = [r3]
	;;
	ld8	r20 = [r20]		// its receive phase
	mov	r8 = r0
	;;
	cmp.ne	p7, p0 = r0, r20
	mov	r14 = r20
(p7)	br.call.sptk.many b0 = partner_spec_valid	// r8 = 0: names nobody
	;;
	adds	r2 = TCB_STATE, loc7
	adds	r3 = TCB_PARTNER, loc7
	adds	r10 = TCB_FROM, loc7
	adds	r11 = TCB_RESULT, loc7
	cmp.ne	p8, p0 = r0, r8		// it waits for its partner now
	cmp.eq	p6, p9 = r0, r20	// it had no receive phase
	;;
	mov	r21 = TS_WAIT_RECV
	mov	r22 = TS_READY
	mov	r24 = E_NO_PARTNER_RECV
	;;
(p8)	st8	[r2] = r21
(p8)	st8	[r3] = r20
(p8)	br.cond.sptk.few 2f
	;;
	st8	[r2] = r22		// it runs on: send done, or its receive fails
	st8	[r10] = r0
	;;
(p6)	st8	[r11] = r0
(p9)	st8	[r11] = r24
	mov	r14 = loc7
	br.call.sptk.many b0 = ready_enqueue
	;;
2:	cmp.eq	p6, p0 = r0, r28
	mov	r14 = r28
(p6)	br.cond.sptk.few 3f
	br.call.sptk.many b0 = ready_enqueue
	;;
3:	ld8	r9 = [loc7]		// from: its global id
	br.sptk.few syscall_exit_same
	;;

// No receive phase: the woken partner (if any) queues, the sender
// returns its own tag with the flags cleared and from = nilthread.
ipc_send_only:
	dep	r32 = 0, r32, TAG_FLAGS_SHIFT, 4
	cmp.eq	p6, p0 = r0, r28
	mov	r9 = r0
	mov	r14 = r28
(p6)	br.cond.sptk.few syscall_exit_same
	br.call.sptk.many b0 = ready_enqueue
	;;
	br.sptk.few syscall_exit_same
	;;

// The destination (r23, global id checked; r30 its state, r31 its
// partner) is not waiting for us right now.
ipc_send_slow:
	cmp.eq	p6, p0 = TS_DEAD, r30
	cmp.eq	p7, p0 = TS_WAIT_RECV, r30
	mov	r20 = E_NO_PARTNER_SEND
	;;
(p6)	br.cond.spnt.few ipc_error
(p7)	cmp.eq.unc p8, p0 = ANYLOCALTHREAD, r31
	adds	r2 = TCB_SPACE, r23
	adds	r3 = TCB_SPACE, r19
	;;
	ld8	r2 = [r2]
	ld8	r3 = [r3]
	shr.u	r21 = r16, 16		// send timeout
	;;
(p8)	cmp.eq.unc p9, p0 = r2, r3	// it waits for anyone in my space
	cmp.ne	p10, p0 = r0, r21
	mov	r20 = E_TIMEOUT_SEND
	;;
(p9)	br.cond.sptk.few ipc_deliver
(p10)	br.cond.spnt.few ipc_error
	// Queue in its send queue with the message in my TCB.
	adds	r2 = TCB_MR, r19
	adds	r3 = TCB_MR + 8, r19
	dep	r8 = 0, r32, TAG_FLAGS_SHIFT, 4
	;;
	st8.spill [r2] = r8, 16
	;;
	st8.spill [r3] = r33, 16
	adds	r10 = TCB_SEND_TO, r19
	adds	r11 = TCB_RECV_SPEC, r19
	;;
	st8.spill [r2] = r34, 16
	;;
	st8.spill [r3] = r35, 16
	adds	r9 = TCB_STATE, r19
	mov	r22 = TS_WAIT_SEND
	;;
	st8.spill [r2] = r36, 16
	;;
	st8.spill [r3] = r37, 16
	;;
	st8.spill [r2] = r38, 16
	;;
	st8.spill [r3] = r39, 16
	;;
	st8	[r10] = r23
	st8	[r11] = r15
	;;
	st8	[r9] = r22
	mov	r14 = r23
	mov	r15 = r19
	br.call.sptk.many b0 = sendq_append
	;;
	br.call.sptk.many b0 = schedule
	;;
	br.sptk.few syscall_exit_resumed
	;;

ipc_bad_input:				// a NaT in to, FromSpecifier or Timeouts
ipc_no_partner_send:
	mov	r20 = E_NO_PARTNER_SEND
	br.sptk.few ipc_error
	;;
ipc_overflow:
	mov	r20 = E_OVERFLOW_SEND
	;;

// The IPC fails with ErrorCode r20: MR0 = E only, from = nilthread; a
// partner this IPC woke (r28) still gets its message and queues.
ipc_error:
	adds	r2 = TCB_UTCB_K, loc6
	mov	r32 = 1 << 15
	mov	r9 = r0
	;;
	ld8	r2 = [r2]
	cmp.eq	p6, p0 = r0, r28
	mov	r14 = r28
	;;
	adds	r2 = UTCB_ERROR_CODE, r2
	;;
	st8	[r2] = r20
(p6)	br.cond.sptk.few syscall_exit_same
	br.call.sptk.many b0 = ready_enqueue
	;;
	br.sptk.few syscall_exit_same
	;;

// ---- send queues: singly linked FIFOs through TCB_Q_NEXT.

// Appends r15 to the send queue of r14.  Clobbers r2, r3, r8, p6, p7.
	.global	sendq_append
	.proc	sendq_append
sendq_append:
	adds	r2 = TCB_SQ_TAIL, r14
	adds	r3 = TCB_Q_NEXT, r15
	;;
	ld8	r8 = [r2]
	st8	[r3] = r0
	;;
	cmp.eq	p6, p7 = r0, r8
	adds	r3 = TCB_Q_NEXT, r8
	;;
(p7)	st8	[r3] = r15
(p6)	adds	r3 = TCB_SQ_HEAD, r14
	;;
(p6)	st8	[r3] = r15
	st8	[r2] = r15
	br.ret.sptk.many b0
	;;
	.endp	sendq_append

// Finds and unlinks the oldest sender queued for r14 that the receive
// specifier r15 accepts (anythread, anylocalthread: same space, or that
// global id); r8 = its TCB or 0.  Clobbers r2, r3, r8-r11, r17, r18, p6-p9.
	.global	sendq_take
	.proc	sendq_take
sendq_take:
	adds	r2 = TCB_SQ_HEAD, r14	// the link to the candidate
	adds	r17 = TCB_SPACE, r14
	mov	r9 = r0			// the TCB before it
	;;
	ld8	r17 = [r17]
	cmp.eq	p8, p0 = ANYTHREAD, r15
	cmp.eq	p9, p0 = ANYLOCALTHREAD, r15
	;;
1:	ld8	r8 = [r2]
	;;
	cmp.eq	p6, p0 = r0, r8
	adds	r10 = TCB_SPACE, r8
(p6)	br.ret.spnt.many b0		// r8 = 0
	;;
	ld8	r11 = [r8]		// its global id
	ld8	r10 = [r10]
	;;
	cmp.eq	p7, p0 = r11, r15
	;;
(p8)	cmp.eq.or p7, p0 = r0, r0
(p9)	cmp.eq.or p7, p0 = r10, r17
	;;
(p7)	br.cond.sptk.few 2f
	mov	r9 = r8
	adds	r2 = TCB_Q_NEXT, r8
	br.cond.sptk.few 1b
	;;
2:	adds	r3 = TCB_Q_NEXT, r8
	;;
	ld8	r3 = [r3]
	;;
	st8	[r2] = r3		// unlink
	cmp.eq	p6, p0 = r0, r3	// it was the tail
	adds	r18 = TCB_SQ_TAIL, r14
	;;
(p6)	st8	[r18] = r9
	br.ret.sptk.many b0
	;;
	.endp	sendq_take

// Unlinks r15 from the send queue of r14 if it is there.  Clobbers r2,
// r3, r8, r9, p6, p7.
	.global	sendq_remove
	.proc	sendq_remove
sendq_remove:
	adds	r2 = TCB_SQ_HEAD, r14
	mov	r9 = r0
	;;
1:	ld8	r8 = [r2]
	;;
	cmp.eq	p6, p0 = r0, r8
	cmp.eq	p7, p0 = r15, r8
(p6)	br.ret.spnt.many b0
(p7)	br.cond.spnt.few 2f
	;;
	mov	r9 = r8
	adds	r2 = TCB_Q_NEXT, r8
	br.cond.sptk.few 1b
	;;
2:	adds	r3 = TCB_Q_NEXT, r15
	;;
	ld8	r3 = [r3]
	;;
	st8	[r2] = r3
	cmp.eq	p6, p0 = r0, r3
	adds	r8 = TCB_SQ_TAIL, r14
	;;
(p6)	st8	[r8] = r9
	br.ret.sptk.many b0
	;;
	.endp	sendq_remove

// r8 = non-zero when the receive specifier r14 can ever be satisfied:
// anythread, anylocalthread or an existing thread.  Clobbers r2, r3, r8,
// r9, p6, p7.
	.proc	partner_spec_valid
partner_spec_valid:
	cmp.eq	p6, p0 = ANYTHREAD, r14
	cmp.eq	p7, p0 = ANYLOCALTHREAD, r14
	mov	r8 = 1
	;;
(p6)	br.ret.sptk.many b0
(p7)	br.ret.sptk.many b0
	br.sptk.few thread_lookup	// returns to our caller
	;;
	.endp	partner_spec_valid
