/*
 * amd64 Multiboot entry: 32-bit protected mode to 64-bit long mode.
 *
 * Register contract on entry (Multiboot 0.6.96 §3.2): EAX = 0x2badb002,
 * EBX = physical address of the Multiboot information, 32-bit protected
 * mode, paging off, interrupts off, flat segments.  QEMU's -kernel loads
 * only 32-bit ELF images, so tools/mkimage rewrites the linked ELF64 as
 * elf32-i386; this section is linked and loaded at its physical address,
 * everything else at KERNEL_OFFSET + physical (kernel.ld).
 *
 * On exit to kernel_main(): long mode, 4-level paging with the first 512 MiB
 * identity-mapped and mapped at KERNEL_OFFSET (2 MiB pages, boot_pd),
 * EFER.SCE on, RSP on the boot stack, kernel_main(magic, info) called with
 * the SysV arguments RDI, RSI.
 */
#include "layout.h"
#include "long_mode.inc"
#include <x86/multiboot_entry.inc>


#define CR4_PAE     0x00000020
#define PTE_TABLE   0x03         /* present, writable */
#define PDE_2M_RW   0x83         /* present, writable, 2 MiB page */
#define PHYS(sym)   ((sym) - KERNEL_OFFSET)

    MULTIBOOT_ENTRY

    /* boot_pd maps physical 0 .. PHYS_WINDOW_SIZE with 2 MiB pages; it is
       reached from PML4[0] (identity) and PML4[511]/PDPT[510] (the window). */
    mov     $PHYS(boot_pd), %edi
    mov     $PDE_2M_RW, %eax
    xor     %ecx, %ecx
1:  mov     %eax, (%edi, %ecx, 8)
    add     $0x200000, %eax
    inc     %ecx
    cmp     $(PHYS_WINDOW_SIZE >> 21), %ecx
    jne     1b
    mov     $(PHYS(boot_pd) + PTE_TABLE), %eax
    mov     %eax, PHYS(boot_pdpt_low)
    mov     %eax, PHYS(boot_pdpt_high) + 510 * 8
    mov     $(PHYS(boot_pdpt_low) + PTE_TABLE), %eax
    mov     %eax, PHYS(boot_pml4)
    mov     $(PHYS(boot_pdpt_high) + PTE_TABLE), %eax
    mov     %eax, PHYS(boot_pml4) + PML4_KERNEL * 8

    /* Long mode: PAE, the PML4, EFER.LME (and SCE for syscall), paging. */
    mov     %cr4, %eax
    or      $CR4_PAE, %eax
    mov     %eax, %cr4
    mov     $PHYS(boot_pml4), %eax
    mov     %eax, %cr3
    LONG_MODE_PAGING
    lgdt    boot_gdt_pointer
    ljmp    $SEL_KERNEL_CS, $boot_long

.code64
boot_long:
    mov     $SEL_KERNEL_DS, %eax
    mov     %eax, %ds
    mov     %eax, %es
    mov     %eax, %ss
    movabs  $boot_high, %rax
    jmp     *%rax

.section .boot.data, "a"
.align 8
boot_gdt:                                   /* null, 64-bit code 0x08, data 0x10 */
    .quad   0
    .quad   0x00af9a000000ffff
    .quad   0x00cf92000000ffff
boot_gdt_pointer:
    .word   3 * 8 - 1
    .long   boot_gdt

.text
boot_high:
    lea     boot_stack_top(%rip), %rsp
    mov     %ebp, %edi                      /* kernel_main(magic, info) */
    mov     %esi, %esi
    KERNEL_MAIN

.bss
.align 4096
.global boot_pml4, boot_pdpt_low, boot_pdpt_high, boot_pd
boot_pml4:
    .space 4096
boot_pdpt_low:
    .space 4096
boot_pdpt_high:
    .space 4096
boot_pd:
    .space 4096
    BOOT_STACK
