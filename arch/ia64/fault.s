// The message for a thread the kernel stops (thread.s, thread_fault):
//   chestnut: thread N.V stopped: WHAT[ at ADDRESS][ in the gate page]
//             at ip IP slot S (isr ISR)
// WHAT names the interruption (SDM vol 2 table 5-7), for General
// Exceptions the ISR code (vol 2 sec 8, "General Exception vector"),
// and ADDRESS is IFA for memory faults, marked when it is kernel memory
// (region 7).
//
// Register contract: fault_report is a call (br.call b0), in r14 = the
// TCB whose frame (TCB_FRAME) holds the interruption; clobbers the
// scratch registers.
	.explicit
	.include "layout.inc"
	.include "cpu.inc"
	.text

	.global	fault_report
	.proc	fault_report
fault_report:
	alloc	loc0 = ar.pfs, 0, 6, 0, 0
	mov	loc1 = b0
	adds	loc2 = TCB_FRAME, r14
	mov	loc3 = r14
	;;
	movl	r14 = msg_thread
	br.call.sptk.many b0 = kputs
	;;
	ld8	r14 = [loc3]
	br.call.sptk.many b0 = kputtid
	;;
	movl	r14 = msg_stopped
	br.call.sptk.many b0 = kputs
	;;
	adds	r2 = FR_VECTOR, loc2
	adds	r3 = FR_ISR, loc2
	;;
	ld8	loc4 = [r2]		// vector offset
	ld8	loc5 = [r3]		// ISR
	movl	r8 = vector_names
	;;
1:	ld8	r9 = [r8], 8		// find the name: (offset, string, has address)
	;;
	ld8	r14 = [r8], 8
	cmp.eq	p6, p0 = -1, r9
	;;
	ld8	r10 = [r8], 8
	cmp.eq.or p6, p0 = r9, loc4
(p6)	br.cond.sptk.few 2f
	br.cond.sptk.few 1b
	;;
2:	mov	r9 = VEC_GENERAL
	;;
	cmp.eq	p7, p0 = r9, loc4
	mov	loc3 = r10		// print the address?
	;;
(p7)	extr.u	r2 = loc5, 4, 4		// General Exception: the ISR code says which
	movl	r3 = general_names
	;;
(p7)	shladd	r2 = r2, 3, r3
	;;
(p7)	ld8	r14 = [r2]
	br.call.sptk.many b0 = kputs
	;;
	cmp.eq	p6, p0 = r0, loc3
(p6)	br.cond.sptk.few 3f
	movl	r14 = msg_at
	br.call.sptk.many b0 = kputs
	;;
	adds	r2 = FR_IFA, loc2
	;;
	ld8	loc3 = [r2]
	;;
	mov	r14 = loc3
	br.call.sptk.many b0 = kputhex
	;;
	shr.u	r2 = loc3, 61
	;;
	cmp.eq	p6, p0 = 7, r2
	movl	r14 = msg_kernel_memory
	;;
(p6)	br.call.sptk.many b0 = kputs
	;;
3:	adds	r2 = FR_IIP, loc2
	;;
	ld8	loc3 = [r2]
	movl	r3 = GATE_BASE
	;;
	sub	r2 = loc3, r3
	;;
	shr.u	r2 = r2, PAGE_SHIFT
	;;
	cmp.eq	p6, p0 = 0, r2
	movl	r14 = msg_in_gate
	;;
(p6)	br.call.sptk.many b0 = kputs
	;;
	movl	r14 = msg_ip
	br.call.sptk.many b0 = kputs
	;;
	mov	r14 = loc3
	br.call.sptk.many b0 = kputhex
	;;
	movl	r14 = msg_slot
	br.call.sptk.many b0 = kputs
	;;
	adds	r2 = FR_IPSR, loc2
	;;
	ld8	r2 = [r2]
	;;
	extr.u	r14 = r2, PSR_RI_SHIFT, 2
	br.call.sptk.many b0 = kputdec
	;;
	movl	r14 = msg_isr
	br.call.sptk.many b0 = kputs
	;;
	mov	r14 = loc5
	br.call.sptk.many b0 = kputhex
	;;
	movl	r14 = msg_end
	br.call.sptk.many b0 = kputs
	;;
	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	fault_report

	.section .rodata
msg_thread:	.asciz	"chestnut: thread "
msg_stopped:	.asciz	" stopped: "
msg_at:		.asciz	" at "
msg_kernel_memory: .asciz " (kernel memory)"
msg_in_gate:	.asciz	" in the gate page (not a system-call entry)"
msg_ip:		.asciz	" at ip "
msg_slot:	.asciz	" slot "
msg_isr:	.asciz	" (isr "
msg_end:	.asciz	")\n"
n_itlb:		.asciz	"instruction page fault"
n_dtlb:		.asciz	"page fault"
n_key:		.asciz	"protection key fault"
n_dirty:	.asciz	"dirty bit fault"
n_access:	.asciz	"access bit fault"
n_break:	.asciz	"unknown or privileged break"
n_present:	.asciz	"page not present"
n_irights:	.asciz	"instruction access rights fault"
n_drights:	.asciz	"data access rights fault"
n_nat:		.asciz	"NaT consumption"
n_spec:		.asciz	"speculation fault"
n_debug:	.asciz	"debug fault"
n_unaligned:	.asciz	"unaligned data reference"
n_unsupported:	.asciz	"unsupported data reference"
n_fp:		.asciz	"floating-point fault or trap"
n_transfer:	.asciz	"lower-privilege transfer trap"
n_branch:	.asciz	"taken branch trap"
n_step:		.asciz	"single step trap"
n_ia32:		.asciz	"IA-32 interruption"
n_other:	.asciz	"unexpected interruption"
g_illegal:	.asciz	"illegal operation"
g_privop:	.asciz	"privileged operation"
g_privreg:	.asciz	"privileged register"
g_reserved:	.asciz	"reserved register or field"
g_isa:		.asciz	"disabled instruction set transition"
g_dependency:	.asciz	"illegal dependency"
g_other:	.asciz	"general exception"
	.align	8
vector_names:				// vector offset, name, IFA meaningful
	data8	0x0c00, n_itlb, 1
	data8	0x1000, n_dtlb, 1
	data8	0x1800, n_key, 1
	data8	0x1c00, n_key, 1
	data8	0x2000, n_dirty, 1
	data8	0x2400, n_access, 1
	data8	0x2800, n_access, 1
	data8	0x2c00, n_break, 0
	data8	0x5000, n_present, 1
	data8	0x5100, n_key, 1
	data8	0x5200, n_irights, 1
	data8	0x5300, n_drights, 1
	data8	0x5400, g_other, 0
	data8	0x5600, n_nat, 0
	data8	0x5700, n_spec, 0
	data8	0x5900, n_debug, 0
	data8	0x5a00, n_unaligned, 1
	data8	0x5b00, n_unsupported, 1
	data8	0x5c00, n_fp, 0
	data8	0x5d00, n_fp, 0
	data8	0x5e00, n_transfer, 0
	data8	0x5f00, n_branch, 0
	data8	0x6000, n_step, 0
	data8	0x6900, n_ia32, 0
	data8	0x6a00, n_ia32, 0
	data8	0x6b00, n_ia32, 0
	data8	-1, n_other, 0
general_names:				// ISR.code{7:4}
	data8	g_illegal, g_privop, g_privreg, g_reserved, g_isa, g_other, g_other, g_other
	data8	g_dependency, g_other, g_other, g_other, g_other, g_other, g_other, g_other
