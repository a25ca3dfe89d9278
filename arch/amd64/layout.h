// amd64 virtual memory layout.  Shared by C++ and assembly.
//
//   0x0000000000000000 - 0x00007fffffffffff  user (the canonical lower half,
//                                            PML4 entries 0-255); root servers'
//                                            KIP and UTCB areas at root_kip_area,
//                                            root_utcb_area
//   0xfffffe8000000000 - 0xfffffeffffffffff  per-space area (PML4 entry 509):
//                                            its first page is the space's
//                                            current-UTCB page (%fs:0, user
//                                            readable and writable)
//   0xffffffff80000000 - 0xffffffff9fffffff  physical memory window (first 512
//                                            MiB, 2 MiB pages): the kernel image
//                                            runs here (-mcmodel=kernel)
//   0xffffffffa0000000 - 0xffffffffbfffffff  TCB area: 2^17 threads x 4 KiB
//                                            (TCB + kernel stack); within 2 GiB
//                                            of the top, so the fast path
//                                            addresses it with 32-bit offsets
//   0xffffffffc0000000 - 0xffffffffc01fffff  device mappings (local APIC, IO-APICs)
//
// The kernel half (PML4 entries 256-511) is shared by every space but for
// entry 509, the per-space area.
#pragma once

#define KERNEL_PHYS_BASE    0x01000000           /* 16 MiB: clear of sigma0 and the root task */
#define AP_TRAMPOLINE_PHYS  0x00001000           /* the APs' real-mode start page (ap_boot.S) */
#define KERNEL_OFFSET       0xffffffff80000000
#define PHYS_WINDOW_SIZE    0x20000000
#define USER_END            0x0000800000000000
#define SPACE_LOCAL_AREA    0xfffffe8000000000
#define CURRENT_UTCB_PAGE   SPACE_LOCAL_AREA
#define TCB_AREA            0xffffffffa0000000
#define TCB_SIZE_BITS       12
#define TCB_SIZE            (1 << TCB_SIZE_BITS)
#define THREAD_NO_BITS      17                   /* valid thread numbers: 0 .. 2^17-1 */
#define DEVICE_AREA         0xffffffffc0000000
#define DEVICE_AREA_SIZE    0x00200000
#define ROOT_UTCB_AREA      0xbf000000
#define ROOT_KIP_AREA       0xbff00000

/* PML4 slots of the kernel half. */
#define PML4_SPACE_LOCAL    509
#define PML4_KERNEL         511

/* Interrupt vectors (the same numbers as ia32). */
#define VECTOR_IRQ_BASE     0x20         /* PIC lines 0-15 */
#define VECTOR_LIPC         0x30         /* int 0x30: Lipc (the kernel's) */
#define VECTOR_SYSCALL      0x31         /* int 0x31: the system calls but Ipc and Lipc */
#define VECTOR_IOAPIC_BASE  0x40         /* IO-APIC pins */
#define VECTOR_TIMER        0xf0         /* local APIC timer */
#define VECTOR_IPI          0xf1         /* cross-CPU requests */
#define VECTOR_SPURIOUS     0xff
#define FRAME_SYSCALL       0x100        /* Frame::vector of a syscall entry */

/* GDT selectors.  syscall loads CS = STAR[47:32], SS = +8; sysretq loads
   CS = STAR[63:48] + 16 and SS = STAR[63:48] + 8 (both with RPL 3), so the
   order is kernel code, kernel data, user data, user code. */
#define SEL_KERNEL_CS       0x08
#define SEL_KERNEL_DS       0x10
#define SEL_USER32_CS       0x1b         /* never used; sysret's STAR base */
#define SEL_USER_DS         0x23
#define SEL_USER_CS         0x2b
#define SEL_TSS             0x30         /* 16 bytes: two GDT slots */

/* MSRs (Intel SDM vol. 4). */
#define MSR_EFER            0xc0000080
#define MSR_STAR            0xc0000081
#define MSR_LSTAR           0xc0000082
#define MSR_FMASK           0xc0000084
#define MSR_FS_BASE         0xc0000100
#define MSR_GS_BASE         0xc0000101
#define MSR_KERNEL_GS_BASE  0xc0000102
#define EFER_SCE            0x001
#define EFER_LME            0x100
