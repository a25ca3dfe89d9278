// Speed in virtual mode: loads, stores and adds over a 64 KiB buffer with
// instruction and data translation on (16 KiB pages filled by Alternate
// TLB handlers); 4,000 passes of 512 steps.  Reported by the speed suite,
// not judged (see README.md).
	.include "common.inc"
	.text
	IVT_BEGIN
	VECTOR	0x0c00
	movl	r18 = PTE_P | PTE_A | PTE_D | PTE_AR_RWX
	;;
	INSERT_IDENTITY i, r18
	rfi
	;;
	VECTOR	0x1000
	movl	r18 = PTE_P | PTE_A | PTE_D | PTE_AR_RW
	;;
	INSERT_IDENTITY d, r18
	rfi
	;;
	IVT_END
	PIN	i, 0, ivt, PTE_AR_RWX
	PIN	i, 1, ivt + 0x4000, PTE_AR_RWX
	ENTER	virtual, 0
virtual:
	movl	r8 = 4000 - 1
	;;
	mov.i	ar.lc = r8
	;;
pass:	movl	r9 = buffer
	mov	r10 = 512
	;;
step:	ld8	r11 = [r9]
	adds	r10 = -1, r10
	;;
	add	r11 = r11, r10
	cmp.ne	p6, p0 = 0, r10
	;;
	st8	[r9] = r11, 128
(p6)	br.cond.sptk.few step
	;;
	br.cloop.sptk.few pass
	;;
	EXIT	0

	.data
	.align	16384
buffer:	.skip	65536
