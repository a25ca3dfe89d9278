// Thread control blocks.
//
// Invariants:
// - A TCB occupies the page of its thread number in the arch's TCB area; the
//   rest of the page is the thread's kernel stack.  Free slots map a shared
//   read-only zero page, so looking up any thread number is safe and a free
//   slot reads as state Free with a nil global id.
// - A thread entered from user mode has its arch::Frame at the top of its
//   kernel stack (user_frame()).
// - Lazy dispatching (seed 004): a thread that is runnable and not running is
//   in its CPU's ready queue; the queue may also hold threads that blocked
//   since they were queued; the dispatcher drops those when it meets them.
// - A thread in state Polling is linked into exactly one send queue, that of
//   `polling_on`; a thread with a finite IPC timeout is in its CPU's wakeup
//   queue.
// - user_ipc is set only while the thread is inside a user Ipc/Lipc system
//   call and not inside a kernel-made IPC (kernel_call), and only when the
//   arch says its user frame suits the fast path's exit (ia32: it entered
//   by sysenter, and nobody changed the frame since).  A thread that is
//   Waiting with user_ipc set has nothing on its kernel stack but its user
//   frame and the receive it blocked in, so the arch fast path may complete
//   that receive by returning to user mode straight from the frame.
// - A thread never blocks in a receive with its total quantum used up
//   (receive() first waits for a new quantum), so a waiting thread is
//   runnable once woken unless halted.
// - The first four bytes of a TCB are state, user_ipc, halted and
//   in_wakeup_queue, so the fast path tests "Waiting in a user IPC, not
//   halted, no timeout pending" with one compare (arch asm_offsets check the
//   layout).
// - Whoever wakes a blocked thread sets its `wakeup` reason first.
#pragma once

#include "arch_contract.h"
#include "msg_tag.h"
#include "thread_id.h"
#include "utcb.h"

class Space;
struct Cpu;

enum class ThreadState : u8 {
    Free = 0,        // the zero page: no thread here
    Inactive,        // created, not yet activated (no pager)
    Running,         // ready or running
    Polling,         // blocked in a send phase, queued at polling_on
    Waiting,         // blocked in a receive phase, waiting for `partner`
    Stopped,         // stopped by the kernel (fault without handler)
    Interrupt,       // an interrupt thread (no user context)
    Transfer,        // a sender waiting for its receiver to resolve a page fault
    WaitingLipc,     // blocked in a Lipc receive; its UTCB says for whom (lipc.h)
};

// Why a blocked thread was woken.
enum class Wakeup : u8 {
    None,
    Delivered,    // the IPC phase completed
    Timeout,
    Canceled,     // ExchangeRegisters aborted the IPC before the transfer
    Aborted,      // ExchangeRegisters aborted the IPC during the transfer
    NoPartner,    // the partner was deleted
    Error,        // the partner reported an error in ipc_error
    Picked,       // a polling sender: the receiver now waits for it, retry
    Retry,        // a receiver whose picked sender went away: receive again
    ResolveFault, // a receiver in a transfer: resolve xfer.fault_address for the sender
    FaultResolved,// a sender in a transfer: the receiver's page is there, retry
    FaultFailed,  // a sender in a transfer: the receiver's pager did not answer in time
};

// A string transfer in progress (both partners carry one).
struct XferState {
    bool active = false;
    bool sender = false;         // the sending side (else the receiving side)
    bool abort = false;          // ExchangeRegisters asked to abort it
    ThreadId partner;
    u64 deadline = 0;            // absolute us, TimeValue::never_us for no limit
    Word fault_address = 0;      // receiver: the page to fault in for the sender
};

struct AsmOffsets;   // arch/<cpu>/asm_offsets.cc: member offsets for assembly

class Tcb {
    friend struct AsmOffsets;

public:
    // --- state and identity (read on every IPC) ---
    ThreadState state = ThreadState::Inactive;
    bool user_ipc = false;        // inside a user Ipc/Lipc call (see above)
    bool halted = false;
    bool in_wakeup_queue = false;
    u8 priority = 0;
    bool in_ready_queue = false;
    bool quantum_exhausted = false;
    ThreadId global_id;
    Word local_id = 0;            // UTCB location + Utcb::mr0_offset; 0 without UTCB
    Space* space = nullptr;
    Cpu* cpu = nullptr;           // where the thread is (its queues, its kernel code)
    Cpu* home = nullptr;          // where its user code runs (smp.h)
    bool in_transit = false;      // travelling between CPUs: runnable nowhere
    bool awaiting_startup = false;// activated, has not run yet (thread.cc)
    Tcb* transit_next = nullptr;  // in a mailbox's arrivals
    Utcb* utcb = nullptr;         // kernel view of the UTCB; nullptr without one

    // --- IPC ---
    ThreadId partner;             // Polling: destination; Waiting: from-specifier
    ThreadId sending_as;          // Polling with propagation: the virtual sender
    Tcb* polling_on = nullptr;    // whose send queue holds this thread
    Tcb* picked_by = nullptr;     // the receiver that picked this polling sender
    Tcb* send_queue = nullptr;    // senders polling on this thread, FIFO ring
    Tcb* send_next = nullptr;
    Tcb* send_prev = nullptr;
    Wakeup wakeup = Wakeup::None;
    ThreadId ipc_from;            // result of a receive: who sent
    Word ipc_error = 0;           // ErrorCode when wakeup == Error
    XferState xfer;
    u64 timeout_at = 0;           // absolute deadline (us) while in the wakeup queue
    Tcb* wakeup_next = nullptr;
    Tcb* wakeup_prev = nullptr;

    // --- scheduling ---
    Tcb* ready_next = nullptr;
    Tcb* ready_prev = nullptr;
    ThreadId scheduler;
    u64 timeslice_us = 0;
    s64 timeslice_left_us = 0;
    u64 total_quantum_us = 0;     // 0: unlimited
    u64 quantum_used_us = 0;
    u8 sensitive_priority = 0;    // preemption control (X.2 Schedule)
    u64 max_delay_us = 0;

    // --- test support: interrupt the thread after this many user
    // instructions (kdebug, single-stepping), by preemption or as a fault ---
    Word step_budget = 0;
    bool step_as_fault = false;

    // --- interrupt threads ---
    ThreadId irq_handler;         // nil when detached
    bool irq_pending = false;

    arch::ThreadContext context;
    arch::FpuState* fpu = nullptr;   // saved FPU state; allocated on first use

    static constexpr Word max_threads = Word(1) << arch::thread_no_bits;

    // The TCB slot of a thread number (always readable, see above).
    [[nodiscard]] static Tcb* slot(Word number)
    {
        return reinterpret_cast<Tcb*>(arch::tcb_area + number * arch::tcb_size);
    }
    // The thread a global id names, or nullptr (free slot, stale version,
    // number out of range, not a global id).
    [[nodiscard]] static Tcb* lookup(ThreadId id)
    {
        if (!id.is_global() || id.number() >= max_threads)
            return nullptr;
        Tcb* t = slot(id.number());
        return t->global_id == id ? t : nullptr;
    }
    [[nodiscard]] static Tcb* current() { return reinterpret_cast<Tcb*>(arch::current_tcb_address()); }

    // Backs the slot of id.number() with a fresh page; nullptr when the slot
    // is taken or kernel memory is exhausted.
    [[nodiscard]] static Tcb* create(ThreadId id);
    // Frees the slot; the thread must already be unlinked from everything.
    void destroy();

    [[nodiscard]] Word stack_top() const { return reinterpret_cast<Word>(this) + arch::tcb_size; }
    [[nodiscard]] arch::Frame* user_frame() const { return arch::user_frame(stack_top()); }
    [[nodiscard]] bool exists() const { return state != ThreadState::Free; }
    [[nodiscard]] bool is_runnable() const
    {
        return state == ThreadState::Running && !halted && !quantum_exhausted && !in_transit;
    }
    [[nodiscard]] bool is_interrupt() const { return state == ThreadState::Interrupt; }
    // The id another thread names this one by: local within the same space.
    [[nodiscard]] ThreadId id_as_seen_by(const Tcb* other) const
    {
        return other->space == space && local_id != 0 ? ThreadId(local_id) : global_id;
    }
    [[nodiscard]] ThreadId pager() const { return utcb != nullptr ? utcb->pager_id() : ThreadId::nil(); }

    // Debug builds keep a marker right above the TCB to catch kernel stack
    // overflows at every switch.
    static constexpr Word stack_canary = 0x57ac4ca7;
    void set_canary() { canary_ = stack_canary; }
    [[nodiscard]] bool canary_intact() const { return canary_ == stack_canary; }

private:
    Word canary_ = 0;
};

static_assert(sizeof(Tcb) <= arch::tcb_size / 4, "the kernel stack needs the rest of the page");
