// Thread switch (seed 003, "Thread Switch Example": flush the register
// stack, swap the backing stores, return into the other thread's frame).
//
// Register contract of switch_to (br.call b0 = switch_to, out0 = the next
// TCB, PSR.i = 0, bank 1): it behaves like a call that preserves the
// callee-saved registers of the IA-64 software conventions -- r1, r4-r7,
// r12, r13, b1-b5, all predicates, ar.lc, ar.fpsr -- and the caller's
// stacked frames, and returns when some thread switches back to the
// caller.  Everything else static is clobbered.  While the kernel runs a
// system call those callee-saved registers still hold the user's values
// (the system-call path never writes them), so this is also the user
// state's save and restore: switch_to keeps it in its own stacked frame,
// and flushrs writes that frame to the kernel backing store along with
// everything below it -- the stacked registers are saved by the RSE,
// only PSR{31:0} (user mask and the FP-partition bits) and the backing
// store position are stored explicitly.  Per thread it loads the hardware
// registers user code and the refill handler see: ar.k7 (current TCB),
// ar.k6 (UTCB, user address of MR0), ar.k5 (MyGlobalId) and rr0 (the
// space's region id, so the TLB needs no flush).
//
// The frame switch_to builds is also what a new thread starts from:
// switch_prepare_new lays one out on its kernel backing store.
	.explicit
	.include "layout.inc"
	.include "cpu.inc"
	.text

// switch_to's frame: in0, then these locals, then out0.
	.equ	SW_PFS, 0
	.equ	SW_B0, 1
	.equ	SW_B1, 2			// b1..b5: 2..6
	.equ	SW_R1, 7
	.equ	SW_R4, 8			// r4..r7: 8..11
	.equ	SW_R12, 12
	.equ	SW_R13, 13
	.equ	SW_PR, 14
	.equ	SW_LC, 15
	.equ	SW_FPSR, 16
	.equ	SW_LOCALS, 17
	.equ	SW_SOL, 1 + SW_LOCALS		// registers br.ret refills

	.global	switch_to
	.proc	switch_to
switch_to:
	{ .mii
	alloc	loc0 = ar.pfs, 1, SW_LOCALS, 1, 0
	mov	loc1 = b0
	mov	loc2 = b1
	;;
	}
	{ .mii
	mov	loc15 = ar.fpsr
	mov	loc3 = b2
	mov	loc4 = b3
	}
	{ .mii
	mov	loc7 = r1
	mov	loc5 = b4
	mov	loc6 = b5
	}
	{ .mii
	mov	loc8 = r4
	mov	loc14 = pr
	mov.i	loc16 = ar.lc
	}
	{ .mmi
	mov	loc9 = r5
	mov	loc10 = r6
	mov	loc11 = r7
	}
	{ .mmi
	mov	loc12 = r12
	mov	loc13 = r13
	mov	out0 = in0
	}
	{ .mib
	nop.m	0
	nop.i	0
	br.call.sptk.many b0 = do_switch
	;;
	}
	// Now in the next thread's switch_to frame, refilled by the RSE.
	{ .mii
	mov	r4 = loc8
	mov	b0 = loc1
	mov.i	ar.pfs = loc0
	;;
	}
	{ .mii
	mov	ar.fpsr = loc15
	mov	b1 = loc2
	mov	b2 = loc3
	}
	{ .mii
	mov	r1 = loc7
	mov	b3 = loc4
	mov	b4 = loc5
	}
	{ .mii
	mov	r5 = loc9
	mov	b5 = loc6
	mov	pr = loc14, -1
	}
	{ .mii
	mov	r6 = loc10
	mov	r7 = loc11
	mov.i	ar.lc = loc16
	}
	{ .mib
	mov	r12 = loc12
	mov	r13 = loc13
	br.ret.sptk.many b0
	;;
	}
	.endp	switch_to

// in0 = the next TCB.  Called only from switch_to, so the frame to return
// into and the return address are the same for every thread: only the
// backing store position, its RNAT and PSR{31:0} are stored.
	.proc	do_switch
do_switch:
	{ .mmi
	flushrs				// every dirty register to this thread's backing store
	mov	r2 = ar.k7
	adds	r14 = TCB_KBSP, r32
	}
	{ .mmi
	ld8	r21 = [r32]		// the next thread's TCB_GID
	nop.m	0
	adds	r15 = TCB_KRNAT, r32
	;;
	}
	{ .mmi
	mov	r3 = ar.bsp		// = AR.BSPSTORE now
	mov	r8 = ar.rnat
	adds	r10 = TCB_KBSP, r2
	}
	{ .mmi
	ld8	r16 = [r14], TCB_PSR - TCB_KBSP
	ld8	r17 = [r15], TCB_UTCB_U - TCB_KRNAT
	adds	r11 = TCB_KRNAT, r2
	}
	{ .mmi
	mov	r9 = psr
	nop.m	0
	nop.i	0
	;;
	}
	{ .mmi
	st8	[r10] = r3, TCB_PSR - TCB_KBSP
	st8	[r11] = r8
	nop.i	0
	}
	{ .mmi
	ld8	r18 = [r14], TCB_RR0 - TCB_PSR
	ld8	r19 = [r15]
	nop.i	0
	;;
	}
	{ .mmi
	st8	[r10] = r9
	mov	ar.bspstore = r16	// the next thread's backing store; nothing is dirty
	nop.i	0
	}
	{ .mmi
	ld8	r20 = [r14]
	mov	ar.k7 = r32
	nop.i	0
	;;
	}
	{ .mmi
	mov	ar.rnat = r17
	mov	psr.l = r18
	nop.i	0
	}
	{ .mmi
	mov	ar.k6 = r19
	mov	ar.k5 = r21
	nop.i	0
	}
	{ .mmi
	mov	rr[r0] = r20
	nop.m	0
	nop.i	0
	;;
	}
	{ .mib
	srlz.i
	nop.i	0
	nop.b	0
	;;
	}
	{ .mib
	nop.m	0
	nop.i	0
	br.ret.sptk.many b0		// refills the next thread's switch_to frame
	;;
	}
	.endp	do_switch

// Lays out a switch_to frame for a thread that has never run, so that the
// first switch to it returns into r15 (full_exit) on its kernel
// stack with an empty frame.  in r14 = TCB, r15 = start address; clobbers
// r2, r3.  The frame lies below the first RNAT collection slot of the
// 512-byte aligned backing store, so no NaT collection is involved.
	.global	switch_prepare_new
	.proc	switch_prepare_new
switch_prepare_new:
	adds	r2 = TCB_KBS + 8 * (1 + SW_B0), r14
	adds	r3 = TCB_KBS + 8 * (1 + SW_R12), r14
	;;
	st8	[r2] = r15
	adds	r15 = TCB_KSTACK, r14
	;;
	st8	[r3] = r15
	adds	r2 = TCB_KBSP, r14
	adds	r3 = TCB_KBS + 8 * SW_SOL, r14
	;;
	st8	[r2] = r3, TCB_KRNAT - TCB_KBSP	// the rest of the frame is zero
	;;
	st8	[r2] = r0, TCB_PSR - TCB_KRNAT
	movl	r3 = KERNEL_PSR_L | PSR_DFL | PSR_DFH
	;;
	st8	[r2] = r3
	br.ret.sptk.many b0
	;;
	.endp	switch_prepare_new
