// Round-robin dispatching: one FIFO ready queue of runnable threads other
// than the running one (all threads have the same priority).  IPC hands
// the CPU straight to its partner without touching the queue (ipc.s); the
// timer (ITC/ITM, one TIME_SLICE of instructions) and the tests' injected
// interrupts preempt the running thread to the tail (ivt.s, preempt).
//
// Register contract: ready_enqueue (r14 = TCB), ready_dequeue (r8 = TCB
// or 0) and ready_remove (r14 = TCB) are leaves clobbering r2, r3, r8,
// r9 and p6, p7.  schedule, preempt and yield are calls (br.call b0,
// PSR.i = 0, bank 1) with switch_to's contract: they return when the
// caller runs again.
	.explicit
	.include "layout.inc"
	.text

	.global	ready_enqueue
	.proc	ready_enqueue
ready_enqueue:
	movl	r2 = ready_head
	adds	r3 = TCB_R_NEXT, r14
	;;
	st8	[r3] = r0
	adds	r3 = 8, r2		// ready_tail
	;;
	ld8	r8 = [r3]
	;;
	cmp.eq	p6, p7 = r0, r8
	adds	r9 = TCB_R_NEXT, r8
	;;
(p6)	st8	[r2] = r14
(p7)	st8	[r9] = r14
	;;
	st8	[r3] = r14
	br.ret.sptk.many b0
	;;
	.endp	ready_enqueue

	.global	ready_dequeue
	.proc	ready_dequeue
ready_dequeue:
	movl	r2 = ready_head
	;;
	ld8	r8 = [r2]
	;;
	cmp.eq	p6, p0 = r0, r8
	adds	r3 = TCB_R_NEXT, r8
(p6)	br.ret.spnt.many b0
	;;
	ld8	r9 = [r3]
	;;
	st8	[r2] = r9, 8
	cmp.eq	p7, p0 = r0, r9
	;;
(p7)	st8	[r2] = r0		// it was the last: the tail goes too
	br.ret.sptk.many b0
	;;
	.endp	ready_dequeue

// Unlinks r14 if it is queued.
	.global	ready_remove
	.proc	ready_remove
ready_remove:
	movl	r2 = ready_head		// r2: the link that may point to r14
	mov	r9 = r0			// the TCB before it (0: the head)
	;;
1:	ld8	r8 = [r2]
	;;
	cmp.eq	p6, p0 = r0, r8
	cmp.eq	p7, p0 = r14, r8
(p6)	br.ret.spnt.many b0
(p7)	br.cond.spnt.few 2f
	;;
	mov	r9 = r8
	adds	r2 = TCB_R_NEXT, r8
	br.cond.sptk.few 1b
	;;
2:	adds	r3 = TCB_R_NEXT, r14
	;;
	ld8	r3 = [r3]
	;;
	st8	[r2] = r3
	cmp.eq	p6, p0 = r0, r3		// it was the tail
	movl	r8 = ready_tail
	;;
(p6)	st8	[r8] = r9
	br.ret.sptk.many b0
	;;
	.endp	ready_remove

// The current thread cannot run on (it blocked or died): run the next
// ready thread.  With no finite timeouts and no interrupt threads in this
// kernel nothing could ever wake anyone, so an empty queue ends the
// machine with a message (exit code 0x72) instead of idling forever.
	.global	schedule
	.proc	schedule
schedule:
	alloc	loc0 = ar.pfs, 0, 2, 1, 0
	mov	loc1 = b0
	;;
	br.call.sptk.many b0 = ready_dequeue
	;;
	cmp.eq	p6, p0 = r0, r8
	mov	out0 = r8
(p6)	br.cond.spnt.few all_blocked
	br.call.sptk.many b0 = switch_to
	;;
	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	schedule

all_blocked:
	movl	r14 = msg_all_blocked
	br.call.sptk.many b0 = kputs
	;;
	mov	r14 = 0x72
	br.call.sptk.many b0 = board_exit
	;;

// Round robin: the current thread goes to the tail when anyone else is
// ready.  preempt is the external-interrupt handler (in0 = the frame); it
// counts the switches it makes (kernel_statistics).
	.global	preempt, yield
	.proc	yield
preempt:
	movl	r2 = kernel_statistics
	movl	r3 = ready_head
	;;
	ld8	r3 = [r3]
	ld8	r8 = [r2]
	;;
	cmp.ne	p6, p0 = r0, r3
	adds	r8 = 1, r8
	;;
(p6)	st8	[r2] = r8
yield:
	alloc	loc0 = ar.pfs, 0, 2, 1, 0
	mov	loc1 = b0
	movl	r2 = ready_head
	;;
	ld8	r2 = [r2]
	;;
	cmp.eq	p6, p0 = r0, r2
(p6)	br.cond.spnt.few 1f
	mov	r14 = ar.k7
	br.call.sptk.many b0 = ready_enqueue
	;;
	br.call.sptk.many b0 = schedule
	;;
1:	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	yield

	.section .rodata
msg_all_blocked:
	.asciz	"chestnut: every thread is blocked or stopped, nothing can run: stopping\n"

	.data
	.align	8
	.global	ready_head, ready_tail
ready_head:	data8	0
ready_tail:	data8	0

// ---- ThreadSwitch (X.2): r14 = dest.  A ready dest runs next (the
// caller donates the rest of its slice); otherwise the caller yields to
// the head of the ready queue.  out0-out7 survive (through TCB_MR).
	.include "syscall.inc"
	.text
	.global	thread_switch_entry
thread_switch_entry:
	SYSCALL_ENTRY
	SPILL_MRS r19, r0
	br.call.sptk.many b0 = thread_lookup
	;;
	cmp.eq	p6, p0 = r0, r8
	cmp.eq	p7, p0 = r8, loc6	// itself
	adds	r2 = TCB_STATE, r8
	;;
(p6)	br.cond.sptk.few 1f
(p7)	br.cond.sptk.few 1f
	ld8	r2 = [r2]
	mov	loc7 = r8
	;;
	cmp.ne	p8, p0 = TS_READY, r2
	mov	r14 = r8
(p8)	br.cond.sptk.few 1f
	br.call.sptk.many b0 = ready_remove
	;;
	mov	r14 = loc6
	br.call.sptk.many b0 = ready_enqueue
	;;
	mov	out0 = loc7
	br.call.sptk.many b0 = switch_to
	;;
	br.sptk.few syscall_exit_resumed
	;;
1:	br.call.sptk.many b0 = yield
	;;
	br.sptk.few syscall_exit_resumed
	;;
