/*
 * MIPS64 exception vectors: TLB refill, general exception, kernel exit.
 *
 * Register contract.  On any exception the CPU sets Status.EXL (kernel
 * mode, interrupts masked), saves the PC in EPC and jumps to EBase +
 * 0x080 (XTLB refill: a TLB miss with EXL clear) or EBase + 0x180
 * (everything else, interrupts included, Cause.IV being 0).  Nothing is
 * stacked (seed 003, "Exceptions on MIPS"): every register still holds
 * the interrupted code's value except k0 and k1, which belong to the
 * kernel by convention.
 *
 * While EXL is set a TLB miss cannot be taken safely (it would go to the
 * general vector and lose EPC), so the vectors touch only unmapped memory
 * (CKSEG0: the per-CPU save area, page tables) until they have left
 * exception level.  Kernel stacks live in the mapped TCB area, so
 * - the refill handler uses only k0/k1 and unmapped page tables;
 * - the general vector parks sp, t0-t3 and the CP0 state in the save area,
 *   clears EXL, and only then writes the arch::Frame (frame.h) onto the
 *   thread's kernel stack (entry from user mode: the stack top the save
 *   area names; from kernel mode: below the current sp).  A TLB refill
 *   there is an ordinary nested refill that clobbers only k0/k1;
 * - the exit path reads the frame with EXL clear, parks what it still
 *   needs in the save area, and only then sets EXL and erets.
 * On every return the kernel loads k1 with the running thread's local id
 * (SAVE_UTCB): user mode finds its UTCB there (docs/abi.md).
 */
#include "cp0.h"
#include "frame_layout.h"
#include "layout.h"

    .set noreorder
    .set noat

#define SAVE_AREA(reg) \
    lui     reg, %hi(mips_cpu_save); \
    daddiu  reg, reg, %lo(mips_cpu_save)

    .section .text.vectors, "ax"
    .align  12
    .globl  mips_vectors
mips_vectors:
/* EBase + 0x000: refill of a 32-bit segment, unused with KX/SX/UX set. */
    b       xtlb_refill
     nop

/*
 * EBase + 0x080: XTLB refill, the software page-table walk.  In: k0/k1
 * free, BadVAddr/XContext/EntryHi describing the miss.  Walks the three
 * levels of the active user table (pte.h) for xuseg addresses below
 * USER_END; the kernel TCB table for the TCB area; anything else, or a
 * missing table, gets an invalid entry so the retried access raises a
 * TLB-invalid exception that the general vector turns into a page fault.
 */
    .org    0x080
xtlb_refill:
    dmfc0   $k0, C0_BADVADDR
    dsrl    $k1, $k0, USER_END_BITS
    bnez    $k1, refill_not_user
     lui    $k1, %hi(mips_cpu_save + SAVE_ROOT)
    ld      $k1, %lo(mips_cpu_save + SAVE_ROOT)($k1)     /* level 0 table */
    dsrl    $k0, $k0, PT_SHIFT0 - 3
    andi    $k0, $k0, 0xff8
    daddu   $k1, $k1, $k0
    ld      $k1, 0($k1)                   /* level 1 table | P, or 0 */
    beqz    $k1, refill_invalid
     dmfc0  $k0, C0_BADVADDR
    dsrl    $k0, $k0, PT_SHIFT1 - 3
    andi    $k0, $k0, 0xff8
    daddu   $k1, $k1, $k0
    ld      $k1, -1($k1)                  /* level 2 table | P, a 2 MiB leaf, or 0 */
    beqz    $k1, refill_invalid
     dmfc0  $k0, C0_XCONTEXT             /* bits 11-4: VA bits 20-13, the pair */
    bgez    $k1, refill_superpage        /* leaves are positive, tables negative */
     andi   $k0, $k0, 0xff0
    daddu   $k1, $k1, $k0
    ld      $k0, -1($k1)                  /* even page */
    ld      $k1, 7($k1)                   /* odd page */
    dsrl    $k0, $k0, PTE_HW_SHIFT
    dsrl    $k1, $k1, PTE_HW_SHIFT
refill_write:                           /* k0/k1: EntryLo0/EntryLo1 */
    dmtc0   $k0, C0_ENTRYLO0
    dmtc0   $k1, C0_ENTRYLO1
    ehb
    tlbwr
    lui     $k1, %hi(mips_cpu_save + SAVE_UTCB)
    ld      $k1, %lo(mips_cpu_save + SAVE_UTCB)($k1)
    eret

/* EBase + 0x100: cache error (QEMU raises none); stop where a debugger sees it. */
    .org    0x100
cache_error:
    b       cache_error
     nop

/* EBase + 0x180: every other exception and all interrupts. */
    .org    0x180
general_exception:
    SAVE_AREA($k0)
    sd      $sp, SAVE_SP($k0)
    sd      $12, SAVE_T0($k0)
    sd      $13, SAVE_T1($k0)
    sd      $14, SAVE_T2($k0)
    sd      $15, SAVE_T3($k0)
    dmfc0   $12, C0_EPC
    mfc0    $13, C0_STATUS
    mfc0    $14, C0_CAUSE
    dmfc0   $15, C0_BADVADDR
    andi    $k1, $13, ST_KSU_USER
    beqz    $k1, 1f                      /* from kernel mode: stay on this stack */
     nop
    ld      $sp, SAVE_KERNEL_SP($k0)      /* from user mode: the thread's kernel stack */
1:  daddiu  $sp, $sp, -FRAME_SIZE
    ori     $k1, $13, 0x1f               /* kernel mode, interrupts off, EXL clear */
    xori    $k1, $k1, 0x1f
    mtc0    $k1, C0_STATUS
    ehb
    /* From here a TLB refill may happen; k0/k1 are no longer used. */
    sd      $12, FRAME_EPC($sp)
    sd      $13, FRAME_STATUS($sp)
    sd      $14, FRAME_CAUSE($sp)
    sd      $15, FRAME_BADVADDR($sp)
    sd      $1, FRAME_GPR(1)($sp)
    sd      $2, FRAME_GPR(2)($sp)
    sd      $3, FRAME_GPR(3)($sp)
    sd      $4, FRAME_GPR(4)($sp)
    sd      $5, FRAME_GPR(5)($sp)
    sd      $6, FRAME_GPR(6)($sp)
    sd      $7, FRAME_GPR(7)($sp)
    sd      $8, FRAME_GPR(8)($sp)
    sd      $9, FRAME_GPR(9)($sp)
    sd      $10, FRAME_GPR(10)($sp)
    sd      $11, FRAME_GPR(11)($sp)
    sd      $16, FRAME_GPR(16)($sp)
    sd      $17, FRAME_GPR(17)($sp)
    sd      $18, FRAME_GPR(18)($sp)
    sd      $19, FRAME_GPR(19)($sp)
    sd      $20, FRAME_GPR(20)($sp)
    sd      $21, FRAME_GPR(21)($sp)
    sd      $22, FRAME_GPR(22)($sp)
    sd      $23, FRAME_GPR(23)($sp)
    sd      $24, FRAME_GPR(24)($sp)
    sd      $25, FRAME_GPR(25)($sp)
    sd      $28, FRAME_GPR(28)($sp)
    sd      $30, FRAME_GPR(30)($sp)
    sd      $31, FRAME_GPR(31)($sp)
    mfhi    $12
    mflo    $13
    sd      $12, FRAME_HI($sp)
    sd      $13, FRAME_LO($sp)
    SAVE_AREA($12)
    ld      $13, SAVE_SP($12)
    sd      $13, FRAME_GPR(29)($sp)
    ld      $13, SAVE_T0($12)
    sd      $13, FRAME_GPR(12)($sp)
    ld      $13, SAVE_T1($12)
    sd      $13, FRAME_GPR(13)($sp)
    ld      $13, SAVE_T2($12)
    sd      $13, FRAME_GPR(14)($sp)
    ld      $13, SAVE_T3($12)
    sd      $13, FRAME_GPR(15)($sp)
    jal     mips_exception              /* mips_exception(Frame*) */
     move   $4, $sp

/*
 * Leaves the kernel through the frame at sp.  In: EXL clear; interrupts
 * are turned off here.  The Status returned to is the live one (CU1 of
 * the FPU owner, the interrupt mask) with the frame's mode and IE.
 */
    .globl  mips_return_from_exception
mips_return_from_exception:
    di
    ehb
    SAVE_AREA($12)
    ld      $13, FRAME_EPC($sp)
    sd      $13, SAVE_EPC($12)
    mfc0    $13, C0_STATUS
    ori     $13, $13, 0x1f
    xori    $13, $13, 0x1f
    ld      $14, FRAME_STATUS($sp)
    andi    $14, $14, ST_KSU_USER | ST_IE
    or      $13, $13, $14
    ori     $13, $13, ST_EXL
    sd      $13, SAVE_STATUS($12)
    ld      $13, FRAME_GPR(29)($sp)
    sd      $13, SAVE_SP($12)
    ld      $13, FRAME_GPR(12)($sp)
    sd      $13, SAVE_T0($12)
    ld      $13, FRAME_GPR(13)($sp)
    sd      $13, SAVE_T1($12)
    ld      $13, FRAME_HI($sp)
    ld      $14, FRAME_LO($sp)
    mthi    $13
    mtlo    $14
    ld      $1, FRAME_GPR(1)($sp)
    ld      $2, FRAME_GPR(2)($sp)
    ld      $3, FRAME_GPR(3)($sp)
    ld      $4, FRAME_GPR(4)($sp)
    ld      $5, FRAME_GPR(5)($sp)
    ld      $6, FRAME_GPR(6)($sp)
    ld      $7, FRAME_GPR(7)($sp)
    ld      $8, FRAME_GPR(8)($sp)
    ld      $9, FRAME_GPR(9)($sp)
    ld      $10, FRAME_GPR(10)($sp)
    ld      $11, FRAME_GPR(11)($sp)
    ld      $14, FRAME_GPR(14)($sp)
    ld      $15, FRAME_GPR(15)($sp)
    ld      $16, FRAME_GPR(16)($sp)
    ld      $17, FRAME_GPR(17)($sp)
    ld      $18, FRAME_GPR(18)($sp)
    ld      $19, FRAME_GPR(19)($sp)
    ld      $20, FRAME_GPR(20)($sp)
    ld      $21, FRAME_GPR(21)($sp)
    ld      $22, FRAME_GPR(22)($sp)
    ld      $23, FRAME_GPR(23)($sp)
    ld      $24, FRAME_GPR(24)($sp)
    ld      $25, FRAME_GPR(25)($sp)
    ld      $28, FRAME_GPR(28)($sp)
    ld      $30, FRAME_GPR(30)($sp)
    ld      $31, FRAME_GPR(31)($sp)
    /* Only the save area from here on: no TLB miss can clobber k0/k1. */
    SAVE_AREA($k0)
    ld      $k1, SAVE_STATUS($k0)
    mtc0    $k1, C0_STATUS               /* EXL set: still kernel, interrupts masked */
    ld      $k1, SAVE_EPC($k0)
    dmtc0   $k1, C0_EPC
    ld      $12, SAVE_T0($k0)
    ld      $13, SAVE_T1($k0)
    ld      $sp, SAVE_SP($k0)
    ld      $k1, SAVE_UTCB($k0)
    ehb
    eret

/* The refill handler's other paths (see xtlb_refill). */
refill_superpage:                       /* k1: a 2 MiB leaf = two 1 MiB pages */
    dsrl    $k1, $k1, PTE_HW_SHIFT
    dmtc0   $k1, C0_ENTRYLO0
    daddiu  $k1, $k1, (0x100000 >> 12) << 6
    dmtc0   $k1, C0_ENTRYLO1
    li      $k0, PAGEMASK_1M
    mtc0    $k0, C0_PAGEMASK
    ehb
    tlbwr
    mtc0    $0, C0_PAGEMASK             /* 4 KiB for everything else */
    lui     $k1, %hi(mips_cpu_save + SAVE_UTCB)
    ld      $k1, %lo(mips_cpu_save + SAVE_UTCB)($k1)
    ehb
    eret

refill_not_user:                        /* k0: BadVAddr at or above USER_END */
    bgez    $k0, refill_invalid          /* the unused rest of xuseg */
     dsll   $k1, $k0, 2
    dsrl    $k1, $k1, 2 + TCB_AREA_BITS   /* xkseg offset / TCB area size */
    bnez    $k1, refill_invalid          /* not the TCB area (or not xkseg) */
     dsll   $k0, $k0, 2
    dsrl    $k0, $k0, 2 + PT_SHIFT1
    dsll    $k0, $k0, 3                 /* TCB directory index * 8 */
    lui     $k1, %hi(mips_tcb_directory)
    daddu   $k1, $k1, $k0
    ld      $k1, %lo(mips_tcb_directory)($k1)
    dmfc0   $k0, C0_XCONTEXT
    andi    $k0, $k0, 0xff0
    daddu   $k1, $k1, $k0
    ld      $k0, 0($k1)
    ld      $k1, 8($k1)
    dsrl    $k0, $k0, PTE_HW_SHIFT
    b       refill_write
     dsrl   $k1, $k1, PTE_HW_SHIFT

refill_invalid:                         /* both pages invalid: a fault when retried */
    move    $k0, $0
    b       refill_write
     move   $k1, $0
