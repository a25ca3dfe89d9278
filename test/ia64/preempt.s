// The preemption suite (the root task).  Interrupts injected at
// pseudo-random instruction counts (the board's IRQ_AT device through the
// kernel's kdebug 0x42: 800 + 0..1023 retired instructions apart, the
// kernel's own included, which is why the minimum exceeds its longest
// preemption path) and the timer
// preempt four threads in three spaces wherever they are: in user code,
// in the system-call stubs' PL 0 windows, between any two instructions of
// the register checks.  Round robin then runs someone else, so every
// thread's state goes through the kernel's full save and restore, the
// lazy FP hand-over and the register stack switch over and over.
//   128.1 (here)   rounds of: a preemptible stretch checked with every
//                  register (RC_MASK_ALL), then a call to 131.1 checked
//                  as in the ping-pong suite
//   129.1 (here)   the same space's churner: preemptible stretches only
//   130.1 (here)   a counter that never blocks
//   131.1 space 2  the server (serve.s, with a stretch before each reply)
//   132.1 space 3  another space's churner
// At the end 128.1 collects everyone's counts and the kernel's
// statistics: preemptions that switched threads and FP hand-overs must
// have happened, and no register anywhere may have changed.  Then, with
// the injection off, it spins without a system call: only the timer can
// let the counter run meanwhile (round robin by time slice).
	.include "user.inc"
	.include "regcheck.inc"
	PROGRAM	3
	THREAD	main, main_sp, main_bs
	THREAD	churn, churn_sp, churn_bs
	THREAD	counter, counter_sp, counter_bs
	.equ	ROUNDS, 600
	.equ	SWEEP, 64
	.equ	INJECT_MINIMUM, 800
	.equ	INJECT_MASK, 1023
	.text
main:
	alloc	loc0 = ar.pfs, 0, 16, 7, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	movl	r14 = 0x9e3779b97f4a7c15	// the injection's seed
	movl	r15 = (INJECT_MINIMUM << 32) | INJECT_MASK
	;;
	KDB_INJECT
	;;
	mov	loc1 = ar.fpsr
	mov	loc2 = 0		// rounds
	movl	loc3 = 0x6a09e667f3bcc908	// seed
	mov	loc4 = 0		// stretches with changed registers
	mov	loc5 = 0		// Ipcs with changed preserved registers
	mov	loc6 = 0		// changed call-chain locals
	mov	loc7 = 0		// wrong replies
	movl	loc8 = msg
	movl	loc9 = snap
	;;
round:
	XORSHIFT loc3
	mov	out0 = loc3
	mov	out1 = loc8
	mov	out2 = loc9
	mov	out3 = 1		// a preemptible stretch
	mov	out4 = loc1
	br.call.sptk.many b0 = rc_round
	;;
	add	loc6 = loc6, r8
	add	loc4 = loc4, r9
	adds	loc10 = 1, loc3		// the call's seed
	RC_CALL	3, loc10, 0
	add	loc6 = loc6, r8
	add	loc5 = loc5, r9
	cmp.eq	p6, p0 = 0, r10
	adds	loc2 = 1, loc2
	;;
(p6)	adds	loc7 = 1, loc7
	movl	r2 = ROUNDS
	;;
	cmp.ltu	p7, p0 = loc2, r2
(p7)	br.cond.sptk.many round
	;;
	mov	r14 = r0		// injection off
	mov	r15 = r0
	;;
	KDB_INJECT
	;;
	// One interrupt at each of SWEEP points of a call, from just before
	// the stub through the gate's PL 0 windows (and, pending while the
	// kernel runs with interrupts off, at its exit).
	mov	r14 = 2
	;;
	KDB_STATISTICS
	;;
	mov	loc12 = r8		// interruptions in the gate windows so far
	mov	loc13 = 0		// the gap
	mov	loc14 = 0		// calls that went wrong
	;;
4:	movl	r2 = rc_inject_gap
	;;
	st8	[r2] = loc13
	XORSHIFT loc3
	RC_CALL	3, loc3, 1
	cmp.ne	p6, p0 = 0, r8
	adds	loc2 = 1, loc2
	adds	loc13 = 1, loc13
	;;
	cmp.ne.or p6, p0 = 0, r9
	cmp.eq.or p6, p0 = 0, r10
	;;
(p6)	adds	loc14 = 1, loc14
	cmp.gtu	p7, p0 = SWEEP, loc13
(p7)	br.cond.sptk.few 4b
	;;
	cmp.eq	p6, p0 = 0, loc14
	movl	out0 = n_sweep
	br.call.sptk.many b0 = check_p6
	;;
	mov	r14 = 2
	;;
	KDB_STATISTICS
	;;
	cmp.ltu	p6, p0 = loc12, r8
	movl	out0 = n_gate_windows
	br.call.sptk.many b0 = check_p6
	;;
	// The server's counts (serve.s, DONE), then each churner's.
	mov	out0 = loc8
	;;
	TID	out1, 3
	mov	out2 = loc2
	mov	out3 = loc3
	br.call.sptk.many b0 = rc_request
	;;
	adds	r2 = RC_MSG_MR, loc8
	movl	r3 = RC_DONE_LABEL << 16
	;;
	st8	[r2] = r3
	mov	out0 = 0
	mov	out1 = loc3
	mov	out2 = loc8
	mov	out3 = loc9
	mov	out4 = 0
	br.call.sptk.many b0 = rc_deep
	;;
	adds	r2 = RC_MSG_MR + 8, loc8
	movl	loc11 = server_counts
	;;
	.rept	6
	ld8	r3 = [r2], 8
	;;
	st8	[loc11] = r3, 8
	;;
	.endr
	.irp	who, 4, 1
	TID	r14, \who
	;;
	st8	[loc8] = r14		// a call with an empty message
	adds	r2 = RC_MSG_FROM_SPEC, loc8
	adds	r3 = RC_MSG_MR, loc8
	;;
	st8	[r2] = r14
	st8	[r3] = r0
	mov	out0 = 0
	mov	out1 = loc3
	mov	out2 = loc8
	mov	out3 = loc9
	mov	out4 = 0
	br.call.sptk.many b0 = rc_deep
	;;
	adds	r2 = RC_MSG_MR + 8, loc8
	;;
	.rept	3
	ld8	r3 = [r2], 8
	;;
	st8	[loc11] = r3, 8
	;;
	.endr
	.endr
	mov	r14 = 0
	;;
	KDB_STATISTICS
	;;
	mov	loc12 = r8		// preemptions that switched threads
	mov	r14 = 1
	;;
	KDB_STATISTICS
	;;
	mov	loc13 = r8		// FP hand-overs
	movl	out0 = msg_stats
	br.call.sptk.many b0 = puts
	;;
	mov	out0 = loc12
	br.call.sptk.many b0 = putdec
	;;
	movl	out0 = msg_stats2
	br.call.sptk.many b0 = puts
	;;
	mov	out0 = loc13
	br.call.sptk.many b0 = putdec
	;;
	movl	out0 = msg_stats3
	br.call.sptk.many b0 = puts
	;;
	// The cases.
	cmp.eq	p6, p0 = 0, loc4
	movl	out0 = n_client_preempt
	br.call.sptk.many b0 = check_p6
	;;
	cmp.eq	p6, p0 = 0, loc5
	movl	out0 = n_client_ipc
	br.call.sptk.many b0 = check_p6
	;;
	cmp.eq	p6, p0 = 0, loc6
	movl	out0 = n_client_stack
	br.call.sptk.many b0 = check_p6
	;;
	cmp.eq	p6, p0 = 0, loc7
	movl	out0 = n_client_replies
	br.call.sptk.many b0 = check_p6
	;;
	movl	loc11 = server_counts
	;;
	ld8	r2 = [loc11], 8		// MR1: Ipcs with changed registers
	movl	out0 = n_server_ipc
	;;
	cmp.eq	p6, p0 = 0, r2
	br.call.sptk.many b0 = check_p6
	;;
	ld8	r2 = [loc11], 8		// MR2: wrong requests
	;;
	ld8	r3 = [loc11], 8		// MR3: changed locals
	;;
	ld8	r8 = [loc11], 8		// MR4: served
	movl	out0 = n_server_requests
	;;
	cmp.eq	p6, p0 = 0, r2
	;;
(p6)	cmp.eq.unc p6, p0 = loc2, r8
	mov	loc14 = r3
	br.call.sptk.many b0 = check_p6
	;;
	cmp.eq	p6, p0 = 0, loc14
	movl	out0 = n_server_stack
	br.call.sptk.many b0 = check_p6
	;;
	ld8	r2 = [loc11], 8		// MR5: scratch leaks
	;;
	ld8	r3 = [loc11], 8		// MR6: stretches with changed registers
	movl	out0 = n_server_leak
	;;
	cmp.eq	p6, p0 = 0, r2
	mov	loc14 = r3
	br.call.sptk.many b0 = check_p6
	;;
	cmp.eq	p6, p0 = 0, loc14
	movl	out0 = n_server_preempt
	br.call.sptk.many b0 = check_p6
	;;
	.irp	name, n_churn_other, n_churn_same
	ld8	r2 = [loc11], 8		// stretches with changed registers
	;;
	ld8	r3 = [loc11], 8		// changed locals
	;;
	ld8	r8 = [loc11], 8		// stretches done
	cmp.eq	p6, p0 = 0, r2
	;;
(p6)	cmp.eq.unc p6, p0 = 0, r3
	;;
(p6)	cmp.ne.unc p6, p0 = 0, r8
	movl	out0 = \name
	br.call.sptk.many b0 = check_p6
	;;
	.endr
	movl	r2 = 1000
	;;
	cmp.leu	p6, p0 = r2, loc12
	movl	out0 = n_preemptions
	br.call.sptk.many b0 = check_p6
	;;
	cmp.leu	p6, p0 = 100, loc13
	movl	out0 = n_fp_handovers
	br.call.sptk.many b0 = check_p6
	;;
	// The timer alone: spin 5 time slices without entering the kernel.
	movl	r2 = counter_value
	;;
	ld8	loc14 = [r2]
	mov.m	r3 = ar.itc
	movl	r8 = 100000
	;;
	add	r3 = r3, r8
	;;
3:	mov.m	r8 = ar.itc
	;;
	cmp.ltu	p6, p0 = r8, r3
(p6)	br.cond.sptk.few 3b
	;;
	ld8	r8 = [r2]
	;;
	cmp.ltu	p6, p0 = loc14, r8
	movl	out0 = n_timer
	br.call.sptk.many b0 = check_p6
	;;
	br.call.sptk.many b0 = summary
	;;

// 130.1: counts, forever, and never blocks.
counter:
	movl	r2 = counter_value
	;;
1:	ld8	r3 = [r2]
	;;
	adds	r3 = 1, r3
	;;
	st8	[r2] = r3
	br.cond.sptk.few 1b
	;;

// 129.1: this space's churner.
churn:
	alloc	loc0 = ar.pfs, 0, 1, 4, 0
	;;
	TID	out0, 0
	movl	out1 = 0xbb67ae8584caa73b
	movl	out2 = churn_snap
	movl	out3 = churn_msg
	br.call.sptk.many b0 = rc_churn
	;;

	.section .rodata
msg_stats:	.asciz	"preempt: "
msg_stats2:	.asciz	" preemptions switched threads, "
msg_stats3:	.asciz	" FP partitions changed hands\n"
n_client_preempt: .asciz "preempt.client_all_registers_across_preemption"
n_client_ipc:	.asciz	"preempt.client_preserved_registers_after_each_ipc"
n_client_stack:	.asciz	"preempt.client_stacked_registers_deep_chain"
n_client_replies: .asciz "preempt.client_replies_correct"
n_server_ipc:	.asciz	"preempt.server_preserved_registers_after_each_ipc"
n_server_requests: .asciz "preempt.server_requests_correct"
n_server_stack:	.asciz	"preempt.server_stacked_registers_deep_chain"
n_server_leak:	.asciz	"preempt.server_scratch_registers_not_from_client"
n_server_preempt: .asciz "preempt.server_all_registers_across_preemption"
n_churn_other:	.asciz	"preempt.churner_other_space_all_registers"
n_churn_same:	.asciz	"preempt.churner_same_space_all_registers"
n_preemptions:	.asciz	"preempt.at_least_1000_preemptions_switched_threads"
n_fp_handovers:	.asciz	"preempt.at_least_100_lazy_fp_handovers"
n_timer:	.asciz	"preempt.timer_time_slices_round_robin"
n_sweep:	.asciz	"preempt.interrupt_at_each_point_of_a_call_sweep_64"
n_gate_windows:	.asciz	"preempt.interrupts_in_the_gate_pl0_windows_taken"

	.data
	.align	8
msg:		.skip	RC_MSG_SIZE
churn_msg:	.skip	RC_MSG_SIZE
server_counts:	.skip	12 * 8
counter_value:	data8	0
	.align	16
snap:		.skip	RC_SLOTS * 8
churn_snap:	.skip	RC_SLOTS * 8
	STACKS	main
	STACKS	churn
	STACKS	counter
