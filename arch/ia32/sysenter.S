/*
 * ia32 Ipc entry through sysenter, and the IPC fast path (seed 004).
 *
 * Register contract on entry (from the KIP stubs, docs/abi.md): EAX to,
 * ECX Timeouts, EDX FromSpecifier, ESI MR0, EDI the caller's UTCB (not
 * trusted: the kernel uses its own view), EBP the user ESP (pointing at the
 * stub's return address), ESP = &tss.esp0 of this CPU (the sysenter ESP
 * MSR), IF = 0.  MR1.. are in the UTCB.
 *
 * The entry builds the arch::Frame an int 0x30 entry would: pushal, vector
 * FRAME_SYSENTER, EIP = the space's sysexit return point (kip_sysexit_return),
 * the user ESP.  Not written: error (unused), CS/SS (always the user
 * selectors there: every int entry and the thread's creation put them
 * there), EFLAGS (sysenter Ipc clobbers the flags by convention; the slot
 * keeps the thread's flags of its last int entry).  Then the flags are made
 * clean (DF, NT, AC, TF off) and either the fast path completes the IPC or
 * ia32_sysenter_ipc() runs the general path.
 *
 * Register contract on exit (sysexit; the fast path only completes
 * receives of threads that entered by sysenter, Tcb::user_ipc): EAX from,
 * ESI MR0, EBX MR1, EBP MR2, EDI preserved, ECX/EDX clobbered.
 *
 * The fast path handles the common case of seed 004: an untyped message
 * (no typed items, no propagation) to a thread waiting for us (or anyone)
 * in a user Ipc receive with no receive timeout, on this CPU, with no
 * higher-priority thread ready; the sender then waits without a timeout,
 * for the destination (a call) or for anyone with no sender queued (reply
 * and wait).  Destinations may be global or local ids.  It transfers MR0 in
 * ESI, MR1/MR2 in EBX/EBP and MR3.. from UTCB to UTCB, leaves the sender
 * Waiting with ksp 0 (ia32_fastpath_resume continues it if the general path
 * wakes it), and leaves into the destination straight from its frame.  The
 * ready queue is not touched (lazy dispatching).  It only arms the FPU trap
 * when the sender's FPU registers are live; an owner it switches to takes
 * one more trap when it uses the FPU again (seed 003: switching to anyone
 * else only sets TS).
 *
 * Segments: the user may have loaded any DPL-3 selector into DS, ES, FS
 * and GS, and segment limits do not protect the kernel (QEMU does not check
 * them), so the entry reloads DS and ES (flat) and GS (the UTCB segment)
 * before any memory access: the kernel and whoever the CPU goes to next get
 * the X.2 values.  FS is not the kernel's (unspecified after Ipc).
 */
#include "config.h"
#include "layout.h"
#include "asm_offsets.h"

#define DEST_FRAME(field) (TCB_SIZE - FRAME_SIZE + field)
/* The sender's TCB fields, through ESP (= its frame, the top of its TCB page). */
#define SELF(field) (FRAME_SIZE - TCB_SIZE + field)(%esp)
#define TCB_INDEX_MASK ((MAX_THREADS - 1) << TCB_SIZE_BITS)

.text
.global ia32_sysenter_entry
ia32_sysenter_entry:
    mov     (%esp), %esp                    /* the current thread's stack top */
    mov     %ebp, -8(%esp)                  /* frame.user_esp */
    lea     -28(%esp), %esp
    pushal                                  /* ESP = the frame */
    mov     $SEL_USER_DS, %ebx              /* the user may have loaded anything: */
    mov     %ebx, %ds                       /* the kernel needs flat DS and ES, */
    mov     %ebx, %es                       /* and whoever runs next the UTCB GS */
    mov     $SEL_UTCB, %ebx
    mov     %ebx, %gs
    mov     %gs:0, %ebx                     /* the user's current UTCB is ours, */
    cmp     SELF(TCB_LOCAL_ID), %ebx        /* or LIPC switched lazily (lipc.h) */
    jne     lazy_switch
    mov     SELF(TCB_SPACE), %ebp
    mov     SPACE_SYSEXIT_IP(%ebp), %ebx
    mov     %ebx, FRAME_EIP(%esp)
    movl    $FRAME_SYSENTER, FRAME_VECTOR(%esp)
    push    $0x2                            /* DF, NT, AC, TF off; IF stays off */
    popf
#if CONFIG_FASTPATH
    /* EAX to, ECX timeouts, EDX from-specifier, ESI MR0, EBP the sender's space */
    test    $0x1fc0, %esi                   /* typed items or propagation */
    jnz     ia32_sysenter_general
    test    %cx, %cx                        /* a receive timeout other than never */
    jnz     ia32_sysenter_general
    cmpl    $-1, SPACE_REDIRECTOR(%ebp)     /* redirection */
    jne     ia32_sysenter_general
    test    $0x3f, %al
    jz      local_destination
    mov     %eax, %ebx                      /* global id: number -> TCB slot */
    shr     $(THREAD_VERSION_BITS - TCB_SIZE_BITS), %ebx
    and     $TCB_INDEX_MASK, %ebx
    add     $TCB_AREA, %ebx
    cmp     %eax, TCB_GLOBAL_ID(%ebx)       /* also rejects stale versions */
    je      destination_found
    jmp     ia32_sysenter_general

local_destination:
    /* EAX has the low six bits clear: a local id (the address of a UTCB of
       our space) or nil/anylocalthread.  The UTCB names its thread; user
       code can write there, so the TCB must confirm it. */
    cmp     $USER_END, %eax                 /* (below 64 it reads the space's */
    jae     ia32_sysenter_general           /* current-UTCB page: harmless) */
    .global ia32_fastpath_user_read
ia32_fastpath_user_read:
    mov     UTCB_MY_GLOBAL_ID - UTCB_MR0(%eax), %ebx   /* faults resume at ia32_sysenter_general */
    shr     $(THREAD_VERSION_BITS - TCB_SIZE_BITS), %ebx
    and     $TCB_INDEX_MASK, %ebx
    add     $TCB_AREA, %ebx
    cmp     %eax, TCB_LOCAL_ID(%ebx)
    jne     ia32_sysenter_general
    cmp     %ebp, TCB_SPACE(%ebx)           /* EBP: our space */
    jne     ia32_sysenter_general
    /* A closed receive that names the destination locally too waits for its
       global id.  Otherwise EAX may stay local: from here on it is only
       compared with EDX, where a mismatch just means the general path. */
    cmp     %eax, %edx
    jne     destination_found
    mov     TCB_GLOBAL_ID(%ebx), %eax
    mov     %eax, %edx
destination_found:
    /* EBX = the destination: Waiting in a user receive, not halted, no
       receive timeout pending (tcb.h), waiting for us or anyone */
    cmpl    $STATE_WAITING_USER, TCB_STATE_WORD(%ebx)
    jne     ia32_sysenter_general
    cmpl    $-1, TCB_PARTNER(%ebx)
    je      1f
    mov     SELF(TCB_GLOBAL_ID), %ecx
    cmp     %ecx, TCB_PARTNER(%ebx)
    jne     ia32_sysenter_general
1:  mov     SELF(TCB_CPU), %ecx             /* ECX = this CPU */
#if CONFIG_MAX_CPUS > 1
    cmp     %ecx, TCB_CPU(%ebx)
    jne     ia32_sysenter_general
#endif
    movzbl  TCB_PRIORITY(%ebx), %ebp        /* nobody of higher priority ready */
    cmp     CPU_READY_HIGHEST(%ecx), %ebp
    jl      ia32_sysenter_general
    /* the sender's receive phase: from the destination, or from anyone
       with no sender queued for us */
    cmp     %eax, %edx
    je      2f
    cmp     $-1, %edx
    jne     ia32_sysenter_general
    cmpl    $0, SELF(TCB_SEND_QUEUE)
    jne     ia32_sysenter_general
2:
    /* --- commit: the sender waits, the destination runs --- */
    movw    $(STATE_WAITING | 1 << 8), SELF(TCB_STATE_WORD)   /* state, user_ipc */
    mov     %edx, SELF(TCB_PARTNER)
    movl    $0, SELF(TCB_KSP)
    movw    $STATE_RUNNING, TCB_STATE_WORD(%ebx)             /* user_ipc off */
    /* --- switch: space, current UTCB, FPU trap, kernel stack; EAX = the
       sender as the destination names it.  The CPU's active space is the
       sender's (cpu.h), so only another space needs a CR3 load. --- */
    mov     TCB_SPACE(%ebx), %ebp
    cmp     %ebp, SELF(TCB_SPACE)
    jne     other_space
    mov     SELF(TCB_LOCAL_ID), %eax
    /* The destination's current UTCB, in its space's current-UTCB page
       (now loaded) at this CPU's word: where GS points (the entry loaded
       the UTCB segment; LIPC writes there from user mode too). */
4:  mov     TCB_LOCAL_ID(%ebx), %ebp
    mov     %ebp, %gs:0
    cmpb    $0, CPU_FPU_ENABLED(%ecx)       /* the sender's FPU registers are live: */
    jne     fpu_off                         /* arm the trap (seed 003, lazy FPU) */
5:  lea     TCB_SIZE(%ebx), %edx
    mov     %edx, CPU_TSS_ESP0(%ecx)
    /* --- message: MR0 in ESI, MR1 and MR2 in EBX and EBP, the rest UTCB
       to UTCB; flags in MR0 (bits 12-15) are the kernel's to set --- */
    mov     SELF(TCB_UTCB), %ebp
    cmpw    $2, %si
    ja      copy_words
6:  mov     DEST_FRAME(FRAME_EDI)(%ebx), %edi   /* a sysenter frame (user_ipc) */
    mov     DEST_FRAME(FRAME_USER_ESP)(%ebx), %ecx
    mov     DEST_FRAME(FRAME_EIP)(%ebx), %edx
    mov     UTCB_MR0 + 4(%ebp), %ebx
    mov     UTCB_MR0 + 8(%ebp), %ebp
    sti
    sysexit

copy_words:                                 /* MR3..MRu, and clear the flags */
    mov     %esi, %ecx
    and     $0x3f, %ecx
    sub     $2, %ecx
    jbe     7f
    mov     %esi, %edx
    lea     UTCB_MR0 + 12(%ebp), %esi
    mov     TCB_UTCB(%ebx), %edi
    add     $UTCB_MR0 + 12, %edi
    rep movsl
    mov     %edx, %esi
7:  and     $0xffff0fff, %esi
    jmp     6b

other_space:
    mov     SELF(TCB_GLOBAL_ID), %eax
    mov     %ebp, CPU_ACTIVE_SPACE(%ecx)
    mov     SPACE_ROOT_PHYS(%ebp), %edx
    mov     %edx, %cr3
    jmp     4b

fpu_off:                                    /* (the owner's LIPC key keeps its FPU bit:
                                               conservative until the kernel rewrites it) */
    mov     %cr0, %edx
    or      $CR0_TS, %edx
    mov     %edx, %cr0
    movb    $0, CPU_FPU_ENABLED(%ecx)
    jmp     5b

#endif

lazy_switch:                                /* the Ipc is the thread LIPC switched to */
    mov     SELF(TCB_SPACE), %ebp
    mov     SPACE_SYSEXIT_IP(%ebp), %ebx
    mov     %ebx, FRAME_EIP(%esp)
    movl    $FRAME_SYSENTER, FRAME_VECTOR(%esp)
    push    $0x2
    popf
    push    %esp
    call    ia32_user_entry
    mov     %eax, %esp

    .global ia32_sysenter_general
ia32_sysenter_general:
    push    %esp
    call    ia32_sysenter_ipc
    add     $4, %esp
    jmp     ia32_exit_to_user
