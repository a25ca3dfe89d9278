// MIPS64 (n64) virtual memory layout.  Shared by C++ and assembly.
//
//   0x0000000000000000 - 0x0000007fffffffff  user (xuseg, 512 GiB: what a
//                                            3-level table of 512-entry
//                                            tables with 4 KiB pages spans);
//                                            root servers' UTCB and KIP areas
//                                            at root_utcb_area/root_kip_area
//   0x0000008000000000 - 0x000003ffffffffff  rest of xuseg: never mapped
//   0xc000000000000000 - 0xc00000001fffffff  TCB area (xkseg): 2^17 threads x
//                                            4 KiB, refilled from the kernel
//                                            TCB table, global TLB entries
//   0xffffffff80000000 - 0xffffffff9fffffff  CKSEG0: kernel image and the
//                                            physical window (first 512 MiB,
//                                            cached, no TLB)
//   0xffffffffa0000000 - 0xffffffffbfffffff  CKSEG1: the same, uncached:
//                                            device registers
#pragma once

#define KERNEL_PHYS_BASE    0x01000000            /* 16 MiB: clear of sigma0 and the root task */
#define CKSEG0              0xffffffff80000000
#define CKSEG1              0xffffffffa0000000
#define PHYS_WINDOW_SIZE    0x20000000            /* what CKSEG0 reaches */
#define USER_END_BITS       39
#define USER_END            0x0000008000000000
#define TCB_AREA            0xc000000000000000
#define TCB_AREA_BITS       29                    /* 2^17 threads x 4 KiB */
#define TCB_SIZE_BITS       12
#define TCB_SIZE            (1 << TCB_SIZE_BITS)
#define THREAD_NO_BITS      17                    /* valid thread numbers: 0 .. 2^17-1 */
#define ROOT_UTCB_AREA      0xbf000000
#define ROOT_KIP_AREA       0xbff00000

/* What boot.S passes as argv when the CPU runs in EJTAG debug mode. */
#define MIPS_BOOT_IN_DEBUG_MODE 1

/* Page tables (pte.h): three levels of 512 eight-byte entries. */
#define PT_SHIFT0           30
#define PT_SHIFT1           21
#define PT_SHIFT2           12
#define PTE_HW_SHIFT        6                     /* PTE >> 6 is an EntryLo value */
