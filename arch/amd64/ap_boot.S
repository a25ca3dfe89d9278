/*
 * Start-up code of the application processors (amd64).
 *
 * The boot CPU copies [ap_trampoline_start, ap_trampoline_end) to physical
 * AP_TRAMPOLINE_PHYS and fills the copy's ap_cr3, ap_stack and ap_entry.
 * Register contract: an AP starts at AP_TRAMPOLINE_PHYS in real mode (its
 * STARTUP IPI names that page), interrupts off.  It goes through 32-bit
 * protected mode into long mode and leaves for ap_entry (a kernel virtual
 * address) with paging on (ap_cr3: the kernel's PML4 plus the boot identity
 * map of the first 512 MiB, which this code runs in), PAE and PGE on,
 * EFER.LME and SCE set, flat segments and RSP = ap_stack.
 */
#include "layout.h"
#include "long_mode.inc"
#include <x86/ap_trampoline.inc>

#define CR4_PAE     0x00000020
#define CR4_PGE     0x00000080

    AP_TRAMPOLINE_START (CR4_PAE|CR4_PGE)
    LONG_MODE_PAGING
    ljmpl   $0x18, $AT(ap_long)

.code64
ap_long:
    mov     AT(ap_stack), %rsp
    test    %rsp, %rsp                  /* 0: the boot CPU gave up on us */
    jz      1f
    mov     AT(ap_entry), %rax
    jmp     *%rax
1:  cli
    hlt
    jmp     1b

.align 8
ap_gdt:                                 /* null, 32-bit code 0x08, data 0x10, 64-bit code 0x18 */
    .quad   0
    .quad   0x00cf9a000000ffff
    .quad   0x00cf92000000ffff
    .quad   0x00af9a000000ffff
ap_gdt_pointer:
    .word   4 * 8 - 1
    .long   AT(ap_gdt)
    AP_TRAMPOLINE_END .quad
