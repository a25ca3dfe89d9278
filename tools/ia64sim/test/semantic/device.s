// The ia64sim device page (platform/ia64sim/README.md): CHECKPOINT reads
// back, ICOUNT counts retired instructions, RAM_SIZE reports the default
// 128 MiB, and CONSOLE_IN returns all ones when no input is waiting (the
// runner gives the tests an empty standard input).
	.include "common.inc"
	.text
	.global	_start
_start:
	movl	r8 = DEV_BASE
	movl	r9 = 0x1234abcd
	;;
	adds	r10 = DEV_CHECKPOINT, r8
	adds	r11 = DEV_ICOUNT, r8
	adds	r12 = DEV_RAM_SIZE, r8
	adds	r13 = DEV_CONSOLE_IN, r8
	;;
	st8	[r10] = r9
	;;
	ld8	r14 = [r10]
	;;
	CHECK	r14, 0x1234abcd, 1
	{ .mmi
	ld8	r15 = [r11]
	nop.m	0
	nop.i	0
	;;
	}
	{ .mmi
	ld8	r16 = [r11]		// three instructions later
	nop.m	0
	nop.i	0
	;;
	}
	sub	r17 = r16, r15
	;;
	CHECK	r17, 3, 2
	ld8	r18 = [r12]
	;;
	CHECK	r18, 128 << 20, 3
	ld8	r19 = [r13]
	ld1	r20 = [r13]		// narrower reads are zero-extended
	;;
	CHECK	r19, -1, 4
	CHECK	r20, 0xff, 5
	PRINT	ok
	EXIT	0

	.data
ok:	.asciz	"device: ok\n"
