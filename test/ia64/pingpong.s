// The ping-pong suite's client (the root task, thread 128.1): 100,000
// calls to pingpong_server (129.1, another space), each from the bottom
// of a call chain deep enough that the register stack spills and fills
// around it, with every register set from a fresh seed (predicates,
// branch registers, all FP registers, the application registers).  After
// each call: the registers the Ipc ABI preserves must be unchanged
// (regcheck.inc, RC_MASK_IPC), the call chain's locals too, and the reply
// must be the server's transformation of the request; every 16th call the
// scratch registers must not hold the values the server had in them.
	.include "user.inc"
	.include "regcheck.inc"
	PROGRAM	1
	THREAD	main, main_sp, main_bs
	.equ	ROUNDS, 100000
	.text
main:
	alloc	loc0 = ar.pfs, 0, 14, 7, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	mov	loc1 = ar.fpsr
	mov	loc2 = 0		// rounds
	movl	loc3 = 0x243f6a8885a308d3	// seed
	mov	loc4 = 0		// calls with changed preserved registers
	mov	loc5 = 0		// wrong replies
	mov	loc6 = 0		// changed locals in the call chain
	mov	loc7 = 0		// scratch registers that carried the server's values
	movl	loc8 = msg
	movl	loc9 = snap
	;;
round:
	XORSHIFT loc3
	RC_CALL	1, loc3, 0
	add	loc6 = loc6, r8
	add	loc4 = loc4, r9
	cmp.eq	p7, p0 = 0, r10
	;;
(p7)	adds	loc5 = 1, loc5
	and	r2 = 15, loc2
	;;
	cmp.ne	p9, p0 = 0, r2
(p9)	br.cond.sptk.few 3f
	movl	r2 = RC_SERVER_XOR
	;;
	mov	out0 = loc9
	xor	out1 = loc3, r2		// the server's state for this reply
	br.call.sptk.many b0 = rc_leaks
	;;
	add	loc7 = loc7, r8
3:	adds	loc2 = 1, loc2
	movl	r2 = ROUNDS
	;;
	cmp.ltu	p6, p0 = loc2, r2
(p6)	br.cond.sptk.many round
	;;
	// Done: the server answers with its own counts in MR1-MR5.
	TID	r14, 1
	adds	r2 = RC_MSG_FROM_SPEC, loc8
	adds	r3 = RC_MSG_MR, loc8
	;;
	st8	[loc8] = r14
	st8	[r2] = r14
	movl	r8 = RC_DONE_LABEL << 16
	;;
	st8	[r3] = r8
	mov	out0 = 0
	mov	out1 = loc3
	mov	out2 = loc8
	mov	out3 = loc9
	mov	out4 = 0
	br.call.sptk.many b0 = rc_deep
	;;
	movl	out0 = msg_rounds
	br.call.sptk.many b0 = puts
	;;
	mov	out0 = loc2
	br.call.sptk.many b0 = putdec
	;;
	movl	out0 = msg_rounds2
	br.call.sptk.many b0 = puts
	;;
	movl	r2 = ROUNDS
	;;
	cmp.eq	p6, p0 = loc2, r2
	;;
(p6)	cmp.eq.unc p6, p0 = 0, loc5
	movl	out0 = n_round_trips
	br.call.sptk.many b0 = check_p6
	;;
	cmp.eq	p6, p0 = 0, loc4
	movl	out0 = n_client_regs
	br.call.sptk.many b0 = check_p6
	;;
	cmp.eq	p6, p0 = 0, loc6
	movl	out0 = n_client_stack
	br.call.sptk.many b0 = check_p6
	;;
	cmp.eq	p6, p0 = 0, loc7
	movl	out0 = n_client_leak
	br.call.sptk.many b0 = check_p6
	;;
	adds	loc11 = RC_MSG_MR + 8, loc8	// the server's MR1-MR5
	;;
	ld8	r2 = [loc11], 8
	movl	out0 = n_server_regs
	;;
	cmp.eq	p6, p0 = 0, r2
	br.call.sptk.many b0 = check_p6
	;;
	adds	r3 = 16, loc11		// MR4
	;;
	ld8	r2 = [loc11], 16
	movl	r8 = ROUNDS
	;;
	ld8	r3 = [r3]		// MR4: requests served
	cmp.eq	p6, p0 = 0, r2		// MR2: wrong requests
	;;
(p6)	cmp.eq.unc p6, p0 = r3, r8
	movl	out0 = n_server_requests
	br.call.sptk.many b0 = check_p6
	;;
	adds	r2 = -8, loc11		// MR3
	;;
	ld8	r2 = [r2]
	movl	out0 = n_server_stack
	;;
	cmp.eq	p6, p0 = 0, r2
	br.call.sptk.many b0 = check_p6
	;;
	adds	r2 = 8, loc11		// MR5
	;;
	ld8	r2 = [r2]
	movl	out0 = n_server_leak
	;;
	cmp.eq	p6, p0 = 0, r2
	br.call.sptk.many b0 = check_p6
	;;
	br.call.sptk.many b0 = summary
	;;

	.section .rodata
msg_rounds:	.asciz	"pingpong: "
msg_rounds2:	.asciz	" round trips between spaces\n"
n_round_trips:	.asciz	"pingpong.round_trips_100000_replies_correct"
n_client_regs:	.asciz	"pingpong.client_preserved_registers_after_each_ipc"
n_client_stack:	.asciz	"pingpong.client_stacked_registers_deep_chain"
n_client_leak:	.asciz	"pingpong.client_scratch_registers_not_from_server"
n_server_regs:	.asciz	"pingpong.server_preserved_registers_after_each_ipc"
n_server_requests: .asciz "pingpong.server_requests_correct"
n_server_stack:	.asciz	"pingpong.server_stacked_registers_deep_chain"
n_server_leak:	.asciz	"pingpong.server_scratch_registers_not_from_client"

	.data
	.align	8
msg:	.skip	RC_MSG_SIZE
	.align	16
snap:	.skip	RC_SLOTS * 8
	STACKS	main
