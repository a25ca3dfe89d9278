// The exits of the epc system calls (gate.s, syscall.inc).  Two ways out:
//
//   syscall_exit_same     the thread never left the CPU and its frame is
//                         as the entry built it: r32-r39 (out0-out7) and
//                         r9 are the results.  The user's stacked
//                         registers are still in the register file, so
//                         writing AR.BSPSTORE back moves them home for
//                         free (SDM vol 2 sec 6.5.3).  If the kernel's
//                         frame forced some onto the kernel backing store
//                         it takes the resumed way.
//   syscall_exit_resumed  the thread was switched away and back (or its
//                         registers were spilled): its results are in
//                         TCB_MR (out0-out7), TCB_FROM (r9) and
//                         TCB_RESULT (0, or an IPC ErrorCode: then MR0 =
//                         E only, r9 = nilthread and the UTCB's ErrorCode
//                         is set).  loadrs brings the user's stacked
//                         registers back from the kernel backing store.
//                         The scratch registers are cleared: they could
//                         hold another thread's values.
//
// Register contract: both are branched to in the frame of syscall.inc
// with PSR.i = 0; they restore ar.rsc, ar.bspstore, ar.rnat, ar.unat,
// ar.pfs and b0 from its locals and leave through gate_exit.
	.explicit
	.include "layout.inc"
	.include "cpu.inc"
	.include "syscall.inc"
	.text
	.regstk	8, SC_LOCALS, SC_OUTS, 0

	.global	syscall_exit_same
syscall_exit_same:
	mov	r2 = ar.bspstore
	adds	r3 = TCB_KBS, loc6
	mov	r8 = loc1
	mov	r10 = loc2
	;;
	cmp.ne	p6, p0 = r2, r3
	mov	r11 = loc3
	mov	r14 = loc4
	mov	r15 = loc0
	mov	b0 = loc5
(p6)	br.cond.spnt.few syscall_exit_spilled
	;;
	alloc	r2 = ar.pfs, 8, 0, 0, 0
	;;
	mov	ar.bspstore = r10	// the dirty user registers move with it
	;;
	mov	ar.rnat = r11
	mov	ar.rsc = r8
	mov	ar.unat = r14
	mov	ar.pfs = r15
	brl.sptk.few gate_exit
	;;

	.regstk	8, SC_LOCALS, SC_OUTS, 0	// the frame these labels are reached in
syscall_exit_spilled:
	SPILL_MRS loc6, r9

	.global	syscall_exit_resumed
syscall_exit_resumed:
	{ .mmi
	mov	r8 = loc1
	adds	r18 = TCB_MR, loc6
	mov	r15 = loc0
	}
	{ .mmi
	mov	r10 = loc2
	adds	r19 = TCB_MR + 8, loc6
	mov	b0 = loc5
	}
	{ .mii
	mov	r11 = loc3
	mov	r14 = loc4
	mov	r17 = loc8
	}
	{ .mii
	adds	r20 = TCB_UTCB_K, loc6
	mov	r2 = r0
	mov	r3 = r0
	;;
	}
	{ .mmi
	alloc	r16 = ar.pfs, 0, 0, 0, 0	// loadrs wants an empty frame
	mov	ar.rsc = r17		// RSC.loadrs: the user's bytes on the kernel backing store
	mov	r22 = r0
	;;
	}
	{ .mii
	loadrs
	mov	r23 = r0
	mov	r24 = r0
	;;
	}
	{ .mii
	mov	ar.bspstore = r10	// the user's registers move back home
	mov	r25 = r0
	mov	r26 = r0
	;;
	}
	{ .mii
	mov	ar.rnat = r11
	mov	r27 = r0
	mov	r28 = r0
	;;
	}
	{ .mmi
	alloc	r16 = ar.pfs, 0, 0, 8, 0
	ld8	r20 = [r20]		// the UTCB (for an ErrorCode)
	nop.i	0
	;;
	}
	{ .mmi
	ld8	r32 = [r18], 16
	ld8	r33 = [r19], 16
	nop.i	0
	}
	{ .mmi
	mov	ar.unat = r14
	nop.m	0
	mov	r29 = r0
	;;
	}
	{ .mmi
	ld8	r34 = [r18], 16
	ld8	r35 = [r19], 16
	mov	r30 = r0
	;;
	}
	{ .mmi
	ld8	r36 = [r18], 16
	ld8	r37 = [r19], 16
	mov	r31 = r0
	;;
	}
	{ .mmi
	ld8	r38 = [r18], 16
	ld8	r39 = [r19], 16
	adds	r20 = UTCB_ERROR_CODE, r20
	;;
	}
	{ .mmi
	ld8	r9 = [r18]		// TCB_FROM
	ld8	r21 = [r19]		// TCB_RESULT
	mov.i	ar.pfs = r15
	;;
	}
	{ .mmi
	mov	ar.rsc = r8
	mov	ar.ccv = r0		// the scratch ARs and BRs could hold another thread's values
	cmp.ne	p6, p0 = r0, r21
	;;
	}
	{ .mmi
(p6)	st8	[r20] = r21		// the IPC failed: its ErrorCode
(p6)	mov	r9 = r0			// from = nilthread
(p6)	mov	r32 = 1 << 15		// and MR0 = E only
	}
	{ .mii
	mov	ar.csd = r0
	mov	b6 = r0
	mov	b7 = r0
	}
	{ .mlx
	mov	ar.ssd = r0
	brl.sptk.few gate_exit
	;;
	}
