/*
 * ia32 Multiboot entry.
 *
 * Register contract on entry (Multiboot 0.6.96 §3.2): EAX = 0x2badb002,
 * EBX = physical address of the Multiboot information, protected mode,
 * paging off, interrupts off, flat segments.  On exit to kernel_main():
 * paging on with the first 256 MiB identity-mapped and mapped at
 * KERNEL_OFFSET (4 MiB pages), ESP on the boot stack,
 * kernel_main(magic, info) called with cdecl arguments.
 */
#include "layout.h"
#include <x86/multiboot_entry.inc>


#define CR0_PG      0x80000000
#define CR0_WP      0x00010000
#define CR4_PSE     0x00000010
#define PDE_4M_RW   0x83         /* present, writable, 4 MiB page */

    MULTIBOOT_ENTRY

    /* Identity map and window map of physical 0 .. PHYS_WINDOW_SIZE. */
    mov     $(boot_page_directory - KERNEL_OFFSET), %edi
    mov     $PDE_4M_RW, %eax
    xor     %ecx, %ecx
1:  mov     %eax, (%edi, %ecx, 4)
    mov     %eax, (KERNEL_OFFSET >> 20)(%edi, %ecx, 4)
    add     $0x400000, %eax
    inc     %ecx
    cmp     $(PHYS_WINDOW_SIZE >> 22), %ecx
    jne     1b

    mov     %cr4, %eax
    or      $CR4_PSE, %eax
    mov     %eax, %cr4
    mov     %edi, %cr3
    mov     %cr0, %eax
    or      $(CR0_PG | CR0_WP), %eax
    mov     %eax, %cr0
    mov     $boot_high, %eax
    jmp     *%eax

.text
boot_high:
    mov     $boot_stack_top, %esp
    push    %esi                            /* kernel_main(magic, info) */
    push    %ebp
    KERNEL_MAIN

.bss
.align 4096
.global boot_page_directory
boot_page_directory:
    .space 4096
    BOOT_STACK
