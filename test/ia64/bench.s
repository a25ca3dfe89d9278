// The IA-64 benchmark (the root task, 128.1): instructions per one-way
// IPC and per thread switch, from ar.itc (which counts retired
// instructions on ia64sim).  Each figure is the least of 32 loops of 16
// operations, printed as "BENCH name value" for test/runner/ia64sim.py:
// a loop (about 9,000 instructions) is shorter than the time slice
// (TIME_SLICE, 20,000), so about half the loops see no timer tick and the
// least is the figure without preemption.
//   129.1 (here)   a server in this space (reply and wait)
//   130.1 space 2  a server in another space
//   131.1 space 3  ThreadSwitch's partner
// The first part (warm-up) is what `ninja bench` traces to split the
// kernel paths (ia64sim.py: switch_to, the Ipc path, a preemption).
	.include "user.inc"
	PROGRAM	2
	THREAD	main, main_sp, main_bs
	THREAD	server, server_sp, server_bs
	.equ	LOOPS, 32
	.equ	OPS, 16
	.equ	WARMUP, 64
	.text
main:
	alloc	loc0 = ar.pfs, 0, 10, 8, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	movl	r2 = stub_ipc
	movl	r3 = stub_thread_switch
	;;
	ld8	r2 = [r2]
	ld8	r3 = [r3]
	movl	r8 = null_stub
	;;
	mov	b5 = r2			// b3-b5 survive system calls
	mov	b4 = r3
	mov	b3 = r8
	// Warm-up, also the traced part: calls to both servers, switches,
	// and preemptions while spinning.
	mov	loc1 = WARMUP
	;;
1:	TID	r14, 2
	TID	r15, 2
	mov	r16 = TIMEOUT_NEVER
	mov	out0 = r0
	;;
	br.call.sptk.many b0 = b5
	;;
	TID	r14, 1
	TID	r15, 1
	mov	r16 = TIMEOUT_NEVER
	mov	out0 = r0
	;;
	br.call.sptk.many b0 = b5
	;;
	TID	r14, 3
	;;
	br.call.sptk.many b0 = b4
	;;
	adds	loc1 = -1, loc1
	;;
	cmp.ne	p6, p0 = 0, loc1
(p6)	br.cond.sptk.few 1b
	;;
	movl	r14 = 0x2545f4914f6cdd1d	// injection on: every 3000-4023
	movl	r15 = (3000 << 32) | 1023
	;;
	KDB_INJECT
	;;
	mov.m	r2 = ar.itc
	movl	r3 = 300000
	;;
	add	r3 = r2, r3
	;;
2:	mov.m	r2 = ar.itc		// spin; preemptions switch to 131.1 and back
	;;
	cmp.ltu	p6, p0 = r2, r3
(p6)	br.cond.sptk.few 2b
	;;
	mov	r14 = r0
	mov	r15 = r0
	;;
	KDB_INJECT
	;;
	movl	out0 = msg_warm
	br.call.sptk.many b0 = puts
	;;
	// The figures.
	.irp	which, 0, 1, 2, 3
	mov	out0 = \which
	br.call.sptk.many b0 = measure
	;;
	mov	loc2 = r8
	movl	out0 = name_\which
	br.call.sptk.many b0 = puts
	;;
	mov	out0 = loc2
	br.call.sptk.many b0 = putdec
	;;
	mov	out0 = '\n'
	br.call.sptk.many b0 = putc
	;;
	.endr
	movl	out0 = msg_done
	br.call.sptk.many b0 = puts
	;;
	mov	out0 = 0
	br.call.sptk.many b0 = exit
	;;

// measure(which) -> r8 = the least instructions of LOOPS loops of OPS
// round trips: 0 Ipc call to the other space, 1 Ipc call within this
// space, 2 ThreadSwitch to 131.1 and back, 3 the loop around a call to a
// stub that only returns (the user-side overhead).
measure:
	alloc	loc0 = ar.pfs, 1, 8, 8, 0
	mov	loc1 = b0
	movl	loc2 = -1		// the least so far
	mov	loc3 = LOOPS
	;;
	cmp.eq	p6, p0 = 0, in0
	cmp.eq	p7, p0 = 1, in0
	cmp.eq	p8, p0 = 2, in0
	mov	loc4 = b5		// what the loop calls
	;;
(p6)	movl	loc5 = ((USER_BASE + 2) << 32) | 1
	;;
(p7)	movl	loc5 = ((USER_BASE + 1) << 32) | 1
	;;
(p8)	movl	loc5 = ((USER_BASE + 3) << 32) | 1
	;;
(p8)	mov	loc4 = b4
	cmp.eq	p9, p0 = 3, in0
	;;
(p9)	mov	loc4 = b3
	;;
	mov	b2 = loc4
1:	mov	loc6 = OPS
	;;
	mov.m	loc7 = ar.itc
	;;
2:	mov	r14 = loc5
	mov	r15 = loc5
	mov	r16 = r0
	mov	out0 = r0
	br.call.sptk.many b0 = b2
	;;
	adds	loc6 = -1, loc6
	;;
	cmp.ne	p6, p0 = 0, loc6
(p6)	br.cond.sptk.few 2b
	;;
	mov.m	r2 = ar.itc
	;;
	sub	r2 = r2, loc7
	;;
	cmp.ltu	p7, p0 = r2, loc2
	;;
(p7)	mov	loc2 = r2
	adds	loc3 = -1, loc3
	;;
	cmp.ne	p8, p0 = 0, loc3
(p8)	br.cond.sptk.few 1b
	;;
	mov	r2 = OPS
	mov	r8 = 0			// least / OPS by repeated subtraction
	;;
3:	cmp.geu	p9, p0 = loc2, r2
	;;
(p9)	sub	loc2 = loc2, r2
(p9)	adds	r8 = 1, r8
(p9)	br.cond.sptk.few 3b
	;;
	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;

null_stub:
	br.ret.sptk.many b0
	;;

// 129.1: reply and wait, forever.
server:
	alloc	loc0 = ar.pfs, 0, 1, 8, 0
	movl	r2 = stub_ipc
	;;
	ld8	r2 = [r2]		// kip_init ran in 128.1: same space
	mov	r14 = NILTHREAD
	mov	r15 = ANYTHREAD
	mov	r16 = TIMEOUT_NEVER
	;;
	mov	b5 = r2
	;;
1:	br.call.sptk.many b0 = b5
	;;
	mov	r14 = r9
	mov	r15 = ANYTHREAD
	mov	r16 = TIMEOUT_NEVER
	mov	out0 = r0
	br.cond.sptk.few 1b
	;;

	.section .rodata
msg_warm:	.asciz	"bench: warmed up\n"
msg_done:	.asciz	"bench: done\n"
name_0:		.asciz	"BENCH ipc_inter_round_trip "
name_1:		.asciz	"BENCH ipc_intra_round_trip "
name_2:		.asciz	"BENCH thread_switch_round_trip "
name_3:		.asciz	"BENCH loop_overhead "
	STACKS	main
	STACKS	server
