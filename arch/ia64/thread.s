// Threads: the TCB array, looking a global id up, creating the boot
// threads and stopping a thread that faulted.
//
// TCBs live at tcb_array + (thread number - USER_BASE) << TCB_SHIFT
// (layout.inc): a thread id names its TCB with one shift and add, and the
// whole id is compared with the TCB's to reject free slots and old
// versions (seed 004, "Validate Thread ID").  A stopped thread keeps its
// id with state TS_DEAD: IPC to or from it fails with "non-existing
// partner", and whoever waited for it is woken with that error.
//
// Register contract: thread_lookup (in r14 = global id, out r8 = TCB or
// 0; clobbers r2, r3, r8, r9, p6, p7) is a leaf.  thread_create and
// thread_stop are calls (br.call b0) that clobber the scratch registers.
	.explicit
	.include "layout.inc"
	.include "cpu.inc"
	.text

	.global	thread_lookup
	.proc	thread_lookup
thread_lookup:
	tnat.nz	p7, p0 = r14
	shr.u	r2 = r14, 32
	movl	r3 = tcb_array
	mov	r8 = r0
	;;
	adds	r2 = -USER_BASE, r2
(p7)	br.ret.spnt.many b0
	;;
	cmp.leu	p6, p0 = MAX_THREADS, r2
	shl	r2 = r2, TCB_SHIFT
	;;
(p6)	br.ret.spnt.many b0
	add	r2 = r2, r3
	;;
	ld8	r9 = [r2], TCB_STATE
	;;
	ld8	r3 = [r2], -TCB_STATE
	cmp.ne	p6, p0 = r9, r14
	;;
(p6)	br.ret.spnt.many b0
	cmp.eq	p7, p0 = TS_FREE, r3
	;;
	cmp.eq.or p7, p0 = TS_DEAD, r3
	;;
(p7)	br.ret.spnt.many b0
	mov	r8 = r2
	br.ret.sptk.many b0
	;;
	.endp	thread_lookup

// Creates a user thread: in0 = thread index (0 .. MAX_THREADS-1), in1 =
// its space, in2 = its slot in the space (UTCB), in3 = start IP, in4 =
// stack pointer, in5 = backing store, in6 = TCB_FLAGS.  It becomes ready
// and starts in user mode with every other register zero.
	.global	thread_create
	.proc	thread_create
thread_create:
	alloc	loc0 = ar.pfs, 7, 3, 0, 0
	mov	loc1 = b0
	movl	r2 = tcb_array
	;;
	shl	loc2 = in0, TCB_SHIFT
	;;
	add	loc2 = loc2, r2		// the TCB
	adds	r3 = USER_BASE, in0
	;;
	shl	r3 = r3, 32
	adds	r8 = TCB_STATE, loc2
	mov	r9 = TS_READY
	;;
	adds	r3 = FIRST_VERSION, r3	// the global id
	st8	[r8] = r9
	adds	r10 = TCB_SPACE, loc2
	adds	r11 = TCB_FLAGS, loc2
	;;
	st8	[loc2] = r3
	st8	[r10] = in1
	;;
	st8	[r11] = in6
	adds	r10 = SP_UTCB_K, in1
	adds	r11 = SP_PTROOT, in1
	shl	r14 = in2, 10		// UTCB_SIZE
	;;
	ld8	r10 = [r10]
	ld8	r11 = [r11]
	adds	r14 = UTCB_MR0, r14
	;;
	add	r10 = r10, r14		// kernel address of its MR0
	movl	r15 = UTCB_AREA
	adds	r16 = TCB_UTCB_K, loc2
	adds	r17 = TCB_PTROOT, loc2
	;;
	add	r15 = r15, r14		// user address of its MR0: the local id
	st8	[r16] = r10
	st8	[r17] = r11
	adds	r18 = UTCB_MY_GLOBAL_ID, r10
	;;
	st8	[r18] = r3
	adds	r16 = TCB_UTCB_U, loc2
	adds	r17 = TCB_RR0, loc2
	adds	r19 = SP_RR0, in1
	;;
	st8	[r16] = r15
	ld8	r19 = [r19]
	;;
	st8	[r17] = r19
	// The user frame it starts from (entry_full.s restores it).
	adds	r16 = TCB_FRAME + FR_IIP, loc2
	adds	r17 = TCB_FRAME + FR_IPSR, loc2
	movl	r18 = USER_PSR
	;;
	st8	[r16] = in3
	st8	[r17] = r18
	adds	r16 = TCB_FRAME + 12 * 8, loc2	// r12
	adds	r17 = TCB_FRAME + FR_BSPSTORE, loc2
	;;
	st8	[r16] = in4
	st8	[r17] = in5
	adds	r16 = TCB_FRAME + FR_RSC, loc2
	adds	r17 = TCB_FRAME + FR_FPSR, loc2
	mov	r18 = 0xf		// eager mode, PL 3 (SDM vol 2 sec 6.4)
	movl	r19 = 0x0009804c0270033f	// the conventional initial FPSR
	;;
	st8	[r16] = r18
	st8	[r17] = r19
	mov	r14 = loc2
	movl	r15 = full_exit		// its first run restores the frame above
	br.call.sptk.many b0 = switch_prepare_new
	;;
	mov	r14 = loc2
	br.call.sptk.many b0 = ready_enqueue
	;;
	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	thread_create

// An interruption from the thread that the kernel does not resolve: the
// thread is stopped with a message naming it, the fault and where (in0 =
// its user frame).  Does not return.
	.global	thread_fault
	.proc	thread_fault
thread_fault:
	alloc	loc0 = ar.pfs, 1, 2, 0, 0
	mov	r14 = ar.k7
	;;
	mov	loc1 = r14
	br.call.sptk.many b0 = fault_report	// fault.s: the message
	;;
	mov	r14 = loc1
	br.call.sptk.many b0 = thread_stop
	;;
	.endp	thread_fault

// Stops thread r14 for good: it leaves every queue, whoever waits for it
// (a closed receive from it, a send to it) fails with "non-existing
// partner", and its FP registers have no owner.  If it is the current
// thread the next one runs and this never returns.
	.global	thread_stop
	.proc	thread_stop
thread_stop:
	alloc	loc0 = ar.pfs, 0, 6, 0, 0
	mov	loc1 = b0
	mov	loc2 = r14		// the dying thread
	adds	r2 = TCB_STATE, r14
	;;
	ld8	loc3 = [r2]		// its state before
	mov	r3 = TS_DEAD
	;;
	st8	[r2] = r3
	br.call.sptk.many b0 = ready_remove
	;;
	mov	r14 = loc2
	br.call.sptk.many b0 = fpu_forget
	;;
	cmp.ne	p6, p0 = TS_WAIT_SEND, loc3	// queued somewhere: leave that queue
	adds	r2 = TCB_SEND_TO, loc2
	;;
(p6)	br.cond.sptk.few 1f
	ld8	r14 = [r2]
	mov	r15 = loc2
	br.call.sptk.many b0 = sendq_remove
	;;
1:	adds	r2 = TCB_SQ_HEAD, loc2	// its senders fail in their send phase
	;;
	ld8	r14 = [r2]
	;;
	cmp.eq	p6, p0 = r0, r14
(p6)	br.cond.spnt.few 2f
	adds	r3 = TCB_Q_NEXT, r14
	;;
	ld8	r3 = [r3]
	;;
	st8	[r2] = r3
	mov	r15 = E_NO_PARTNER_SEND
	br.call.sptk.many b0 = wake_with_error
	;;
	br.cond.sptk.few 1b
2:	adds	r2 = TCB_SQ_TAIL, loc2
	;;
	st8	[r2] = r0
	// Threads in a closed receive from it fail in their receive phase.
	movl	loc4 = tcb_array
	mov	loc5 = MAX_THREADS
	;;
3:	adds	r2 = TCB_STATE, loc4
	adds	r3 = TCB_PARTNER, loc4
	ld8	r9 = [loc2]		// the dying thread's id
	;;
	ld8	r2 = [r2]
	ld8	r3 = [r3]
	;;
	cmp.eq	p6, p0 = TS_WAIT_RECV, r2
	;;
(p6)	cmp.eq.unc p7, p0 = r3, r9
	mov	r14 = loc4
	mov	r15 = E_NO_PARTNER_RECV
	;;
(p7)	br.call.sptk.many b0 = wake_with_error
	;;
	adds	loc5 = -1, loc5
	movl	r2 = TCB_SIZE
	;;
	add	loc4 = loc4, r2
	cmp.ne	p6, p0 = r0, loc5
(p6)	br.cond.sptk.few 3b
	;;
	mov	r2 = ar.k7
	;;
	cmp.eq	p6, p0 = r2, loc2
(p6)	br.call.sptk.many b0 = schedule	// never returns for a dead thread
	;;
	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	thread_stop

// Wakes blocked thread r14 with IPC ErrorCode r15: it becomes ready and
// its system call returns the error.  Clobbers r2, r3, r8, r9, p6, p7.
	.proc	wake_with_error
wake_with_error:
	adds	r2 = TCB_RESULT, r14
	adds	r3 = TCB_STATE, r14
	mov	r8 = TS_READY
	;;
	st8	[r2] = r15
	st8	[r3] = r8
	br.sptk.few ready_enqueue	// returns to our caller
	;;
	.endp	wake_with_error

	.bss
	.align	TCB_SIZE
	.global	tcb_array, boot_tcb
tcb_array:
	.skip	MAX_THREADS * TCB_SIZE
boot_tcb:				// the boot context's switch_to state, never resumed
	.skip	TCB_SIZE
