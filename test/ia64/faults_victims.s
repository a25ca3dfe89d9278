// The faults suite's misbehaving threads (space 2, threads 129.1-143.1;
// see faults.s).  Each does one thing a user thread must not get away
// with; the kernel must stop it with a message and nobody else.
	.include "user.inc"
	PROGRAM	15
	THREAD	v_privileged, s0_sp, s0_bs		// 129
	THREAD	v_kernel_read, s1_sp, s1_bs		// 130
	THREAD	v_kernel_write, s2_sp, s2_bs		// 131
	THREAD	v_gate_middle, s3_sp, s3_bs		// 132
	THREAD	v_kernel_execute, s4_sp, s4_bs		// 133
	THREAD	v_forged_pfs, s5_sp, s5_bs		// 134
	THREAD	v_unknown_break, s6_sp, s6_bs		// 135
	THREAD	v_kdb_exit, s7_sp, s7_bs		// 136
	THREAD	v_nat, s8_sp, s8_bs			// 137
	THREAD	v_epc_elsewhere, s9_sp, s9_bs		// 138
	THREAD	v_unmapped_after_unmap, s10_sp, s10_bs	// 139
	THREAD	v_unaligned, s11_sp, s11_bs		// 140
	THREAD	v_other_region, s12_sp, s12_bs		// 141
	THREAD	v_kip_write, s13_sp, s13_bs		// 142
	THREAD	v_gate_read, s14_sp, s14_bs		// 143
	.equ	KERNEL_TEXT, 0xe000000000100000
	.equ	KERNEL_DATA, 0xe000000000118000
	.equ	KIP, 0xc0000000
	.equ	GATE, 0xc0004000
	.text

v_privileged:				// a privileged instruction at PL 3
	mov	r8 = psr
	;;
	br.cond.sptk.few survived
v_kernel_read:				// kernel memory: PL 0 pages
	movl	r2 = KERNEL_TEXT
	;;
	ld8	r8 = [r2]
	br.cond.sptk.few survived
	;;
v_kernel_write:
	movl	r2 = KERNEL_DATA
	;;
	st8	[r2] = r0
	br.cond.sptk.few survived
	;;
v_gate_middle:				// past the epc of the Ipc stub: still PL 3
	movl	r2 = GATE + 16
	;;
	mov	b6 = r2
	;;
	br.cond.sptk.few b6
	;;
v_kernel_execute:
	movl	r2 = KERNEL_TEXT
	;;
	mov	b6 = r2
	;;
	br.cond.sptk.few b6
	;;
v_forged_pfs:				// into the gate by a jump, with a PFS
	movl	r2 = (3 << 62) | 127	// "returning" to a 127-register frame
	movl	r3 = GATE		// the Ipc stub (kip_ipc)
	;;
	mov	ar.pfs = r2
	mov	b6 = r3
	mov	r14 = NILTHREAD		// a null Ipc
	mov	r15 = NILTHREAD
	;;
	br.cond.sptk.few b6
	;;
v_unknown_break:			// no such kdebug call
	break.m	0x777
	;;
	br.cond.sptk.few survived
v_kdb_exit:				// ending the machine is the root space's
	mov	r14 = 0x55
	;;
	KDB_EXIT
	;;
	br.cond.sptk.few survived
v_nat:					// an address that is NaT
	mov	r2 = -1
	movl	r3 = nat_source
	;;
	mov	ar.unat = r2
	;;
	ld8.fill r8 = [r3]
	;;
	ld8	r9 = [r8]
	br.cond.sptk.few survived
	;;
v_epc_elsewhere:			// epc on an ordinary page promotes nothing
	movl	r2 = 3 << 62		// PFS.ppl = 3, as after a call
	;;
	mov	ar.pfs = r2
	;;
	epc
	;;
	rsm	0x4000
	;;
	br.cond.sptk.few survived
v_unmapped_after_unmap:			// Unmap purges the TLB
	alloc	r40 = ar.pfs, 0, 1, 8, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	movl	r4 = probe_page
	;;
	ld8	r5 = [r4]		// now in the data TLB
	;;
	st8	[r4] = r5
	mov	r14 = 0x40		// control: f, one fpage
	mov	r2 = (14 << 4) | 7	// the page, rwx
	;;
	or	out0 = r4, r2
	;;
	SYSCALL	stub_unmap
	ld8	r5 = [r4]		// must fault: the translation is gone
	;;
	br.cond.sptk.few survived
v_unaligned:				// PSR.ac is the user's to set
	sum	0x8
	movl	r2 = nat_source + 1
	;;
	ld8	r8 = [r2]
	br.cond.sptk.few survived
	;;
v_other_region:				// regions 1-6 have no translations
	movl	r2 = 0x6000000000000000
	;;
	ld8	r8 = [r2]
	br.cond.sptk.few survived
	;;
v_kip_write:				// the KIP is read-only
	movl	r2 = KIP
	;;
	st8	[r2] = r0
	br.cond.sptk.few survived
	;;
v_gate_read:				// the gate page is execute-only
	movl	r2 = GATE
	;;
	ld8	r8 = [r2]
	br.cond.sptk.few survived
	;;

// Still running: tell the supervisor (128.1, which waits in a closed
// receive from this thread for "non-existing partner") that it survived.
survived:
	alloc	r40 = ar.pfs, 0, 1, 8, 0
	;;
	br.call.sptk.many b0 = kip_init
	;;
	TID	r14, 0
	mov	r15 = NILTHREAD
	mov	r16 = TIMEOUT_NEVER
	movl	out0 = (0xbad << 16)
	;;
	SYSCALL	stub_ipc
1:	br.cond.sptk.few 1b
	;;

	.data
	.align	8
nat_source:	data8	0x1234, 0
	.align	16384
probe_page:	.skip	16384
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
	STACKS	s\n
	.endr
