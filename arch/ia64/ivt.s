// The interruption vector table (SDM vol 2 sec 5.7, table 5-7) and the
// handlers that finish in register bank 0 without saving the thread.
//
// Register contract at every vector (SDM vol 2 sec 5.5.1): PSR.ic = 0,
// PSR.i = 0, PSR.bn = 0, PSR.cpl = 0, translation bits as interrupted.
// Bank-0 r16-r31 belong to these handlers (the seed's "bank 0 frees up
// registers for storing context"); r1-r15, bank-1 r16-r31, the stacked
// registers and everything else are the interrupted thread's and stay
// untouched, except where a handler defines a result (r8-r11 of
// KernelInterface).  ar.k7 holds the current TCB (switch.s).
//
// An interruption counts as coming from the thread when IPSR.cpl = 3 or
// IIP lies in the gate page (gate.s: the instructions between epc and
// disabling interrupts, and between re-enabling them and br.ret, run at
// PL 0 on the thread's own state).  Anything else is a kernel bug.
//
// The fast handlers: TLB refill from the space's page table (tlb.s
// describes the format), kdebug breaks (putc, KernelInterface, and the
// root space's exit and interrupt-injection calls), the external
// interrupt acknowledgement (preempting only when another thread is
// ready) and the lazy FP switch (fpu.s).  Everything else saves the
// thread (entry_full.s).
	.explicit
	.include "layout.inc"
	.include "cpu.inc"
	.include "board.inc"
	.include "interruption.inc"

	.macro	VECTOR offset
	.org	ivt + \offset
	.endm

// Leave for the full entry with the vector offset in bank-0 r17 and the
// thread's predicates back (saved in r27 by SAVE_PR; the vectors that go
// there directly have not touched them, and restoring r27 there is
// harmless as full_entry saves them again itself).
	.macro	TO_FULL offset
	RESTORE_PR
	mov	r17 = \offset
	;;
	br.sptk.few full_entry
	;;
	.endm
	.macro	TO_FULL_DIRECT offset
	mov	r17 = \offset
	br.sptk.few full_entry
	;;
	.endm

// TLB refill (the VHPT walker is off, so every miss arrives here): the
// two-level table of the current space (TCB_PTROOT), indexed by address
// bits 35:25 and 24:14, holds insertion-format PTEs (SDM vol 2 fig 4-5);
// a missing entry or an address outside region 0's 2^36 window is a page
// fault for the thread.  \kind is i or d.
	.macro	REFILL kind, vector
	SAVE_PR
	mov	r16 = cr.ifa
	mov	r17 = ar.k7
	;;
	shr.u	r18 = r16, USER_VA_BITS
	adds	r19 = TCB_PTROOT, r17
	extr.u	r20 = r16, 25, 11
	;;
	cmp.ne	p6, p0 = r0, r18
	ld8	r19 = [r19]
	extr.u	r23 = r16, PAGE_SHIFT, 11
(p6)	br.cond.spnt.few 1f
	;;
	shladd	r21 = r20, 3, r19
	;;
	ld8	r22 = [r21]
	;;
	cmp.eq	p7, p0 = r0, r22
	shladd	r24 = r23, 3, r22
(p7)	br.cond.spnt.few 1f
	;;
	ld8	r25 = [r24]
	mov	r26 = PAGE_SHIFT << 2
	;;
	tbit.z	p8, p0 = r25, 0
	mov	cr.itir = r26
(p8)	br.cond.spnt.few 1f
	;;
	itc.\kind r25
	;;
	srlz.\kind
	RESTORE_PR
	;;
	rfi
	;;
1:	TO_FULL	\vector
	.endm

	.section .text
	.align	32768
	.global	ivt
ivt:
	VECTOR	0x0000			// VHPT translation (walker off: never)
	TO_FULL_DIRECT	0x0000
	VECTOR	0x0400			// instruction TLB (walker off: never)
	TO_FULL_DIRECT	0x0400
	VECTOR	0x0800			// data TLB (walker off: never)
	TO_FULL_DIRECT	0x0800
	VECTOR	0x0c00			// alternate instruction TLB
	REFILL	i, 0x0c00
	VECTOR	0x1000			// alternate data TLB
	REFILL	d, 0x1000
	VECTOR	0x1400			// data nested TLB: a kernel miss with PSR.ic = 0
	mov	r17 = 0x1400
	br.sptk.few kernel_interruption
	;;
	VECTOR	0x1800			// instruction key miss
	TO_FULL_DIRECT	0x1800
	VECTOR	0x1c00			// data key miss
	TO_FULL_DIRECT	0x1c00
	VECTOR	0x2000			// dirty bit
	TO_FULL_DIRECT	0x2000
	VECTOR	0x2400			// instruction access bit
	TO_FULL_DIRECT	0x2400
	VECTOR	0x2800			// data access bit
	TO_FULL_DIRECT	0x2800

	VECTOR	0x2c00			// break instruction: kdebug calls
	br.sptk.few break_fast
	;;
	VECTOR	0x3000			// external interrupt
	br.sptk.few external_fast
	;;

	VECTOR	0x3400			// reserved vectors: report as what they are
	TO_FULL_DIRECT	0x3400
	VECTOR	0x3800
	TO_FULL_DIRECT	0x3800
	VECTOR	0x3c00
	TO_FULL_DIRECT	0x3c00
	VECTOR	0x4000
	TO_FULL_DIRECT	0x4000
	VECTOR	0x4400
	TO_FULL_DIRECT	0x4400
	VECTOR	0x4800
	TO_FULL_DIRECT	0x4800
	VECTOR	0x4c00
	TO_FULL_DIRECT	0x4c00

	.irp	v, 0x5000, 0x5100, 0x5200, 0x5300, 0x5400
	VECTOR	\v
	TO_FULL_DIRECT	\v
	.endr
	VECTOR	0x5500			// disabled FP register: lazy switch (fpu.s)
	br.sptk.few fpu_switch
	;;
	.irp	v, 0x5600, 0x5700, 0x5800, 0x5900, 0x5a00, 0x5b00, 0x5c00, 0x5d00, 0x5e00, 0x5f00
	VECTOR	\v
	TO_FULL_DIRECT	\v
	.endr
	.irp	v, 0x6000, 0x6100, 0x6200, 0x6300, 0x6400, 0x6500, 0x6600, 0x6700, 0x6800, 0x6900
	VECTOR	\v
	TO_FULL_DIRECT	\v
	.endr
	.irp	v, 0x6a00, 0x6b00, 0x6c00, 0x6d00, 0x6e00, 0x6f00, 0x7000, 0x7100, 0x7200, 0x7300
	VECTOR	\v
	TO_FULL_DIRECT	\v
	.endr
	.irp	v, 0x7400, 0x7500, 0x7600, 0x7700, 0x7800, 0x7900, 0x7a00, 0x7b00, 0x7c00, 0x7d00
	VECTOR	\v
	TO_FULL_DIRECT	\v
	.endr
	.irp	v, 0x7e00, 0x7f00
	VECTOR	\v
	TO_FULL_DIRECT	\v
	.endr
	.org	ivt + 0x8000

// Re-arm the injected interrupt (tests, kdb_inject): INJECT_VECTOR becomes
// pending minimum + (random & mask) instructions from now.  xorshift64
// (Marsaglia) needs only shifts and xors: the kernel stays out of the FP
// multiplier.  Inline in bank-0 code (a call would clobber the thread's
// b0 and frame); uses r18-r26 and p12.
	.macro	INJECT_REARM
	movl	r18 = inject_state
	;;
	ld8	r19 = [r18], 8		// state; 0: injection off
	;;
	ld8	r20 = [r18], -8		// minimum << 32 | mask
	cmp.eq	p12, p0 = 0, r19
(p12)	br.cond.spnt.few 9f
	;;
	shl	r21 = r19, 13
	;;
	xor	r19 = r19, r21
	;;
	shr.u	r21 = r19, 7
	;;
	xor	r19 = r19, r21
	;;
	shl	r21 = r19, 17
	;;
	xor	r19 = r19, r21
	zxt4	r22 = r20
	shr.u	r23 = r20, 32
	;;
	st8	[r18] = r19
	and	r22 = r22, r19
	movl	r24 = DEV_VBASE + DEV_ICOUNT
	;;
	add	r22 = r22, r23
	ld8	r25 = [r24], DEV_IRQ_AT - DEV_ICOUNT
	;;
	add	r25 = r25, r22
	mov	r26 = INJECT_VECTOR
	;;
	st8	[r24] = r25, DEV_IRQ_AT_VECTOR - DEV_IRQ_AT
	;;
	st8	[r24] = r26
9:
	.endm

// ---- break: kdebug calls (docs/abi.md, IA-64).
break_fast:
	SAVE_PR
	;;
	FROM_THREAD
	mov	r16 = cr.iim
	movl	r18 = 0x1face
	;;
(p6)	cmp.eq.unc p8, p0 = 0x1, r16	// putc r14
(p6)	cmp.eq.unc p9, p0 = r18, r16	// KernelInterface
(p6)	cmp.eq.unc p10, p0 = 0x40, r16	// exit the machine (root)
(p6)	cmp.eq.unc p11, p0 = 0x42, r16	// interrupt injection (root)
(p6)	cmp.eq.unc p12, p0 = 0x43, r16	// kernel statistics
(p6)	cmp.eq.unc p13, p0 = 0x44, r16	// one injected interrupt (root)
	;;
(p8)	br.cond.sptk.few kdb_putc
(p9)	br.cond.sptk.few kdb_kernel_interface
(p10)	br.cond.sptk.few kdb_exit
(p11)	br.cond.sptk.few kdb_inject
(p12)	br.cond.sptk.few kdb_statistics
(p13)	br.cond.sptk.few kdb_inject_once
	;;
	TO_FULL	VEC_BREAK

// putc r14; a NaT prints '?' (a NaT must not reach the store).
kdb_putc:
	tnat.nz	p7, p0 = r14
	movl	r16 = DEV_VBASE + DEV_CONSOLE_OUT
	mov	r17 = r14
	;;
(p7)	mov	r17 = '?'
	;;
	st8	[r16] = r17
	SKIP_SLOT
	RESTORE_PR
	;;
	rfi
	;;

// KernelInterface: r8 = KIP address, r9 = API version, r10 = API flags,
// r11 = kernel id (the KIP's own words, kip.s).
kdb_kernel_interface:
	movl	r8 = KIP_BASE
	movl	r16 = kip_page + KIP_API_VERSION
	movl	r11 = KIP_KERNEL_ID
	;;
	ld8	r9 = [r16], KIP_API_FLAGS - KIP_API_VERSION
	;;
	ld8	r10 = [r16]
	SKIP_SLOT
	RESTORE_PR
	;;
	rfi
	;;

// Kernel statistics for the tests: r8 = counter r14 (0: preemptions that
// switched threads, 1: FP partitions loaded for a new owner, 2:
// interruptions at PL 0 in the gate page that took the full entry), 0
// for any other number.
kdb_statistics:
	tnat.nz	p7, p0 = r14
	cmp.ltu	p8, p0 = 2, r14
	movl	r16 = kernel_statistics
	mov	r8 = r0
	;;
(p7)	br.cond.spnt.few 1f
(p8)	br.cond.spnt.few 1f
	shladd	r16 = r14, 3, r16
	;;
	ld8	r8 = [r16]
1:	SKIP_SLOT
	RESTORE_PR
	;;
	rfi
	;;

// p7 = the current thread belongs to the root space; uses r16.
	.macro	ROOT_ONLY
	mov	r16 = ar.k7
	;;
	adds	r16 = TCB_FLAGS, r16
	;;
	ld8	r16 = [r16]
	;;
	tbit.nz	p7, p0 = r16, 0
	;;
	.endm

// Exit the machine with status r14 (the root space only: tests end so).
kdb_exit:
	ROOT_ONLY
	tnat.z.and p7, p0 = r14
	;;
(p7)	br.cond.sptk.few 1f
	TO_FULL	VEC_BREAK
1:	movl	r16 = DEV_VBASE + DEV_EXIT
	;;
	st8	[r16] = r14
	;;
2:	br.cond.sptk.few 2b
	;;

// Interrupt injection for the tests (root space only): r14 = seed (0
// stops it), r15 = minimum << 32 | mask.  The kernel then makes
// INJECT_VECTOR pending minimum + (random & mask) instructions after each
// injected interrupt, so threads are preempted at pseudo-random points.
kdb_inject:
	ROOT_ONLY
	tnat.z.and p7, p0 = r14
	;;
	tnat.z.and p7, p0 = r15
	;;
(p7)	br.cond.sptk.few 1f
	TO_FULL	VEC_BREAK
1:	movl	r16 = inject_state
	;;
	st8	[r16] = r14, 8
	;;
	st8	[r16] = r15
	INJECT_REARM
	SKIP_SLOT
	RESTORE_PR
	;;
	rfi
	;;

// One injected interrupt for the tests (root space only): INJECT_VECTOR
// becomes pending r14 retired instructions from now, once.  Sweeping r14
// lands it on every instruction of what follows, the system-call stubs'
// PL 0 windows included.
kdb_inject_once:
	ROOT_ONLY
	tnat.z.and p7, p0 = r14
	;;
(p7)	br.cond.sptk.few 1f
	TO_FULL	VEC_BREAK
1:	movl	r16 = inject_state	// no periodic injection after it
	movl	r17 = DEV_VBASE + DEV_ICOUNT
	;;
	st8	[r16] = r0
	ld8	r18 = [r17], DEV_IRQ_AT - DEV_ICOUNT
	mov	r19 = INJECT_VECTOR
	;;
	add	r18 = r18, r14
	;;
	st8	[r17] = r18, DEV_IRQ_AT_VECTOR - DEV_IRQ_AT
	;;
	st8	[r17] = r19
	SKIP_SLOT
	RESTORE_PR
	;;
	rfi
	;;

// ---- external interrupts: the timer re-arms the time slice, the
// injection device its next shot; either preempts the thread (round
// robin, sched.s) when another thread is ready.
external_fast:
	SAVE_PR
	mov	r16 = cr.ivr		// acknowledge (SDM vol 2 sec 5.8.3.1)
	;;
	srlz.d
	cmp.eq	p7, p0 = 15, r16	// spurious
(p7)	br.cond.spnt.few 2f
	FROM_THREAD
(p6)	br.cond.sptk.few 1f
	mov	r17 = VEC_EXTERNAL
	br.sptk.few kernel_interruption
	;;
1:	cmp.eq	p8, p0 = TIMER_VECTOR, r16
	cmp.eq	p9, p0 = INJECT_VECTOR, r16
	;;
(p8)	mov.m	r18 = ar.itc
(p8)	movl	r19 = TIME_SLICE
	;;
(p8)	add	r18 = r18, r19
	;;
(p8)	mov	cr.itm = r18
(p9)	br.cond.sptk.few 3f
	;;
4:	mov	cr.eoi = r0
	movl	r20 = ready_head
	;;
	srlz.d
	ld8	r20 = [r20]
	;;
	cmp.eq	p10, p0 = r0, r20	// nobody else is ready: no switch
(p10)	br.cond.sptk.few 2f
	;;
	TO_FULL	VEC_EXTERNAL
2:	RESTORE_PR
	;;
	rfi
	;;
3:	INJECT_REARM
	br.sptk.few 4b
	;;

	.data
	.align	8
inject_state:
	data8	0, 0
	.global	kernel_statistics
kernel_statistics:			// see kdb_statistics
	data8	0, 0, 0
