// Privilege promotion through an execute-only gate page (SDM vol 2 sec
// 4.1.1.6 "Page Access Rights", vol 3 "epc"): user code (PL 3) calls into
// a page with TLB.ar = 7 and TLB.pl = 0, where epc raises PSR.cpl to 0;
// br.ret with PFS.ppl = 3 demotes again (vol 3 "br", return).  Negative
// cases: epc on an ordinary user page changes nothing, so a privileged
// instruction after it takes a Privileged Operation fault (General
// Exception, ISR.code 0x10, vol 2 ch 8 vector 0x5400); users cannot read
// the gate page (Data Access Rights fault); epc with PFS.ppl more
// privileged than PSR.cpl is an Illegal Operation fault (ISR.code 0);
// kernel pages are not executable at PL 3 (Instruction Access Rights).
// With PSR.it = 0, epc promotes to PL 0.
	.include "common.inc"

	.text
	IVT_BEGIN
	VECTOR	0x0c00			// Alternate ITLB: user, gate or kernel page
	mov	r16 = cr.ifa
	;;
	shr.u	r17 = r16, PAGE_SHIFT
	movl	r18 = user_code
	movl	r19 = gate_page
	;;
	shr.u	r18 = r18, PAGE_SHIFT
	shr.u	r19 = r19, PAGE_SHIFT
	;;
	cmp.eq	p8, p0 = r17, r18
	cmp.eq	p9, p0 = r17, r19
	movl	r20 = PTE_P | PTE_A | PTE_D | PTE_AR_RWX
	;;
(p8)	movl	r20 = PTE_P | PTE_A | PTE_D | PTE_PL3 | PTE_AR_RWX
	;;
(p9)	movl	r20 = PTE_P | PTE_A | PTE_AR_XP
	;;
	INSERT_IDENTITY i, r20
	rfi
	;;

	VECTOR	0x1000			// Alternate DTLB: the gate page keeps ar 7
	mov	r16 = cr.ifa
	;;
	shr.u	r17 = r16, PAGE_SHIFT
	movl	r19 = gate_page
	;;
	shr.u	r19 = r19, PAGE_SHIFT
	;;
	cmp.eq	p9, p0 = r17, r19
	movl	r20 = PTE_P | PTE_A | PTE_D | PTE_AR_RW
	;;
(p9)	movl	r20 = PTE_P | PTE_A | PTE_AR_XP
	;;
	INSERT_IDENTITY d, r20
	rfi
	;;

	VECTOR	0x2c00			// Break: the user is done; check from PL 0
	mov	r16 = cr.iim
	mov	r17 = cr.ipsr
	;;
	CHECK	r16, 0x999, 1
	extr.u	r18 = r17, 32, 2
	;;
	CHECK	r18, 3, 2		// the break came from PL 3
	br.sptk.few final_checks
	;;

	VECTOR	0x5200			// Instruction access rights: log, resume at user_exit
	LOG_INTERRUPTION exec_log
	movl	r16 = user_exit
	;;
	mov	cr.iip = r16
	mov	r17 = cr.ipsr
	;;
	dep	r17 = 0, r17, 41, 2	// slot 0
	;;
	mov	cr.ipsr = r17
	;;
	rfi
	;;
	VECTOR	0x5300			// Data access rights: log, skip
	LOG_INTERRUPTION rights_log
	SKIP_SLOT
	rfi
	;;
	VECTOR	0x5400			// General exception: log, skip
	LOG_INTERRUPTION general_log
	SKIP_SLOT
	rfi
	;;

	IVT_END
	movl	r8 = (0x200 << 8) | (PAGE_SHIFT << 2)
	;;
	mov	rr[r0] = r8
	;;
	srlz.d
	PIN	i, 0, ivt, PTE_AR_RWX
	PIN	i, 1, ivt + 0x4000, PTE_AR_RWX
	PIN	d, 0, general_log, PTE_AR_RW
	PIN	d, 1, DEV_BASE, PTE_AR_RW
	movl	r8 = 3 << 62		// PFS.ppl = 3, as a user's PFS would be
	;;
	mov	ar.pfs = r8
	// PL 3 in physical mode first: there epc promotes to PL 0.
	movl	r2 = (3 << 32) | (1 << 44) | (1 << 13)	// cpl 3, bn, ic
	movl	r3 = physical_user
	;;
	mov	cr.ipsr = r2
	mov	cr.iip = r3
	mov	cr.ifs = r0
	;;
	rfi
	;;
physical_user:
	mov	r8 = psr		// privileged operation fault, skipped
	;;
	epc				// PSR.it = 0: promotes to PL 0
	;;
	mov	r8 = psr		// allowed now
	ENTER	user_code, 3 << 32	// PSR.cpl = 3

final_checks:
	movl	r8 = general_log
	;;
	ld8	r9 = [r8], 8
	;;
	CHECK	r9, 4, 3
	ld8	r10 = [r8], 16
	;;
	extr.u	r10 = r10, 0, 8
	;;
	CHECK	r10, 0x10, 17		// privileged operation at PL 3 in physical mode
	ld8	r10 = [r8], 16
	;;
	extr.u	r10 = r10, 0, 8
	;;
	CHECK	r10, 0x10, 4		// privileged operation after an epc that did not promote
	ld8	r10 = [r8], 16
	;;
	extr.u	r10 = r10, 0, 8
	;;
	CHECK	r10, 0x10, 5		// privileged operation after br.ret demoted
	ld8	r10 = [r8]
	;;
	extr.u	r10 = r10, 0, 8
	;;
	CHECK	r10, 0, 6		// illegal operation: epc with PFS.ppl = 0
	movl	r11 = rights_log
	;;
	ld8	r12 = [r11], 8
	;;
	CHECK	r12, 1, 7
	ld8	r13 = [r11], 8
	;;
	tbit.nz	p6, p0 = r13, 34	// ISR.r: a read
	;;
	CHECK_P	p6, 8
	ld8	r13 = [r11]
	movl	r16 = gate_entry
	;;
	CHECK	r13, gate_entry, 16	// IFA
	movl	r14 = gate_ok
	;;
	ld8	r15 = [r14]
	;;
	CHECK	r15, 1, 9
	movl	r11 = exec_log
	;;
	ld8	r12 = [r11], 8
	;;
	CHECK	r12, 1, 10
	ld8	r13 = [r11], 8
	;;
	tbit.nz	p6, p0 = r13, 32	// ISR.x: an instruction fetch
	;;
	CHECK_P	p6, 11
	ld8	r13 = [r11]
	;;
	CHECK	r13, kernel_only, 12	// IFA: the bundle address
	PRINT	ok
	EXIT	0
kernel_only:
	EXIT	13

	.align	16384
user_code:				// PL 3
	epc				// an ordinary page: no promotion
	;;
	mov	r8 = psr		// privileged operation fault, skipped
	;;
	br.call.sptk.many b0 = gate_entry	// PFS.ppl = 3
	;;
	mov	r8 = psr		// demoted again: fault
	;;
	movl	r9 = gate_entry
	;;
	ld8	r10 = [r9]		// the gate is execute-only for PL 3
	;;
	mov	r11 = ar.pfs
	;;
	dep	r11 = 0, r11, 62, 2	// PFS.ppl = 0
	;;
	mov	ar.pfs = r11
	;;
	br.cond.sptk.few gate_bad_ppl
	;;
user_done:
	br.cond.sptk.few kernel_only	// kernel code is not executable at PL 3
	;;
user_exit:
	break.m	0x999
	;;

	.align	16384
gate_page:				// ar 7, pl 0
gate_entry:
	epc				// PSR.cpl = 0
	;;
	mov	r20 = psr		// allowed now
	movl	r21 = gate_ok
	mov	r22 = 1
	;;
	st8	[r21] = r22
	br.ret.sptk.many b0
	;;
gate_bad_ppl:
	epc				// illegal operation fault, skipped
	;;
	br.cond.sptk.few user_done	// still PL 3
	;;

	.data
	.align	16384
general_log:	.skip	8 + 16 * 8
rights_log:	.skip	8 + 16 * 8
exec_log:	.skip	8 + 16 * 8
gate_ok:	data8 0
ok:	.asciz	"epc: ok\n"
