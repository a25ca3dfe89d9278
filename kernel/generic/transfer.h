// Message transfer between two threads (the sender's side of IPC): MRs,
// map and grant items, and string items copied straight from the sender's
// space into the receiver's buffers (no kernel buffer).
//
// A string copy runs in the sender's context with interrupts enabled, page
// by page: the sender reads its own memory (its page faults go to its pager
// as its own IPC) and writes the receiver's page through a per-CPU copy
// window (seed 004).  A missing receiver page is "tunnelled": the receiver
// is woken to send the page fault to its own pager, and the sender waits.
// Every page-fault IPC runs under the transfer timeout: the earlier of the
// sender's send and the receiver's receive XferTimeouts.
#pragma once

#include "tcb.h"

// How the receiver sees a message.
struct Delivery {
    Word flags = 0;       // MsgTag p, r, X flags
    ThreadId from;        // the sender as the receiver names it
    ThreadId actual;      // propagation: the actual sender
    ThreadId intended;    // redirection: the original destination
};

// ipc_error numbers for each side (0: delivered) and the string bytes moved.
struct TransferResult {
    Word sender_error = 0;
    Word receiver_error = 0;
    Word offset = 0;

    [[nodiscard]] bool ok() const { return sender_error == 0; }
    static TransferResult both(Word error, Word offset = 0) { return {error, error, offset}; }
};

// Copies src's message to dst, which waits for it, and records the delivery
// in dst.  May block when the message has string items; dst stays locked
// to src meanwhile.  After a failed transfer with strings dst may be gone:
// the caller looks it up again.
[[nodiscard]] TransferResult transfer_message(Tcb* src, Tcb* dst, const Delivery& d);

// The receiver's half of tunnelled page faults: as long as the sender asks
// (wakeup ResolveFault), IPC to the receiver's pager, then wake the sender.
// Every thread woken in a receive phase calls this first (the start-up
// wait of a new thread included).  False when the transfer was aborted.
// The loop is out of line: receives rarely need it.
[[nodiscard]] bool transfer_resolve_faults(Tcb* receiver);
[[nodiscard]] inline bool transfer_serve_faults(Tcb* receiver)
{
    return receiver->wakeup != Wakeup::ResolveFault || transfer_resolve_faults(receiver);
}

// ExchangeRegisters aborts t's transfer, or t is being deleted; on t's CPU.
// Both partners fail at their next step; a partner blocked on t here wakes.
// Returns the partner when it is elsewhere and may be blocked on t: if t
// will not run again (deletion), transfer_release_partner() must wake it.
ThreadId transfer_abort(Tcb* t);
// Travels to `partner_id` and wakes it if it is blocked on its transfer
// with the deleted thread `dead`.
void transfer_release_partner(ThreadId partner_id, ThreadId dead);
