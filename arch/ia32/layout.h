// ia32 virtual memory layout.  Shared by C++ and assembly.
//
//   0x00000000 - 0xbfffffff  user (3 GiB); root servers' KIP and UTCB areas at
//                            the top (root_kip_area, root_utcb_area)
//   0xc0000000 - 0xcfffffff  physical memory window (first 256 MiB, 4 MiB pages)
//   0xd0000000 - 0xefffffff  TCB area: 2^17 threads x 4 KiB (TCB + kernel stack)
//   0xf0000000 - 0xf03fffff  string-copy windows, a page per CPU (seed 004)
//   0xf8000000 - 0xf8ffffff  device mappings (local APIC, IO-APICs)
//   0xffc00000 - 0xffffffff  per-space page table; its last page is the
//                            space's current-UTCB page (%gs:0, user writable)
#pragma once

#define KERNEL_PHYS_BASE    0x01000000   /* 16 MiB: clear of sigma0 and the root task */
#define AP_TRAMPOLINE_PHYS  0x00001000   /* the APs' real-mode start page (ap_boot.S) */
#define KERNEL_OFFSET       0xc0000000
#define PHYS_WINDOW_SIZE    0x10000000
#define USER_END            0xc0000000
#define TCB_AREA            0xd0000000
#define TCB_SIZE_BITS       12
#define TCB_SIZE            (1 << TCB_SIZE_BITS)
#define THREAD_NO_BITS      17           /* valid thread numbers: 0 .. 2^17-1 */
#define COPY_AREA           0xf0000000
#define DEVICE_AREA         0xf8000000
#define SPACE_LOCAL_AREA    0xffc00000
#define CURRENT_UTCB_PAGE   0xfffff000
#define ROOT_UTCB_AREA      0xbf000000
#define ROOT_KIP_AREA       0xbff00000

/* Interrupt vectors. */
#define VECTOR_IRQ_BASE     0x20         /* PIC lines 0-15 */
#define VECTOR_IPC          0x30         /* int 0x30: Ipc and Lipc */
#define VECTOR_SYSCALL      0x31         /* int 0x31: the other system calls */
#define VECTOR_IOAPIC_BASE  0x40         /* IO-APIC pins */
#define VECTOR_TIMER        0xf0         /* local APIC timer */
#define VECTOR_IPI          0xf1         /* cross-CPU requests */
#define VECTOR_SPURIOUS     0xff
#define FRAME_SYSENTER      0x100        /* Frame::vector of a sysenter entry */
#define FRAME_RESUME        0x101        /* the entry needs no handling: back to user */
#define FRAME_PREEMPT       0x102        /* the entry only yields (test single-stepping) */

/* GDT selectors; the order is what sysenter/sysexit require. */
#define SEL_KERNEL_CS       0x08
#define SEL_KERNEL_DS       0x10
#define SEL_USER_CS         0x1b
#define SEL_USER_DS         0x23
#define SEL_UTCB            0x2b
#define SEL_TSS             0x30
