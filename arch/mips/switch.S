/*
 * Kernel stack switching and the idle wait (MIPS64, n64 calling convention).
 *
 * void mips_switch_stacks(Word* save_sp (a0), Word new_sp (a1))
 *   Pushes the callee-saved registers s0-s7, s8, gp and ra on the current
 *   kernel stack, stores sp into *save_sp, loads new_sp and pops the same
 *   set: it returns where the other thread called it, or where
 *   prepare_user_thread/prepare_kernel_thread (context.cc) aimed it.
 *
 * mips_thread_start: a fresh user thread's first return from
 *   mips_switch_stacks lands here with s0 = the start-up function and sp
 *   on the thread's arch::Frame; calls s0() and leaves through the frame.
 *
 * void mips_idle_wait(): called with interrupts off; waits for an
 *   interrupt with them on and returns with them off.  An interrupt taken
 *   at mips_idle_wait_point (before the wait executes) resumes after it
 *   (trap.cc), so an event between the caller's last check and the wait
 *   is never slept through.
 */
    .set noreorder
    .text

    .globl  mips_switch_stacks
mips_switch_stacks:
    daddiu  $sp, $sp, -96
    sd      $16, 0($sp)
    sd      $17, 8($sp)
    sd      $18, 16($sp)
    sd      $19, 24($sp)
    sd      $20, 32($sp)
    sd      $21, 40($sp)
    sd      $22, 48($sp)
    sd      $23, 56($sp)
    sd      $30, 64($sp)
    sd      $28, 72($sp)
    sd      $31, 80($sp)
    sd      $sp, 0($4)
    move    $sp, $5
    ld      $16, 0($sp)
    ld      $17, 8($sp)
    ld      $18, 16($sp)
    ld      $19, 24($sp)
    ld      $20, 32($sp)
    ld      $21, 40($sp)
    ld      $22, 48($sp)
    ld      $23, 56($sp)
    ld      $30, 64($sp)
    ld      $28, 72($sp)
    ld      $31, 80($sp)
    jr      $31
     daddiu $sp, $sp, 96

    .globl  mips_thread_start
mips_thread_start:
    jalr    $16
     nop
    j       mips_return_from_exception
     nop

    .globl  mips_idle_wait
    .globl  mips_idle_wait_point
    .globl  mips_idle_wait_done
mips_idle_wait:
    ei
    ehb
mips_idle_wait_point:
    wait
mips_idle_wait_done:
    di
    jr      $31
     ehb
