/*
 * amd64 Ipc entry through syscall, and the IPC fast path (seed 004).
 *
 * Register contract on entry (from the KIP Ipc stub, docs/abi.md): RSI to,
 * RDX FromSpecifier, R8 Timeouts, R9 MR0, MR1-MR7 in RAX, RBX, R10, R12,
 * R13, R14, R15, RDI the return RIP (the stub popped the caller's return
 * address into it), RSP the user RSP; the CPU put the stub's RIP into RCX
 * and RFLAGS into R11, loaded the kernel CS/SS and cleared the FMASK flags
 * (IF, TF, DF, AC, NT).  Still on the user stack with the user GS.
 *
 * The entry swaps to the kernel GS (arch::CpuLocal), loads the current
 * thread's stack top from this CPU's TSS.rsp0 and starts an arch::Frame
 * there: RIP = RDI, RFLAGS = R11, the user RSP and RBP, vector
 * FRAME_SYSCALL.  CS and SS are not written: every int entry and the
 * thread's creation put the user selectors there.  The general path
 * (ipc_general) completes the frame and calls amd64_syscall_ipc().
 *
 * Register contract on exit (sysretq): RSI from, R9 MR0, MR1-MR7 in RAX,
 * RBX, R10, R12-R15, RBP and RSP preserved, RIP = the RDI of the entry;
 * RCX, RDX, RDI, R8, R11 clobbered.
 *
 * The fast path handles the common case of seed 004 (as ia32's sysenter
 * path): an untyped message (no typed items, no propagation) to a thread
 * waiting for us (or anyone) in a user Ipc receive with no receive timeout,
 * on this CPU, with no higher-priority thread ready; the sender then waits
 * without a timeout, for the destination (a call) or for anyone with no
 * sender queued (reply and wait).  Destinations may be global or local ids.
 * MR0-MR7 stay in their registers from sender to receiver, MR8.. go UTCB to
 * UTCB; the sender is left Waiting with ksp 0 (amd64_fastpath_resume
 * continues it if the general path wakes it); the destination leaves
 * straight from its frame.  Until the commit only RCX, R11, RDI and RBP
 * (saved) are scratch, so the general path finds every argument in place.
 */
#include "config.h"
#include "layout.h"
#include "asm_offsets.h"

#define DEST_FRAME(field) (TCB_SIZE - FRAME_SIZE + field)
/* The sender's TCB fields, through RSP (= its frame, the top of its TCB page). */
#define SELF(field) (FRAME_SIZE - TCB_SIZE + field)(%rsp)
#define TCB_INDEX_MASK (MAX_THREADS - 1)

.text
.global amd64_syscall_entry
amd64_syscall_entry:
    swapgs
    mov     %rsp, %gs:CPUL_USER_RSP
    mov     %gs:CPUL_TSS_RSP0, %rsp         /* the current thread's stack top */
    sub     $FRAME_SIZE, %rsp
    mov     %rdi, FRAME_RIP(%rsp)
    mov     %r11, FRAME_RFLAGS(%rsp)
    mov     %gs:CPUL_USER_RSP, %r11
    mov     %r11, FRAME_USER_RSP(%rsp)
    mov     %rbp, FRAME_RBP(%rsp)
    movq    $FRAME_SYSCALL, FRAME_VECTOR(%rsp)
#if CONFIG_FASTPATH
    mov     %rdi, %rcx                      /* a return RIP outside the user half */
    shr     $47, %rcx                       /* is the general path's to refuse */
    jnz     ipc_general
    test    $0x1fc0, %r9d                   /* typed items or propagation */
    jnz     ipc_general
    test    %r8w, %r8w                      /* a receive timeout other than never */
    jnz     ipc_general
    mov     SELF(TCB_SPACE), %rbp
    cmpq    $-1, SPACE_REDIRECTOR(%rbp)     /* redirection */
    jne     ipc_general
    test    $0x3f, %sil
    jz      local_destination
    mov     %rsi, %rdi                      /* global id: number -> TCB slot */
    shr     $THREAD_VERSION_BITS, %rdi
    and     $TCB_INDEX_MASK, %edi
    shl     $TCB_SIZE_BITS, %rdi
    cmp     %rsi, TCB_AREA + TCB_GLOBAL_ID(%rdi)   /* also rejects stale versions */
    jne     ipc_general
    add     $TCB_AREA, %rdi
destination_found:
    /* RDI = the destination: Waiting in a user receive, not halted, no
       receive timeout pending (tcb.h), waiting for us or anyone */
    cmpl    $STATE_WAITING_USER, TCB_STATE_WORD(%rdi)
    jne     ipc_general
    mov     TCB_PARTNER(%rdi), %rcx
    cmp     $-1, %rcx
    je      1f
    cmp     SELF(TCB_GLOBAL_ID), %rcx
    jne     ipc_general
1:  mov     SELF(TCB_CPU), %rcx             /* RCX = this CPU */
#if CONFIG_MAX_CPUS > 1
    cmp     %rcx, TCB_CPU(%rdi)
    jne     ipc_general
#endif
    movzbl  TCB_PRIORITY(%rdi), %r11d       /* nobody of higher priority ready */
    cmp     CPU_READY_HIGHEST(%rcx), %r11d
    jl      ipc_general
    /* the sender's receive phase: from the destination, or from anyone
       with no sender queued for us */
    cmp     %rsi, %rdx
    je      2f
    cmp     $-1, %rdx
    jne     ipc_general
    cmpq    $0, SELF(TCB_SEND_QUEUE)
    jne     ipc_general
2:
    /* --- commit: the sender waits, the destination runs --- */
    movw    $(STATE_WAITING | 1 << 8), SELF(TCB_STATE_WORD)   /* state, user_ipc */
    mov     %rdx, SELF(TCB_PARTNER)
    movq    $0, SELF(TCB_KSP)
    movw    $STATE_RUNNING, TCB_STATE_WORD(%rdi)             /* user_ipc off */
    /* --- switch: space, current UTCB, FPU trap, kernel stack; RSI = the
       sender as the destination names it.  The CPU's active space is the
       sender's (cpu.h), so only another space needs a CR3 load. --- */
    mov     TCB_SPACE(%rdi), %rbp
    cmp     %rbp, SELF(TCB_SPACE)
    je      same_space
    mov     SELF(TCB_GLOBAL_ID), %rsi
    mov     %rbp, CPU_ACTIVE_SPACE(%rcx)
    mov     SPACE_ROOT_PHYS(%rbp), %rdx
    mov     %rdx, %cr3
4:  mov     SPACE_CURRENT_UTCB_PAGE(%rbp), %rdx
#if CONFIG_MAX_CPUS > 1
    add     %gs:CPUL_UTCB_SLOT_OFFSET, %rdx
#endif
    mov     TCB_LOCAL_ID(%rdi), %rbp
    mov     %rbp, (%rdx)
    cmpb    $0, CPU_FPU_ENABLED(%rcx)       /* the sender's FPU registers are live: */
    jne     fpu_off                         /* arm the trap (seed 003, lazy FPU) */
5:  lea     TCB_SIZE(%rdi), %rdx
    mov     %rdx, %gs:CPUL_TSS_RSP0
    /* --- message: MR0-MR7 stay in their registers, MR8.. UTCB to UTCB;
       flags in MR0 (bits 12-15) are the kernel's to set --- */
    and     $~0xf000, %r9
    test    $0x38, %r9b
    jnz     copy_words
6:  mov     DEST_FRAME(FRAME_RIP)(%rdi), %rcx      /* a syscall frame (user_ipc) */
    mov     DEST_FRAME(FRAME_RFLAGS)(%rdi), %r11
    mov     DEST_FRAME(FRAME_RBP)(%rdi), %rbp
    mov     DEST_FRAME(FRAME_USER_RSP)(%rdi), %rsp
    swapgs
    sysretq

copy_words:                                 /* MR8..MRu */
    mov     %r9, %rcx
    and     $0x3f, %ecx
    sub     $7, %ecx
    mov     %rsi, %r8
    mov     %rdi, %rdx
    mov     SELF(TCB_UTCB), %rsi
    add     $UTCB_MR0 + 64, %rsi
    mov     TCB_UTCB(%rdx), %rdi
    add     $UTCB_MR0 + 64, %rdi
    rep movsq
    mov     %r8, %rsi
    mov     %rdx, %rdi
    jmp     6b

same_space:
    mov     SELF(TCB_LOCAL_ID), %rsi
    jmp     4b

fpu_off:
    mov     %cr0, %rdx
    or      $CR0_TS, %rdx
    mov     %rdx, %cr0
    movb    $0, CPU_FPU_ENABLED(%rcx)
    jmp     5b

local_destination:
    /* RSI has the low six bits clear: a local id (the address of a UTCB of
       our space) or nil/anylocalthread.  The UTCB names its thread; user
       code can write there, so the TCB must confirm it. */
    cmp     $64, %rsi                       /* nil, anylocalthread: the kernel's */
    jbe     ipc_general
    mov     %rsi, %rdi
    shr     $47, %rdi
    jnz     ipc_general
    .global amd64_fastpath_user_read
amd64_fastpath_user_read:
    mov     UTCB_MY_GLOBAL_ID - UTCB_MR0(%rsi), %rdi   /* faults resume at ipc_general */
    shr     $THREAD_VERSION_BITS, %rdi
    and     $TCB_INDEX_MASK, %edi
    shl     $TCB_SIZE_BITS, %rdi
    add     $TCB_AREA, %rdi
    cmp     %rsi, TCB_LOCAL_ID(%rdi)
    jne     ipc_general
    cmp     %rbp, TCB_SPACE(%rdi)           /* RBP: our space */
    jne     ipc_general
    cmp     %rsi, %rdx                      /* a closed receive named it locally too */
    jne     8f
    mov     TCB_GLOBAL_ID(%rdi), %rdx
8:  mov     TCB_GLOBAL_ID(%rdi), %rsi
    jmp     destination_found
#endif

    /* The general path: the rest of the frame, then amd64_syscall_ipc. */
    .global ipc_general
ipc_general:
    mov     %rax, FRAME_RAX(%rsp)
    mov     %rbx, FRAME_RBX(%rsp)
    mov     %rdx, FRAME_RDX(%rsp)
    mov     %rsi, FRAME_RSI(%rsp)
    mov     %r8, FRAME_R8(%rsp)
    mov     %r9, FRAME_R9(%rsp)
    mov     %r10, FRAME_R10(%rsp)
    mov     %r12, FRAME_R12(%rsp)
    mov     %r13, FRAME_R13(%rsp)
    mov     %r14, FRAME_R14(%rsp)
    mov     %r15, FRAME_R15(%rsp)
    mov     FRAME_RIP(%rsp), %rdi
    mov     %rdi, FRAME_RDI(%rsp)
    mov     FRAME_RBP(%rsp), %rbp
    mov     %rsp, %rdi
    call    amd64_syscall_ipc
    jmp     amd64_exit_to_user
