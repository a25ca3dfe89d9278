/*
 * MIPS64 kernel entry from QEMU's Malta boot loader.
 *
 * Register contract on entry (QEMU hw/mips/malta.c, YAMON convention):
 * kernel mode with Status.BEV set, interrupts off, 32-bit addressing;
 * a1 = argv (32-bit pointers: argv[0] the kernel path, argv[1] the command
 * line), a2 = envp (32-bit pointers to name, value, name, value, ..., 0),
 * a3 = size of low RAM in bytes; a0 is not reliable (semihosting reuses it).
 * An EJTAG debug exception (SDBBP, which user mode can execute and the
 * kernel cannot intercept) makes QEMU's boot ROM start the kernel again in
 * debug mode; then kernel_main gets argv = MIPS_BOOT_IN_DEBUG_MODE and
 * refuses to run.
 * On exit to kernel_main(argv, envp): 64-bit addressing in every mode
 * (KX, SX, UX), 64-bit FPRs, exception vectors at mips_vectors (EBase,
 * BEV clear), KSEG0 cacheable, Count/CC readable from user mode (HWREna),
 * .bss zeroed, sp on the boot stack.
 */
#include "cp0.h"
#include "layout.h"

    .set noreorder
    .section .boot.text, "ax"
    .globl  _start
_start:
    li      $8, ST_KX | ST_SX | ST_UX | ST_FR | ST_BEV
    mtc0    $8, C0_STATUS
    ehb
    lui     $8, %hi(mips_vectors)
    daddiu  $8, $8, %lo(mips_vectors)
    mtc0    $8, C0_EBASE                /* bits 29-12: the vector page */
    li      $8, ST_KX | ST_SX | ST_UX | ST_FR
    mtc0    $8, C0_STATUS               /* BEV off: vectors at EBase */
    mfc0    $8, C0_CONFIG
    ori     $8, $8, 7
    xori    $8, $8, 4                   /* Config.K0 = 3: KSEG0 cacheable write-back */
    mtc0    $8, C0_CONFIG
    li      $8, 0xf                     /* rdhwr CPUNum, SYNCI_Step, CC, CCRes */
    mtc0    $8, C0_HWRENA
    ehb

    lui     $8, %hi(__bss_start)
    daddiu  $8, $8, %lo(__bss_start)
    lui     $9, %hi(__bss_end)
    daddiu  $9, $9, %lo(__bss_end)
1:  sd      $0, 0($8)
    daddiu  $8, $8, 8
    bne     $8, $9, 1b
     nop

    lui     $sp, %hi(boot_stack_top)
    daddiu  $sp, $sp, %lo(boot_stack_top)
    move    $4, $5                      /* kernel_main(argv, envp) */
    move    $5, $6
    mfc0    $8, $23, 0                  /* Debug.DM (bit 30): entered in debug mode */
    sll     $8, $8, 1
    bltz    $8, 3f
     nop
    b       4f
     nop
3:  li      $4, MIPS_BOOT_IN_DEBUG_MODE
4:
    jal     kernel_main
     move   $30, $0
2:  b       2b
     nop

    .bss
    .align  4
boot_stack:
    .space  8192
boot_stack_top:
