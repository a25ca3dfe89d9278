/* Byte offsets in the MIPS register frame (frame.h), for entry.S.
 * GPR n is saved at FRAME_GPR(n); the slots of r0, k0 and k1 are unused. */
#pragma once

#define FRAME_GPR(n)        ((n) * 8)
#define FRAME_HI            (32 * 8)
#define FRAME_LO            (33 * 8)
#define FRAME_EPC           (34 * 8)
#define FRAME_STATUS        (35 * 8)
#define FRAME_CAUSE         (36 * 8)
#define FRAME_BADVADDR      (37 * 8)
#define FRAME_SIZE          (38 * 8)

/* The per-CPU save area (context.h: CpuSave), reached without the TLB. */
#define SAVE_KERNEL_SP      0       /* top of the running thread's kernel stack */
#define SAVE_ROOT           8       /* CKSEG0 address of the active user root table */
#define SAVE_UTCB           16      /* what user mode finds in k1: the local id */
#define SAVE_SP             24      /* entry/exit scratch: sp, t0-t3 (r12-r15), EPC, Status */
#define SAVE_T0             32
#define SAVE_T1             40
#define SAVE_T2             48
#define SAVE_T3             56
#define SAVE_EPC            64
#define SAVE_STATUS         72
#define SAVE_SIZE           128
