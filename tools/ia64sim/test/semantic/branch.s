// Branches (SDM vol 3 "br", "brl"): IP-relative and indirect calls and
// returns with the return link in any branch register, long branches, a
// predicated-off branch, mov r=ip; the modulo-scheduled loop branches and
// register rotation (vol 1 sec 4.5.1, 4.5.2; vol 3 "br.ctop", "br.cexit",
// "clrrrb"): rotation renames r32-r39 (sor 8) and the rotating predicates,
// with p63 written before each rotation becoming p16.
	.include "common.inc"
	.text
	.global	_start
_start:
	movl	r8 = user_bs
	;;
	mov	ar.bspstore = r8
	;;
	movl	r9 = callee
	;;
	mov	b7 = r9
	;;
	br.call.sptk.many b6 = b7	// indirect call, link in b6
	;;
after_call:
	movl	r10 = after_call
	;;
	cmp.eq	p6, p7 = r8, r10	// the callee returned its b6
	;;
	CHECK_P	p6, 1
	brl.call.sptk.many b1 = callee_b1
	;;
	CHECK	r8, 0x42, 2
	brl.cond.sptk.few long_target
	;;
	EXIT	3
long_target:
	cmp.eq	p6, p7 = r0, r0
	;;
(p7)	br.cond.sptk.few wrong		// predicated off
	mov	r11 = ip
	;;
here:	movl	r12 = here
	;;
	adds	r12 = -16, r12		// mov r=ip ran one bundle earlier
	;;
	cmp.eq	p6, p7 = r11, r12
	;;
	CHECK_P	p6, 4
	movl	r13 = ind_target
	;;
	mov	b2 = r13
	;;
	br.cond.sptk.few b2
	;;
wrong:	EXIT	5
ind_target:
	// Counted loop with rotation: three passes through br.ctop.
	alloc	r40 = ar.pfs, 0, 9, 0, 8	// r40 is the ninth local; r32-r39 rotate
	mov	ar.lc = 2
	;;
	mov	ar.ec = 0
	clrrrb
	;;
	mov	pr.rot = 0
	mov	r32 = 100
	;;
top:	{ .mib
	nop.m	0
	nop.i	0
	br.ctop.sptk.few next
	;;
	}
	br.cond.sptk.few done
	;;
next:	adds	r32 = 1, r33
	br.cond.sptk.few top
	;;
done:	CHECK	r32, 102, 6
	CHECK	r33, 101, 7
	CHECK	r34, 100, 8
	CHECK_P	p16, 9			// p63 = 1 before each rotation
	CHECK_P	p17, 10
	mov	r14 = ar.lc
	;;
	CHECK	r14, 0, 11
	// Epilogue counting with EC: br.cexit falls through while EC > 1.
	mov	ar.ec = 2
	;;
	{ .mib
	nop.m	0
	nop.i	0
	br.cexit.sptk.few wrong		// EC 2 -> 1, rotates, not taken
	;;
	}
	CHECK_P	p17, 12			// p16 rotated into p17
	{ .mib
	nop.m	0
	nop.i	0
	br.cexit.sptk.few exited	// EC 1 -> 0, rotates, taken
	;;
	}
	EXIT	13
exited:	mov	r15 = ar.ec
	;;
	CHECK	r15, 0, 14
	tbit.z	p6, p7 = r0, 0
	;;
	clrrrb
	;;
	CHECK	r32, 100, 15		// the unrotated name again
	PRINT	ok
	EXIT	0

callee:	alloc	r14 = ar.pfs, 0, 2, 0, 0
	mov	r8 = b6
	;;
	mov	ar.pfs = r14
	br.ret.sptk.many b6
	;;
callee_b1:
	mov	r8 = 0x42
	br.ret.sptk.many b1
	;;

	.data
	.align	512
ok:	.asciz	"branch: ok\n"
	.align	512
user_bs:	.skip	4096
