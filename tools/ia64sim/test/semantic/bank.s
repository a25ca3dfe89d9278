// Banked registers (SDM vol 2 sec 3.3.7): bsw.0 and bsw.1 select which
// of the two copies of r16-r31 (with their NaT bits) is visible; r0-r15
// and r32 up are not banked (vol 3 "bsw").  Interruptions select bank 0
// and rfi restores IPSR.bn (checked in break_rfi.s).
	.include "common.inc"
	.text
	.global	_start
_start:
	movl	r16 = 0x1616		// bank 1 (the reset bank here)
	movl	r31 = 0x3131
	movl	r15 = 0x1515
	;;
	bsw.0
	;;
	movl	r16 = 0x0016
	mov	r31 = r0
	movl	r15 = 0xf15
	;;
	movl	r20 = nat_word
	mov	r21 = -1
	;;
	mov	ar.unat = r21
	;;
	ld8.fill r17 = [r20]		// NaT in bank 0's r17 only
	;;
	mov	ar.unat = r0
	bsw.1
	;;
	CHECK	r16, 0x1616, 1
	CHECK	r31, 0x3131, 2
	CHECK	r15, 0xf15, 3		// not banked
	tnat.z	p6, p7 = r17
	;;
	CHECK_P	p6, 4
	bsw.0
	;;
	CHECK	r16, 0x0016, 5
	tnat.nz	p6, p7 = r17
	;;
	CHECK_P	p6, 6
	bsw.1
	;;
	PRINT	ok
	EXIT	0

	.data
	.align	8
nat_word:	data8 0
ok:	.asciz	"bank: ok\n"
