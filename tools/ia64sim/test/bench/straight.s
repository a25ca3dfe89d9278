// Speed benchmark: 40,000 passes over 512 straight-line bundles of
// independent integer operations (3 instructions each), one counted-loop
// branch per pass; about 61 million instructions.
	.explicit
	.include "board.inc"
	.text
	.global _start
_start:
	movl	r8 = 40000 - 1
	;;
	mov.i	ar.lc = r8
	;;
loop:
	.rept	512
	{ .mii
	add	r9 = r9, r10
	xor	r11 = r11, r12
	shladd	r13 = r14, 2, r15
	;;
	}
	.endr
	{ .mib
	nop.m	0
	nop.i	0
	br.cloop.sptk.few loop
	;;
	}
	movl	r2 = BOARD_DEV_BASE + DEV_EXIT	// exit with status 0
	;;
	st8	[r2] = r0
	;;
