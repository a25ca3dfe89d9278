// The faults suite (the root task, 128.1).  Hostile input first: system
// calls with bad thread ids, a NaT id, too long or typed messages, zero
// timeouts, the unimplemented calls, the KIP's values.  Then fifteen
// threads of another space (faults_victims.s) each try something a user
// thread must not get away with; the kernel stops each with a message
// (the runner checks the messages) and this thread, in a closed receive
// from each, sees it fail with "non-existing partner".  Meanwhile two
// threads in two more spaces (faults_ping.s, faults_pong.s) go on with
// 3000 calls: they must all come back right.
	.include "user.inc"
	PROGRAM	1
	THREAD	main, main_sp, main_bs
	.equ	VICTIMS, 15
	.equ	E_NONE, 0
	.equ	E_TIMEOUT_SEND, 2
	.equ	E_TIMEOUT_RECV, 3
	.equ	E_NO_PARTNER_SEND, 4
	.equ	E_NO_PARTNER_RECV, 5
	.equ	E_OVERFLOW_SEND, 8
	.equ	ONLY_E, 1 << 15
	.text

// Expect ipc_error(to, from, timeouts, mr0) to give ErrorCode \code
// (with MR0 = E only unless \code is 0); the case is called \name.
	.macro	EXPECT_IPC name, to, from, timeouts, mr0, code
	movl	out0 = \to
	movl	out1 = \from
	movl	out2 = \timeouts
	movl	out3 = \mr0
	br.call.sptk.many b0 = ipc_error
	;;
	mov	loc3 = r8
	mov	loc4 = r9
	;;
	cmp.eq	p6, p0 = \code, loc3
	.if	\code
	movl	r2 = ONLY_E
	;;
(p6)	cmp.eq.unc p6, p0 = r2, loc4
	.endif
	movl	out0 = \name
	br.call.sptk.many b0 = check_p6
	;;
	.endm

	.equ	ME, (USER_BASE << 32) | 1
	.equ	PONG, ((USER_BASE + 17) << 32) | 1
	.equ	TIMEOUTS_SEND_ZERO, TIME_ZERO << 16

main:
	alloc	loc0 = ar.pfs, 0, 8, 4, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	// The KIP through KernelInterface.
	KERNEL_INTERFACE
	;;
	movl	r2 = 0xc0000000
	;;
	cmp.eq	p6, p0 = r2, r8
	ld4	r3 = [r8]
	adds	r14 = 8, r8
	adds	r15 = 16, r8
	;;
	ld8	r14 = [r14]
	ld8	r15 = [r15]
	movl	r16 = 0x4be6344c	// 'L' '4' 0xe6 'K'
	;;
(p6)	cmp.eq.unc p6, p0 = r16, r3
	movl	r16 = 0x84050000	// X.2, subversion 5
	;;
(p6)	cmp.eq.unc p6, p0 = r16, r9
	;;
(p6)	cmp.eq.unc p6, p0 = r14, r9
	;;
(p6)	cmp.eq.unc p6, p0 = r15, r10
	;;
(p6)	cmp.eq.unc p6, p0 = 4, r10	// little endian, 64-bit
	movl	r16 = 0x0c010000	// Chestnut
	;;
(p6)	cmp.eq.unc p6, p0 = r16, r11
	movl	out0 = n_kip
	br.call.sptk.many b0 = check_p6
	;;
	movl	r2 = kip_base		// the stubs live in the gate page
	;;
	ld8	r2 = [r2]
	;;
	adds	r3 = KIP_IPC, r2
	adds	r8 = KIP_EXCHANGE_REGISTERS, r2
	;;
	ld8	r3 = [r3]
	ld8	r8 = [r8]
	;;
	shr.u	r3 = r3, 14
	shr.u	r8 = r8, 14
	;;
	cmp.eq	p6, p0 = 1, r3
	;;
(p6)	cmp.eq.unc p6, p0 = 1, r8
	movl	out0 = n_stubs
	br.call.sptk.many b0 = check_p6
	;;
	// Hostile Ipc.
	EXPECT_IPC n_below_base, ((5 << 32) | 1), 0, 0, 0, E_NO_PARTNER_SEND
	EXPECT_IPC n_beyond, ((1000 << 32) | 1), 0, 0, 0, E_NO_PARTNER_SEND
	EXPECT_IPC n_version, (((USER_BASE + 17) << 32) | 2), 0, 0, 0, E_NO_PARTNER_SEND
	EXPECT_IPC n_overflow, PONG, 0, 0, 8, E_OVERFLOW_SEND
	EXPECT_IPC n_typed, PONG, 0, 0, (1 << 6), E_OVERFLOW_SEND
	EXPECT_IPC n_send_zero, ME, 0, TIMEOUTS_SEND_ZERO, 0, E_TIMEOUT_SEND
	EXPECT_IPC n_recv_zero, 0, ANYTHREAD, TIME_ZERO, 0, E_TIMEOUT_RECV
	EXPECT_IPC n_recv_nonexistent, 0, ((1000 << 32) | 1), 0, 0, E_NO_PARTNER_RECV
	EXPECT_IPC n_null, 0, 0, 0, 0, E_NONE
	// A NaT thread id.
	mov	r2 = -1
	movl	r3 = nat_source
	;;
	mov	ar.unat = r2
	;;
	ld8.fill r14 = [r3]
	mov	ar.unat = r0
	mov	r15 = r0
	mov	r16 = r0
	mov	out0 = r0
	;;
	SYSCALL	stub_ipc
	mov	r2 = ar.k6
	;;
	adds	r2 = UTCB_ERROR_CODE, r2
	;;
	ld8	r2 = [r2]
	movl	r3 = ONLY_E
	;;
	cmp.eq	p6, p0 = E_NO_PARTNER_SEND, r2
	;;
(p6)	cmp.eq.unc p6, p0 = r3, out0
	movl	out0 = n_nat
	br.call.sptk.many b0 = check_p6
	;;
	// A NaT message word is delivered as a plain word (no fault, no NaT).
	mov	r2 = -1
	movl	r3 = nat_source
	;;
	mov	ar.unat = r2
	;;
	ld8.fill r8 = [r3]
	mov	ar.unat = r0
	movl	r14 = PONG
	movl	r15 = PONG
	mov	r16 = r0
	mov	out0 = 1
	;;
	mov	out1 = r8
	;;
	SYSCALL	stub_ipc
	tbit.z	p6, p0 = out0, 15
	movl	r2 = PONG
	;;
(p6)	cmp.eq.unc p6, p0 = r2, r9
	;;
(p6)	tnat.z.and p6, p0 = out1
	movl	out0 = n_nat_word
	br.call.sptk.many b0 = check_p6
	;;
	// The calls this kernel leaves out return 0 without entering it.
	movl	r2 = kip_base
	;;
	ld8	r2 = [r2]
	;;
	adds	r3 = KIP_EXCHANGE_REGISTERS, r2
	;;
	ld8	r3 = [r3]
	;;
	add	r3 = r3, r2
	mov	r8 = 77
	;;
	mov	b6 = r3
	;;
	br.call.sptk.many b0 = b6
	;;
	cmp.eq	p6, p0 = 0, r8
	movl	out0 = n_unimplemented
	br.call.sptk.many b0 = check_p6
	;;
	// ThreadSwitch to nobody in particular returns.
	movl	r14 = (2000 << 32) | 3
	;;
	SYSCALL	stub_thread_switch
	cmp.eq	p6, p0 = r0, r0
	movl	out0 = n_thread_switch
	br.call.sptk.many b0 = check_p6
	;;
	// SystemClock advances.
	SYSCALL	stub_system_clock
	mov	loc5 = r8
	mov	r14 = 1000
	;;
	mov	ar.lc = r14
	;;
1:	br.cloop.sptk.few 1b
	;;
	SYSCALL	stub_system_clock
	;;
	cmp.ltu	p6, p0 = loc5, r8
	movl	out0 = n_clock
	br.call.sptk.many b0 = check_p6
	;;
	// Each victim is stopped: a closed receive from it fails.
	mov	loc1 = 0
	movl	loc2 = victim_names
	;;
2:	adds	r2 = USER_BASE + 1, loc1
	;;
	shl	r2 = r2, 32
	;;
	adds	out1 = 1, r2
	mov	out0 = r0
	mov	out2 = r0
	mov	out3 = r0
	br.call.sptk.many b0 = ipc_error
	;;
	cmp.eq	p6, p0 = E_NO_PARTNER_RECV, r8
	movl	r2 = ONLY_E
	;;
(p6)	cmp.eq.unc p6, p0 = r2, r9
	ld8	out0 = [loc2], 8
	br.call.sptk.many b0 = check_p6
	;;
	adds	loc1 = 1, loc1
	;;
	cmp.gtu	p7, p0 = VICTIMS, loc1
(p7)	br.cond.sptk.few 2b
	;;
	EXPECT_IPC n_to_stopped, (((USER_BASE + 1) << 32) | 1), 0, 0, 0, E_NO_PARTNER_SEND
	// The others kept running.
	movl	out0 = ((USER_BASE + 16) << 32) | 1
	movl	out1 = ((USER_BASE + 16) << 32) | 1
	mov	out2 = r0
	mov	out3 = 1
	br.call.sptk.many b0 = ipc_error
	;;
	cmp.eq	p6, p0 = 0, r8
	movl	r2 = 3000
	;;
(p6)	cmp.eq.unc p6, p0 = r2, r10	// MR1 of the answer
	movl	out0 = n_others
	br.call.sptk.many b0 = check_p6
	;;
	br.call.sptk.many b0 = summary
	;;

// ipc_error(to, from, timeouts, mr0) -> r8 = ErrorCode (0 unless MR0 has
// E), r9 = MR0, r10 = MR1 received.
ipc_error:
	alloc	loc0 = ar.pfs, 4, 2, 8, 0
	mov	loc1 = b0
	mov	r14 = in0
	mov	r15 = in1
	mov	r16 = in2
	mov	out0 = in3
	.irp	o, out1, out2, out3, out4, out5, out6, out7
	mov	\o = r0
	.endr
	;;
	SYSCALL	stub_ipc
	tbit.nz	p6, p0 = out0, 15
	mov	r2 = ar.k6
	mov	r8 = r0
	;;
	adds	r2 = UTCB_ERROR_CODE, r2
	;;
(p6)	ld8	r8 = [r2]
	mov	r9 = out0
	mov	r10 = out1
	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;

	.section .rodata
n_kip:		.asciz	"kip.kernel_interface_values"
n_stubs:	.asciz	"kip.system_call_stubs_in_the_gate_page"
n_below_base:	.asciz	"ipc.to_thread_number_below_user_base"
n_beyond:	.asciz	"ipc.to_thread_number_beyond_the_tcbs"
n_version:	.asciz	"ipc.to_wrong_version"
n_overflow:	.asciz	"ipc.eight_untyped_words_overflow"
n_typed:	.asciz	"ipc.typed_item_refused"
n_send_zero:	.asciz	"ipc.send_zero_timeout_partner_not_receiving"
n_recv_zero:	.asciz	"ipc.receive_zero_timeout_nobody_sending"
n_recv_nonexistent: .asciz "ipc.receive_from_nonexistent_thread"
n_null:		.asciz	"ipc.null_ipc_returns"
n_nat:		.asciz	"ipc.nat_thread_id_is_no_partner"
n_nat_word:	.asciz	"ipc.nat_message_word_delivered_as_a_word"
n_unimplemented: .asciz	"syscall.unimplemented_call_returns_zero"
n_thread_switch: .asciz	"syscall.thread_switch_to_nonexistent_returns"
n_clock:	.asciz	"syscall.system_clock_advances"
n_to_stopped:	.asciz	"ipc.send_to_stopped_thread_fails"
n_others:	.asciz	"fault.other_spaces_keep_running_3000_calls"
v0:	.asciz	"fault.privileged_instruction_stops_thread"
v1:	.asciz	"fault.kernel_memory_read_stops_thread"
v2:	.asciz	"fault.kernel_memory_write_stops_thread"
v3:	.asciz	"fault.jump_into_gate_page_stops_thread"
v4:	.asciz	"fault.kernel_code_execute_stops_thread"
v5:	.asciz	"fault.gate_entered_by_jump_with_forged_pfs_stops_thread"
v6:	.asciz	"fault.unknown_break_stops_thread"
v7:	.asciz	"fault.kdebug_exit_outside_root_stops_thread"
v8:	.asciz	"fault.nat_consumption_stops_thread"
v9:	.asciz	"fault.epc_outside_gate_promotes_nothing"
v10:	.asciz	"fault.unmap_purges_tlb_then_access_stops_thread"
v11:	.asciz	"fault.unaligned_reference_stops_thread"
v12:	.asciz	"fault.other_region_stops_thread"
v13:	.asciz	"fault.kip_write_stops_thread"
v14:	.asciz	"fault.gate_page_read_stops_thread"
	.align	8
victim_names:
	data8	v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14

	.data
	.align	8
nat_source:	data8	0
	STACKS	main
