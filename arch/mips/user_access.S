/*
 * Word mips_copy_user(void* dst (a0), const void* src (a1), Word n (a2))
 *
 * Copies between kernel and user memory (n64 calling convention) and
 * returns the number of bytes NOT copied: 0 on success.  A fault on a
 * user address inside [mips_copy_user_start, mips_copy_user_end) that the
 * kernel cannot resolve resumes at mips_copy_user_fixup (trap.cc) with a2
 * still counting the bytes left; the faulting address is recorded by the
 * trap handler.  Aligned doublewords go eight at a time.  The caller checks
 * that the user range lies below USER_END.
 */
    .set noreorder
    .text
    .globl  mips_copy_user
    .globl  mips_copy_user_start
    .globl  mips_copy_user_end
    .globl  mips_copy_user_fixup
mips_copy_user:
    or      $12, $4, $5
    andi    $12, $12, 7
    bnez    $12, 2f                     /* not both aligned: bytes */
     nop
mips_copy_user_start:
1:  sltiu   $12, $6, 8
    bnez    $12, 2f
     nop
    ld      $13, 0($5)
    sd      $13, 0($4)
    daddiu  $5, $5, 8
    daddiu  $4, $4, 8
    b       1b
     daddiu $6, $6, -8
2:  beqz    $6, mips_copy_user_end
     nop
    lbu     $13, 0($5)
    sb      $13, 0($4)
    daddiu  $5, $5, 1
    daddiu  $4, $4, 1
    b       2b
     daddiu $6, $6, -1
mips_copy_user_end:
mips_copy_user_fixup:
    jr      $31
     move   $2, $6
