// Address spaces: a region id each and a software-walked page table.
//
// Seed 003's MIPS case ("soft TLB: kernel has to parse page table") meets
// IA-64 without the VHPT walker: region 0 of every space is refilled from
// a two-level table (ivt.s, REFILL), 2048 eight-byte entries per 16 KiB
// page at each level, address bits 35:25 and 24:14, the leaves in TLB
// insertion format (SDM vol 2 fig 4-5).  Each space has its own region id
// in rr0 (SDM vol 2 sec 4.1.2), so a switch between spaces loads rr0 and
// flushes nothing; only removing a translation purges it (ptc.l, here in
// Unmap).  The kernel's own memory is never in a page table: two
// translation registers map all of it (boot.s).
//
// Register contract: page_alloc (out r8 = a zeroed kernel page or 0;
// clobbers r2, r3, r8, p6) and space_map (in r14 = space, r15 = user
// address, r16 = PTE; out r8 = 0 when out of memory; clobbers r2, r3,
// r8-r11, r17, p6, p7) are leaves that keep r14-r16; space_create is a call.
	.explicit
	.include "layout.inc"
	.include "cpu.inc"
	.include "syscall.inc"
	.text

	.equ	POOL_PAGES, 96

	.global	page_alloc
	.proc	page_alloc
page_alloc:
	movl	r2 = pool_next
	movl	r3 = page_pool + POOL_PAGES * PAGE_SIZE
	;;
	ld8	r8 = [r2]
	;;
	cmp.geu	p6, p0 = r8, r3
	;;
(p6)	mov	r8 = r0			// pool exhausted
(p6)	br.ret.spnt.many b0
	movl	r3 = PAGE_SIZE
	;;
	add	r3 = r8, r3
	;;
	st8	[r2] = r3		// pages are never freed, so they are still zero
	br.ret.sptk.many b0
	;;
	.endp	page_alloc

	.global	space_map
	.proc	space_map
space_map:
	mov	r9 = b0			// a leaf that calls: keep b0 and ar.pfs
	mov	r17 = ar.pfs
	adds	r10 = SP_PTROOT, r14
	extr.u	r11 = r15, 25, 11
	;;
	ld8	r10 = [r10]
	;;
	shladd	r10 = r11, 3, r10	// the top-level entry
	;;
	ld8	r8 = [r10]
	;;
	cmp.ne	p6, p0 = r0, r8
(p6)	br.cond.sptk.few 1f
	br.call.sptk.many b0 = page_alloc	// a new leaf table
	;;
	cmp.eq	p7, p0 = r0, r8
	mov	b0 = r9
	mov	ar.pfs = r17
	;;
(p7)	br.ret.spnt.many b0
	st8	[r10] = r8
1:	extr.u	r11 = r15, PAGE_SHIFT, 11
	;;
	shladd	r11 = r11, 3, r8
	;;
	st8	[r11] = r16
	mov	r8 = 1
	br.ret.sptk.many b0
	;;
	.endp	space_map

// Creates space in0 (0 .. MAX_SPACES-1): its region id, an empty page
// table, a UTCB page, and the KIP and gate pages every space maps.
// r8 = the space, or 0 when out of kernel memory.
	.global	space_create
	.proc	space_create
space_create:
	alloc	loc0 = ar.pfs, 1, 3, 0, 0
	mov	loc1 = b0
	movl	r2 = spaces
	;;
	shl	loc2 = in0, 5		// SP_SIZE = 32
	adds	r3 = RID_SPACE_BASE, in0
	;;
	add	loc2 = loc2, r2
	;;
	shl	r3 = r3, 8
	;;
	adds	r3 = PAGE_SHIFT << 2, r3	// rr0: its rid, 16 KiB pages
	;;
	st8	[loc2] = r3		// SP_RR0
	br.call.sptk.many b0 = page_alloc
	;;
	cmp.eq	p6, p0 = r0, r8
	adds	r2 = SP_PTROOT, loc2
(p6)	br.cond.spnt.few 9f
	;;
	st8	[r2] = r8
	br.call.sptk.many b0 = page_alloc
	;;
	cmp.eq	p6, p0 = r0, r8
	adds	r2 = SP_UTCB_K, loc2
(p6)	br.cond.spnt.few 9f
	;;
	st8	[r2] = r8
	dep	r16 = 0, r8, 61, 3	// its physical address
	mov	r14 = loc2
	movl	r15 = UTCB_AREA
	movl	r3 = PTE_USER_RW
	;;
	or	r16 = r16, r3
	br.call.sptk.many b0 = space_map
	;;
	cmp.eq	p6, p0 = r0, r8
	movl	r16 = kip_page
	movl	r3 = PTE_USER_R
(p6)	br.cond.spnt.few 9f
	;;
	dep	r16 = 0, r16, 61, 3
	movl	r15 = KIP_BASE
	;;
	or	r16 = r16, r3
	br.call.sptk.many b0 = space_map
	;;
	cmp.eq	p6, p0 = r0, r8
	movl	r16 = __gate_phys
	movl	r3 = PTE_GATE
(p6)	br.cond.spnt.few 9f
	;;
	or	r16 = r16, r3
	movl	r15 = GATE_BASE
	br.call.sptk.many b0 = space_map
	;;
	cmp.eq	p6, p0 = r0, r8
	mov	r8 = loc2
	;;
(p6)	mov	r8 = r0
9:	mov	ar.pfs = loc0
	mov	b0 = loc1
	;;
	br.ret.sptk.many b0
	;;
	.endp	space_create

// ---- Unmap (X.2): r14 = control (k = bits 5:0, f = bit 6), the fpages
// in out0..out7 (MR0..MR7).  This kernel maps nothing into other spaces
// (no map IPC), so only f does something: it removes the pages of each
// fpage from the caller's own space and purges them from the TLB.  The
// program's pages can go; the UTCB, KIP and gate pages stay (X.2).  The
// fpages come back with their access bits (3:0) clear.
	.macro	UNMAP_MR i, reg
	mov	r9 = \i
	mov	r15 = \reg
	;;
	cmp.leu	p8, p0 = r9, loc7	// MR i is one of the k + 1 fpages
	;;
(p8)	br.call.sptk.many b0 = unmap_fpage
	;;
	.endm

	.global	unmap_entry
unmap_entry:
	SYSCALL_ENTRY
	tnat.nz	p6, p0 = r14
	;;
(p6)	mov	r14 = r0
	;;
	and	loc7 = 63, r14		// k
	tbit.nz	p7, p0 = r14, 6		// f
	;;
(p7)	br.cond.sptk.few 1f
	br.sptk.few 2f
	;;
1:	UNMAP_MR 0, r32
	UNMAP_MR 1, r33
	UNMAP_MR 2, r34
	UNMAP_MR 3, r35
	UNMAP_MR 4, r36
	UNMAP_MR 5, r37
	UNMAP_MR 6, r38
	UNMAP_MR 7, r39
2:	.irp	n, 32, 33, 34, 35, 36, 37, 38, 39
	dep	r\n = 0, r\n, 0, 4
	.endr
	;;
	br.sptk.few syscall_exit_same
	;;

// Removes the translations of fpage r15 from the current space.
// Clobbers r2, r3, r8-r11, r14-r18, p6-p9.
	.proc	unmap_fpage
unmap_fpage:
	tnat.nz	p6, p0 = r15
	extr.u	r16 = r15, 4, 6		// log2 size
	;;
(p6)	br.ret.spnt.many b0
	cmp.gtu	p7, p0 = PAGE_SHIFT, r16
	cmp.leu	p8, p0 = 31, r16	// not beyond the program area
	;;
(p7)	br.ret.spnt.many b0
(p8)	br.ret.spnt.many b0
	mov	r17 = 1
	dep	r14 = 0, r15, 0, 10	// base
	;;
	shl	r17 = r17, r16		// size
	mov	r18 = ar.k7
	;;
	adds	r18 = TCB_PTROOT, r18
	add	r17 = r14, r17		// end
	;;
	ld8	r18 = [r18]
	movl	r9 = UTCB_AREA
	;;
	cmp.ltu	p6, p0 = r9, r17
	;;
(p6)	mov	r17 = r9		// the UTCB, KIP and gate pages stay
	;;
3:	cmp.geu	p6, p0 = r14, r17
	extr.u	r10 = r14, 25, 11
(p6)	br.ret.sptk.many b0
	;;
	shladd	r10 = r10, 3, r18
	extr.u	r11 = r14, PAGE_SHIFT, 11
	;;
	ld8	r10 = [r10]
	;;
	cmp.eq	p7, p0 = r0, r10
	shladd	r11 = r11, 3, r10
	movl	r8 = PAGE_SIZE
	;;
(p7)	br.cond.spnt.few 4f
	ld8	r2 = [r11]
	;;
	cmp.eq	p9, p0 = r0, r2
	;;
(p9)	br.cond.sptk.few 4f
	st8	[r11] = r0
	mov	r3 = PAGE_SHIFT << 2
	;;
	ptc.l	r14, r3			// purge both TLBs in this space's region id
	;;
	srlz.d
4:	add	r14 = r14, r8
	br.cond.sptk.few 3b
	;;
	.endp	unmap_fpage

	.data
	.align	8
pool_next:	data8	page_pool

	.bss
	.align	32
	.global	spaces
spaces:	.skip	MAX_SPACES * SP_SIZE
	.align	PAGE_SIZE
page_pool:
	.skip	POOL_PAGES * PAGE_SIZE
