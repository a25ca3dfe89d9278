/*
 * amd64 Ipc entry through syscall, and the IPC fast path (seed 004).
 *
 * Register contract on entry (from the KIP Ipc stub, docs/abi.md): RSI to,
 * RDX FromSpecifier, R8 Timeouts, R9 MR0, MR1-MR7 in RAX, RBX, R10, R12,
 * R13, R14, R15, RDI the return RIP (the caller put it there and jumped to
 * the stub), RSP the user RSP; the CPU put the stub's RIP into RCX
 * and RFLAGS into R11, loaded the kernel CS/SS and cleared the FMASK flags
 * (IF, TF, DF, AC, NT).  Still on the user stack with the user GS.
 *
 * The entry swaps to the kernel GS (arch::CpuLocal), loads the current
 * thread's stack top from this CPU's TSS.rsp0 and starts an arch::Frame
 * there: RIP = RDI, RFLAGS = R11, the user RSP and RBP; the general path
 * adds the other registers and the vector FRAME_SYSCALL (a thread the fast
 * path left waiting gets it when it resumes, syscall.cc).  CS and SS are
 * not written: every int entry and the
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

/* The destination's TCB fields and frame, RDI = its slot's offset in the
   TCB area (which lies within 2 GiB of the top: 32-bit displacements). */
#define DEST(field) (TCB_AREA + field)(%rdi)
#define DEST_FRAME(field) DEST(TCB_SIZE - FRAME_SIZE + field)
/* The sender's frame and TCB fields, through RSP = the top of its TCB page
   (its stack top).  Only the general path moves RSP down to the frame; no
   fault can happen on the way there but in the user read of a local id,
   which moves RSP first (a kernel fault pushes its own frame below RSP). */
#define TOP(field) (field - FRAME_SIZE)(%rsp)
#define SELF(field) (field - TCB_SIZE)(%rsp)
#define TCB_INDEX_MASK ((MAX_THREADS - 1) << TCB_SIZE_BITS)

.text
.global amd64_syscall_entry
amd64_syscall_entry:
    swapgs
    mov     %rsp, %rcx                      /* (RCX: the stub's RIP, not needed) */
    mov     %gs:CPUL_TSS_RSP0, %rsp         /* the current thread's stack top */
    mov     %rdi, TOP(FRAME_RIP)
    mov     %r11, TOP(FRAME_RFLAGS)
    mov     %rcx, TOP(FRAME_USER_RSP)
    mov     %rbp, TOP(FRAME_RBP)
#if !CONFIG_FASTPATH
    jmp     ipc_general
#else
    cmp     %gs:CPUL_USER_END, %rdi         /* a return RIP outside the user half */
    jae     ipc_general                     /* is the general path's to refuse */
    test    $0xffc0, %r9w                   /* typed items, propagation, flags */
    jnz     ipc_general
    test    %r8w, %r8w                      /* a receive timeout other than never */
    jnz     ipc_general
    mov     SELF(TCB_SPACE), %rbp
    cmpq    $-1, SPACE_REDIRECTOR(%rbp)     /* redirection */
    jne     ipc_general
    test    $0x3f, %sil
    jz      local_destination
    mov     %rsi, %rdi                      /* global id: number -> TCB slot */
    shr     $(THREAD_VERSION_BITS - TCB_SIZE_BITS), %rdi
    and     $TCB_INDEX_MASK, %edi
    cmp     %rsi, DEST(TCB_GLOBAL_ID)       /* also rejects stale versions */
    jne     ipc_general
destination_found:
    /* RDI = the destination's slot: Waiting in a user receive, not halted,
       no receive timeout pending (tcb.h), waiting for us or anyone */
    cmpl    $STATE_WAITING_USER, DEST(TCB_STATE_WORD)
    jne     ipc_general
    cmpq    $-1, DEST(TCB_PARTNER)
    je      1f
    mov     SELF(TCB_GLOBAL_ID), %rcx
    cmp     %rcx, DEST(TCB_PARTNER)
    jne     ipc_general
1:  mov     SELF(TCB_CPU), %rcx             /* RCX = this CPU */
#if CONFIG_MAX_CPUS > 1
    cmp     %rcx, DEST(TCB_CPU)
    jne     ipc_general
#endif
    movzbl  DEST(TCB_PRIORITY), %r11d       /* nobody of higher priority ready */
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
    movw    $STATE_RUNNING, DEST(TCB_STATE_WORD)             /* user_ipc off */
    /* --- switch: space, current UTCB, FPU trap, kernel stack; RSI = the
       sender as the destination names it.  The CPU's active space is the
       sender's (cpu.h), so only another space needs a CR3 load. --- */
    mov     DEST(TCB_SPACE), %rbp
    cmp     %rbp, SELF(TCB_SPACE)
    je      same_space
    mov     SELF(TCB_GLOBAL_ID), %rsi
    mov     %rbp, CPU_ACTIVE_SPACE(%rcx)
    mov     SPACE_ROOT_PHYS(%rbp), %rdx
    mov     %rdx, %cr3
    /* FS back at this CPU's word of the current-UTCB page: the sender may
       have loaded FS (a selector load replaces its base), and no thread may
       inherit another's segments.  Then the destination's current UTCB
       goes there, in its space's page (loaded now). */
4:  mov     %rax, %r8                       /* MR1 (R8, the timeouts, is done) */
    mov     $MSR_FS_BASE, %ecx
    mov     %gs:CPUL_FS_BASE, %eax
    mov     %gs:CPUL_FS_BASE + 4, %edx
    wrmsr
    mov     %r8, %rax
    mov     DEST(TCB_LOCAL_ID), %rdx
    mov     %rdx, %fs:0
    cmpb    $0, %gs:CPUL_FPU_ENABLED        /* the sender's FPU registers are live: */
    jne     fpu_off                         /* arm the trap (seed 003, lazy FPU) */
5:  lea     DEST(TCB_SIZE), %rdx
    mov     %rdx, %gs:CPUL_TSS_RSP0
    /* --- message: MR0-MR7 stay in their registers, MR8..MRu go UTCB to
       UTCB (u >= 8: bit 3, 4 or 5 of MR0; bits 6-15 are clear) --- */
    test    $0x38, %r9b
    jz      6f
    mov     SELF(TCB_UTCB), %rdx
    mov     DEST(TCB_UTCB), %r8
    mov     UTCB_MR0 + 64(%rdx), %r11       /* MR8 */
    mov     %r11, UTCB_MR0 + 64(%r8)
    cmpb    $8, %r9b
    jne     copy_words
6:  mov     DEST_FRAME(FRAME_RIP), %rcx            /* a syscall frame (user_ipc) */
    mov     DEST_FRAME(FRAME_RFLAGS), %r11
    mov     DEST_FRAME(FRAME_RBP), %rbp
    mov     DEST_FRAME(FRAME_USER_RSP), %rsp
    swapgs
    sysretq

copy_words:                                 /* MR9..MRu */
    movzbl  %r9b, %ecx
    sub     $8, %ecx
    mov     %rsi, %r11
    lea     UTCB_MR0 + 72(%rdx), %rsi
    mov     %rdi, %rdx
    lea     UTCB_MR0 + 72(%r8), %rdi
    rep movsq
    mov     %r11, %rsi
    mov     %rdx, %rdi
    jmp     6b

same_space:
    mov     SELF(TCB_LOCAL_ID), %rsi
    jmp     4b

fpu_off:
    mov     %cr0, %rdx
    or      $CR0_TS, %rdx
    mov     %rdx, %cr0
    movb    $0, %gs:CPUL_FPU_ENABLED
    jmp     5b

local_destination:
    /* RSI has the low six bits clear: a local id (the address of a UTCB of
       our space) or nil/anylocalthread.  The UTCB names its thread; user
       code can write there, so the TCB must confirm it. */
    cmp     $64, %rsi                       /* nil, anylocalthread: the kernel's */
    jbe     ipc_general
    cmp     %gs:CPUL_USER_END, %rsi
    jae     ipc_general
    sub     $FRAME_SIZE, %rsp
    .global amd64_fastpath_user_read
amd64_fastpath_user_read:
    mov     UTCB_MY_GLOBAL_ID - UTCB_MR0(%rsi), %rdi   /* faults resume at ipc_general_frame */
    add     $FRAME_SIZE, %rsp
    shr     $(THREAD_VERSION_BITS - TCB_SIZE_BITS), %rdi
    and     $TCB_INDEX_MASK, %edi
    cmp     %rsi, DEST(TCB_LOCAL_ID)
    jne     ipc_general
    cmp     %rbp, DEST(TCB_SPACE)           /* RBP: our space */
    jne     ipc_general
    cmp     %rsi, %rdx                      /* a closed receive named it locally too */
    mov     DEST(TCB_GLOBAL_ID), %rsi
    cmove   %rsi, %rdx
    jmp     destination_found
#endif

    /* The general path: the rest of the frame, then amd64_syscall_ipc. */
ipc_general:
    sub     $FRAME_SIZE, %rsp               /* RSP = the frame */
    .global ipc_general_frame
ipc_general_frame:
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
    movq    $FRAME_SYSCALL, FRAME_VECTOR(%rsp)
    mov     FRAME_RBP(%rsp), %rbp
    mov     %rsp, %rdi
    call    amd64_syscall_ipc
    jmp     amd64_exit_to_user
