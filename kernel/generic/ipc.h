// Synchronous IPC (X.2 "Ipc").  The message lives in the UTCBs: the arch
// entry code spills register MRs into the sender's UTCB before sys_ipc() and
// loads the receiver's register MRs from its UTCB on the way out.
//
// Rendezvous rules:
// - The transfer always runs in the sender's context (its kernel stack), so
//   faults during a long transfer can be handled as the sender's own IPC.
// - A sender that finds its receiver waiting transfers at once.  Otherwise it
//   polls in the receiver's send queue.  A receiver that finds a polling
//   sender "picks" it: dequeues it, waits for it in a closed receive, and
//   switches to it; the sender retries and transfers.
#pragma once

#include "msg_tag.h"
#include "tcb.h"
#include "time_value.h"

// The Ipc system call of the current thread (`lipc`: it came from the
// user-level Lipc code, so LIPC may complete its receive).  Returns the
// sender's id (nil without a receive phase or on error); MR0 and ErrorCode
// are in the UTCB.
ThreadId sys_ipc(ThreadId to, ThreadId from_spec, Word timeouts, bool lipc);

// A message the kernel sends on the current thread's behalf (page fault,
// exception): saves the thread's first `mr_count` MRs, lets fill() write the
// message, calls `to` and waits for the reply (within `timeouts`, 0 for
// never), lets apply() read it, and restores the MRs.  False when the IPC
// failed.
template <class Fill, class Apply>
[[nodiscard]] bool kernel_call(ThreadId to, unsigned mr_count, Fill fill, Apply apply, Word timeouts = 0);

// Timeout of t's current IPC phase expired (called by the timer).
void ipc_timeout(Tcb* t);

// ExchangeRegisters: aborts t's IPC if it is in the phase selected; returns
// whether it was.
bool ipc_abort_send(Tcb* t);
bool ipc_abort_receive(Tcb* t);

// Deleting t, on t's CPU: ends its send phase or transfer, and lets a
// receiver that picked it look again.  Returns a transfer partner the
// caller must release with transfer_release_partner() (transfer.h).
[[nodiscard]] ThreadId ipc_unlink_sender(Tcb* t);
// On t's home: wakes every thread polling on t with `why` (NoPartner when t
// dies; Picked when t moves, so they send again at its new home).
// Interrupt threads leave the queue and stay masked.
void ipc_release_senders(Tcb* t, Wakeup why);

// Interrupt thread irq leaves the send queue it polls in (its line is
// being detached or rebound), on its CPU.
void ipc_unlink_interrupt(Tcb* irq);

// t arrived at its home already waiting in a receive (it travelled there
// blocked, ipc.cc): its timeout starts, senders polling there get a look.
void ipc_waiter_arrived(Tcb* t);

// t just became a receiver without running (a new thread waiting for its
// pager): lets a sender already polling for it retry.
void ipc_pick_waiting_sender(Tcb* t);

// A hardware interrupt for interrupt thread irq: deliver it to the handler
// (the line stays masked until the handler replies).
void ipc_deliver_interrupt(Tcb* irq);

// Implementation of kernel_call's IPC step.
[[nodiscard]] bool kernel_call_ipc(ThreadId to, Word timeouts);

// A thread that blocked in the receive phase of a user IPC outside the
// general path (the arch fast path) was woken by the general path: finishes
// that receive as sys_ipc would and returns its result (MR0 and the error
// code are in the UTCB).
[[nodiscard]] ThreadId ipc_resume_receive(Tcb* self);

template <class Fill, class Apply>
bool kernel_call(ThreadId to, unsigned mr_count, Fill fill, Apply apply, Word timeouts)
{
    Tcb* self = Tcb::current();
    Utcb* utcb = self->utcb;
    // Not a user IPC: the fast path must not complete it (tcb.h).
    bool user_ipc = self->user_ipc;
    self->user_ipc = false;
    Word saved[Utcb::mr_count];
    for (unsigned i = 0; i < mr_count; i++)
        saved[i] = utcb->mr(i);
    Word saved_br0 = utcb->br(0);
    fill(*utcb);
    bool ok = kernel_call_ipc(to, timeouts);
    if (ok)
        apply(*utcb);
    for (unsigned i = 0; i < mr_count; i++)
        utcb->mr(i) = saved[i];
    utcb->br(0) = saved_br0;
    self->user_ipc = user_ipc;
    return ok;
}
