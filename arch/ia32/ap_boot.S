/*
 * Start-up code of the application processors (ia32).
 *
 * The boot CPU copies [ap_trampoline_start, ap_trampoline_end) to physical
 * AP_TRAMPOLINE_PHYS and fills the copy's ap_cr3, ap_stack and ap_entry.
 * Register contract: an AP starts at AP_TRAMPOLINE_PHYS in real mode (its
 * STARTUP IPI names that page), interrupts off.  It leaves for ap_entry (a
 * kernel virtual address) in protected mode with paging on (ap_cr3: the
 * kernel's page directory plus an identity map of the first 4 MiB, which
 * this code runs in), PSE and PGE on, flat segments and ESP = ap_stack.
 */
#include "layout.h"
#include <x86/ap_trampoline.inc>

#define CR0_PG      0x80000000
#define CR0_WP      0x00010000
#define CR4_PSE     0x00000010
#define CR4_PGE     0x00000080

    AP_TRAMPOLINE_START (CR4_PSE|CR4_PGE)
    mov     %cr0, %eax
    or      $(CR0_PG | CR0_WP), %eax
    mov     %eax, %cr0
    mov     AT(ap_stack), %esp
    test    %esp, %esp                  /* 0: the boot CPU gave up on us */
    jz      1f
    mov     AT(ap_entry), %eax
    jmp     *%eax
1:  cli
    hlt
    jmp     1b

.align 8
ap_gdt:                                 /* null, flat 32-bit code 0x08, data 0x10 */
    .quad   0
    .quad   0x00cf9a000000ffff
    .quad   0x00cf92000000ffff
ap_gdt_pointer:
    .word   3 * 8 - 1
    .long   AT(ap_gdt)
    AP_TRAMPOLINE_END .long
