// MIPS64 Release 2 coprocessor 0: register numbers and the bits Chestnut
// uses (MIPS64 Architecture for Programmers, Volume III, chapter 9).
// Shared by C++ and assembly; the C++ accessors are below.
#pragma once

/* Registers as "register, select" operands of mfc0/mtc0. */
#define C0_INDEX        $0, 0
#define C0_RANDOM       $1, 0
#define C0_ENTRYLO0     $2, 0
#define C0_ENTRYLO1     $3, 0
#define C0_CONTEXT      $4, 0
#define C0_PAGEMASK     $5, 0
#define C0_WIRED        $6, 0
#define C0_HWRENA       $7, 0
#define C0_BADVADDR     $8, 0
#define C0_COUNT        $9, 0
#define C0_ENTRYHI      $10, 0
#define C0_COMPARE      $11, 0
#define C0_STATUS       $12, 0
#define C0_CAUSE        $13, 0
#define C0_EPC          $14, 0
#define C0_PRID         $15, 0
#define C0_EBASE        $15, 1
#define C0_CONFIG       $16, 0
#define C0_CONFIG1      $16, 1
#define C0_XCONTEXT     $20, 0

/* Status */
#define ST_IE           0x00000001
#define ST_EXL          0x00000002
#define ST_ERL          0x00000004
#define ST_KSU_USER     0x00000010
#define ST_UX           0x00000020
#define ST_SX           0x00000040
#define ST_KX           0x00000080
#define ST_IM_SHIFT     8
#define ST_IM2          0x00000400        /* hardware interrupt 0: the Malta i8259 */
#define ST_IM7          0x00008000        /* hardware interrupt 5: the CP0 timer */
#define ST_BEV          0x00400000
#define ST_FR           0x04000000        /* 32 64-bit FPRs (n64 needs them) */
#define ST_CU1          0x20000000        /* the FPU is usable */

/* Cause */
#define CAUSE_EXC_SHIFT 2
#define CAUSE_EXC_MASK  0x7c
#define CAUSE_IP_SHIFT  8
#define CAUSE_CE_SHIFT  28
#define CAUSE_BD        0x80000000

/* Exception codes (Cause.ExcCode) */
#define EXC_INT         0
#define EXC_MOD         1
#define EXC_TLBL        2
#define EXC_TLBS        3
#define EXC_ADEL        4
#define EXC_ADES        5
#define EXC_SYS         8
#define EXC_BP          9
#define EXC_RI          10
#define EXC_CPU         11

/* EntryLo */
#define ENTRYLO_G       0x01
#define ENTRYLO_V       0x02
#define ENTRYLO_D       0x04
#define ENTRYLO_C_SHIFT 3

/* PageMask for the 1 MiB halves of a 2 MiB superpage */
#define PAGEMASK_1M     0x001fe000

#define TLB_ASID_MASK   0xff

#ifndef __ASSEMBLY__

#include <generic/types.h>

namespace mips {

#define MIPS_CP0_STR2(r, s) #r ", " #s
#define MIPS_CP0_STR(...) MIPS_CP0_STR2(__VA_ARGS__)

// 32-bit and 64-bit moves from and to CP0, followed by the R2 execution
// hazard barrier where a later instruction depends on the write.
#define MIPS_MFC0(reg) ({ u32 v_; asm volatile("mfc0 %0, " MIPS_CP0_STR(reg) : "=r"(v_)); v_; })
#define MIPS_DMFC0(reg) ({ Word v_; asm volatile("dmfc0 %0, " MIPS_CP0_STR(reg) : "=r"(v_)); v_; })
#define MIPS_MTC0(reg, v) asm volatile("mtc0 %0, " MIPS_CP0_STR(reg) "\n\tehb" ::"r"(u32(v)) : "memory")
#define MIPS_DMTC0(reg, v) asm volatile("dmtc0 %0, " MIPS_CP0_STR(reg) "\n\tehb" ::"r"(Word(v)) : "memory")

inline u32 read_status() { return MIPS_MFC0(C0_STATUS); }
inline void write_status(u32 v) { MIPS_MTC0(C0_STATUS, v); }
inline u32 read_cause() { return MIPS_MFC0(C0_CAUSE); }
inline u32 read_count() { return MIPS_MFC0(C0_COUNT); }
inline void write_compare(u32 v) { MIPS_MTC0(C0_COMPARE, v); }
inline Word read_badvaddr() { return MIPS_DMFC0(C0_BADVADDR); }

} // namespace mips

#endif
