#include "ipc.h"
#include "assert.h"
#include "clock.h"
#include "cpu.h"
#include "interrupts.h"
#include "lipc.h"
#include "scheduler.h"
#include "smp.h"
#include "space.h"
#include "transfer.h"

namespace {

using ipc_error::code;
using ipc_error::receive_phase;
using ipc_error::send_phase;

ThreadId fail(Tcb* self, Word error, Word phase)
{
    self->utcb->error_code() = code(error, phase);
    self->utcb->mr(0) = MsgTag::error().raw();
    return ThreadId::nil();
}

// The CPU a thread's user code runs on (it may be elsewhere right now).
Cpu* home_of(const Tcb* t) { return __atomic_load_n(&t->home, __ATOMIC_ACQUIRE); }

// The thread an id names for `self`: global ids (interrupt threads
// included) anywhere, local ids within self's space.
Tcb* resolve(Tcb* self, ThreadId id)
{
    if (id.is_local())
        return self->space->thread_by_local_id(id.raw());
    return Tcb::lookup(id);
}

// --- send queues: a FIFO ring per receiver ---

void enqueue_sender(Tcb* receiver, Tcb* s)
{
    Tcb*& head = receiver->send_queue;
    if (head == nullptr) {
        s->send_next = s->send_prev = s;
        head = s;
    } else {
        s->send_next = head;
        s->send_prev = head->send_prev;
        head->send_prev->send_next = s;
        head->send_prev = s;
    }
    s->polling_on = receiver;
    lipc::update_key(receiver);   // LIPC must not pass queued senders
}

void dequeue_sender(Tcb* s)
{
    Tcb* receiver = s->polling_on;
    if (receiver == nullptr)
        return;
    Tcb*& head = receiver->send_queue;
    if (s->send_next == s) {
        head = nullptr;
    } else {
        s->send_prev->send_next = s->send_next;
        s->send_next->send_prev = s->send_prev;
        if (head == s)
            head = s->send_next;
    }
    s->send_next = s->send_prev = nullptr;
    s->polling_on = nullptr;
    lipc::update_key(receiver);
}

// Whether receiver r is in a receive phase that accepts sender s (sending
// on behalf of virtual_sender when propagating).  A thread waiting for LIPC
// comes under kernel control first.
bool waits_for(Tcb* r, const Tcb* s, ThreadId virtual_sender)
{
    if (r->cpu != Tcb::current()->cpu || r->in_transit)
        return false;   // not here (yet): it looks at its senders on arrival (smp.h)
    lipc::settle(r);
    if (r->state != ThreadState::Waiting)
        return false;
    ThreadId p = r->partner;
    if (p.is_any())
        return true;
    if (p.is_any_local())
        return !s->is_interrupt() && r->space == s->space;
    return p == s->global_id || (!virtual_sender.is_nil() && p == virtual_sender);
}

// A receiver that blocked on its way home (receive()) is waiting already:
// a sender at its home waits for it to arrive (it is in this CPU's
// mailbox or about to be, nothing else delays it) instead of taking it for
// busy.  Returns the receiver (nullptr once it is gone).
Tcb* await_arrival(Tcb* r, ThreadId id)
{
    Cpu* here = Tcb::current()->cpu;
    while (r->state == ThreadState::Waiting && r->home == here &&
           (__atomic_load_n(&r->cpu, __ATOMIC_ACQUIRE) != here ||
            __atomic_load_n(&r->in_transit, __ATOMIC_ACQUIRE))) {
        smp::serve_mailbox();
        arch::cpu_relax();
        r = Tcb::lookup(id);
        if (r == nullptr)
            return nullptr;
    }
    return r;
}

// The first sender polling on r that the from-specifier `want` (any,
// any-local or a global id) accepts.
Tcb* find_sender(const Tcb* r, ThreadId want)
{
    Tcb* head = r->send_queue;
    if (head == nullptr)
        return nullptr;
    Tcb* s = head;
    do {
        if (want.is_any() || (want.is_any_local() && !s->is_interrupt() && s->space == r->space) ||
            s->global_id == want || (!s->sending_as.is_nil() && s->sending_as == want))
            return s;
        s = s->send_next;
    } while (s != head);
    return nullptr;
}

// Computes the absolute deadline of a (non-zero) timeout; false when an
// absolute time point has already passed.
bool deadline_of(TimeValue timeout, u64& deadline)
{
    if (timeout.is_never()) {
        deadline = TimeValue::never_us;
        return true;
    }
    u64 now = system_clock.now_us();
    deadline = timeout.deadline(now);
    return deadline > now;
}

void release(Tcb* woken)
{
    if (woken != nullptr)
        make_runnable(woken);
}

// The send phase: true when the message reached the receiver (then
// `woken` is the receiver, Running but not yet queued, or nullptr when the
// destination was an interrupt thread).
bool send(Tcb* self, ThreadId to_id, TimeValue timeout, Tcb*& woken)
{
    woken = nullptr;
    Tcb* to = resolve(self, to_id);
    if (to == nullptr) {
        fail(self, ipc_error::no_partner, send_phase);
        return false;
    }
    if (to->is_interrupt()) {
        // A handler's reply to its interrupt thread re-enables the line.
        if (to->irq_handler != self->global_id) {
            fail(self, ipc_error::no_partner, send_phase);
            return false;
        }
        interrupt_acknowledged(to);
        return true;
    }

    Delivery d;
    MsgTag tag(self->utcb->mr(0));
    Space* space = self->space;
    // Redirection (X.2 SpaceControl): IPC leaving a space with a redirector
    // goes to the redirector instead, unless it is addressed to it.
    if (!space->redirector.is_any() && !space->redirector.is_nil() && to->space != space &&
        to->global_id != space->redirector) {
        Tcb* r = Tcb::lookup(space->redirector);
        if (r == nullptr) {
            fail(self, ipc_error::no_partner, send_phase);
            return false;
        }
        d.flags |= MsgTag::flag_redirected;
        d.intended = to->global_id;
        to = r;
    }
    // Propagation: deliver on behalf of the virtual sender when permitted.
    ThreadId virtual_sender;
    Tcb* sender_as = self;
    if (tag.is_propagated()) {
        Tcb* v = resolve(self, ThreadId(self->utcb->virtual_sender()));
        if (v != nullptr)
            v = smp::go_to(v->global_id);   // it may wait: act on it where it is
        if (v != nullptr)
            lipc::settle(v);
        // Kernel threads (no space) cannot be virtual senders either.
        if (v != nullptr && !v->is_interrupt() && v->space != nullptr &&
            (v->space == space || to->space == space || v->space->redirector == self->global_id)) {
            virtual_sender = v->global_id;
            sender_as = v;
            d.flags |= MsgTag::flag_propagated;
            d.actual = self->id_as_seen_by(to);
            // A virtual sender waiting for the actual sender now waits for the receiver.
            if (v->state == ThreadState::Waiting && v->partner == self->global_id)
                v->partner = to->global_id;
        }
    }
    d.from = sender_as->id_as_seen_by(to);

    ThreadId to_gid = to->global_id;
    // Cross-CPU IPC (seed 002, design decisions 4 and 6): the same semantics,
    // reported by the X flag; a sender that sets X fails instead and learns
    // where the receiver is.
    if (Cpu* to_home = home_of(to); to_home != self->home) {
        if (tag.has(MsgTag::flag_xcpu)) {
            self->utcb->error_code() = code(ipc_error::canceled, send_phase, to_home->id);
            self->utcb->mr(0) = MsgTag(MsgTag::flag_error | MsgTag::flag_xcpu).raw();
            return false;
        }
        d.flags |= MsgTag::flag_xcpu;
    }
    u64 deadline = 0;
    bool have_deadline = false;
    for (;;) {
        // The receiver waits and its senders poll at its home (smp.h).
        to = smp::go_to_home_of(to_gid);
        if (to == nullptr) {
            fail(self, ipc_error::no_partner, send_phase);
            return false;
        }
        to = await_arrival(to, to_gid);
        if (to == nullptr) {
            fail(self, ipc_error::no_partner, send_phase);
            return false;
        }
        if (waits_for(to, self, virtual_sender)) {
            cancel_timeout(to);
            TransferResult r = transfer_message(self, to, d);
            // A long transfer may have outlived the receiver; it ends where
            // the receiver is.
            to = r.ok() ? Tcb::lookup(to_gid) : smp::go_to(to_gid);
            if (!r.ok()) {
                // The receiver fails with us unless it is busy with a page
                // fault for our strings: then it fails when it comes back.
                if (to != nullptr && to->state == ThreadState::Waiting &&
                    (!to->xfer.active || to->partner == self->global_id)) {
                    to->xfer = {};
                    to->ipc_error = code(r.receiver_error, receive_phase, r.offset);
                    to->wakeup = Wakeup::Error;
                    make_runnable(to);
                }
                self->utcb->error_code() = code(r.sender_error, send_phase, r.offset);
                self->utcb->mr(0) = MsgTag::error().raw();
                return false;
            }
            assert(to != nullptr && to->cpu == self->cpu);
            to->wakeup = Wakeup::Delivered;
            to->state = ThreadState::Running;
            woken = to;
            return true;
        }
        if (timeout.is_zero()) {
            fail(self, ipc_error::timeout, send_phase);
            return false;
        }
        if (!have_deadline) {
            if (!deadline_of(timeout, deadline)) {
                fail(self, ipc_error::timeout, send_phase);
                return false;
            }
            have_deadline = true;
        }
        self->state = ThreadState::Polling;
        self->partner = to_gid;
        self->sending_as = virtual_sender;
        self->wakeup = Wakeup::None;
        enqueue_sender(to, self);
        if (deadline != TimeValue::never_us)
            set_timeout(self, deadline);
        schedule();
        cancel_timeout(self);
        self->sending_as = ThreadId::nil();
        self->picked_by = nullptr;
        switch (self->wakeup) {
        case Wakeup::Picked:
            // The receiver waits for us now, or moved home: retry.
            continue;
        case Wakeup::Timeout:
            fail(self, ipc_error::timeout, send_phase);
            return false;
        case Wakeup::NoPartner:
            fail(self, ipc_error::no_partner, send_phase);
            return false;
        case Wakeup::Aborted:
            fail(self, ipc_error::aborted, send_phase);
            return false;
        default:
            fail(self, ipc_error::canceled, send_phase);
            return false;
        }
    }
}

// After a thread blocked in a receive phase was woken: the IPC result in
// `result`, or false when the receive must start over (Retry).
[[nodiscard]] bool receive_woken(Tcb* self, ThreadId& result);

ThreadId receive(Tcb* self, ThreadId from_spec, TimeValue timeout, Tcb* woken, bool lipc)
{
    ThreadId want = from_spec;
    if (!from_spec.is_any() && !from_spec.is_any_local()) {
        Tcb* f = resolve(self, from_spec);
        if (f == nullptr) {
            release(woken);
            return fail(self, ipc_error::no_partner, receive_phase);
        }
        want = f->global_id;
    }
    u64 deadline = 0;
    bool have_deadline = false;
    for (;;) {
        if (self->cpu != self->home) {
            // Receive phases happen at home (smp.h).  The thread already
            // waits on its way there: a partner that answers at once (a
            // server's reply to a call, with zero send timeout) comes after
            // it in the home's mailbox and finds it waiting.
            release(woken);
            woken = nullptr;
            if (timeout.is_zero() || self->quantum_exhausted) {
                smp::go_home();
            } else {
                if (!have_deadline) {
                    if (!deadline_of(timeout, deadline))
                        return fail(self, ipc_error::timeout, receive_phase);
                    have_deadline = true;
                }
                self->state = ThreadState::Waiting;
                self->partner = want;
                self->wakeup = Wakeup::None;
                self->timeout_at = deadline;   // set at home (ipc_waiter_arrived)
                smp::travel_to(*self->home);
                ThreadId result;
                if (receive_woken(self, result))
                    return result;
                continue;
            }
        }
        Tcb* s = find_sender(self, want);
        if (s != nullptr && s->is_interrupt()) {
            dequeue_sender(s);
            self->utcb->mr(0) = MsgTag::make(MsgTag::label_interrupt, 0, 0).raw();
            release(woken);
            return s->global_id;
        }
        self->wakeup = Wakeup::None;
        if (s != nullptr) {
            // Pick the polling sender: it transfers when it runs.
            dequeue_sender(s);
            cancel_timeout(s);
            s->wakeup = Wakeup::Picked;
            s->picked_by = self;
            self->state = ThreadState::Waiting;
            self->partner = s->global_id;
            release(woken);
            make_runnable(s);
            switch_or_schedule(s);
        } else {
            if (timeout.is_zero()) {
                release(woken);
                return fail(self, ipc_error::timeout, receive_phase);
            }
            if (!have_deadline) {
                if (!deadline_of(timeout, deadline)) {
                    release(woken);
                    return fail(self, ipc_error::timeout, receive_phase);
                }
                have_deadline = true;
            }
            if (self->quantum_exhausted) {
                // Only a long string copy runs on after its quantum ended; it
                // waits for a new one before it blocks (tcb.h), then looks
                // for senders again.
                release(woken);
                woken = nullptr;
                schedule();
                continue;
            }
            if (lipc && lipc::may_wait_lazily(self, want, timeout)) {
                // LIPC may complete this receive: the thread then resumes on
                // a frame rebuilt from its UTCB, never here (lipc.h).
                lipc::block_lazily(self, want);
            } else {
                self->state = ThreadState::Waiting;
                self->partner = want;
            }
            if (deadline != TimeValue::never_us)
                set_timeout(self, deadline);
            if (woken != nullptr)
                switch_or_schedule(woken);
            else
                schedule();
        }
        woken = nullptr;
        ThreadId result;
        if (receive_woken(self, result))
            return result;
    }
}

bool receive_woken(Tcb* self, ThreadId& result)
{
    cancel_timeout(self);
    // A sender copying strings into us may need our pages faulted in.
    if (!transfer_serve_faults(self)) {
        result = fail(self, ipc_error::aborted, receive_phase);
        return true;
    }
    switch (self->wakeup) {
    case Wakeup::Delivered:
        result = self->ipc_from;
        return true;
    case Wakeup::Retry:
        return false;
    case Wakeup::Timeout:
        result = fail(self, ipc_error::timeout, receive_phase);
        return true;
    case Wakeup::NoPartner:
        result = fail(self, ipc_error::no_partner, receive_phase);
        return true;
    case Wakeup::Error:
        self->utcb->error_code() = self->ipc_error;
        self->utcb->mr(0) = MsgTag::error().raw();
        result = ThreadId::nil();
        return true;
    case Wakeup::Aborted:
        result = fail(self, ipc_error::aborted, receive_phase);
        return true;
    default:
        result = fail(self, ipc_error::canceled, receive_phase);
        return true;
    }
}

} // namespace

ThreadId ipc_resume_receive(Tcb* self)
{
    ThreadId result;
    if (receive_woken(self, result))
        return result;
    // Retry: a picked sender went away.  The fast path picks no senders, so
    // partner still holds the from-specifier the thread blocked with; its
    // receive timeout was never (a fast-path condition).
    return receive(self, self->partner, TimeValue::never(), nullptr, false);
}

ThreadId sys_ipc(ThreadId to, ThreadId from_spec, Word timeouts_word, bool lipc)
{
    if (lipc)
        __atomic_fetch_add(&lipc::statistics.kernel_calls, 1, __ATOMIC_RELAXED);
    Tcb* self = Tcb::current();
    Timeouts timeouts(timeouts_word);
    Tcb* woken = nullptr;
    if (!to.is_nil() && !send(self, to, timeouts.send(), woken))
        return ThreadId::nil();
    if (from_spec.is_nil()) {
        self->utcb->mr(0) = MsgTag(self->utcb->mr(0)).with_flags(0).raw();
        release(woken);
        return ThreadId::nil();
    }
    return receive(self, from_spec, timeouts.receive(), woken, lipc);
}

bool kernel_call_ipc(ThreadId to, Word timeouts)
{
    Utcb* u = Tcb::current()->utcb;
    (void)sys_ipc(to, to, timeouts, false);
    return !MsgTag(u->mr(0)).is_error();
}

void ipc_timeout(Tcb* t)
{
    if (t->state == ThreadState::Polling)
        dequeue_sender(t);
    else if (t->state != ThreadState::Waiting)
        return;
    t->wakeup = Wakeup::Timeout;
    make_runnable(t);
}

namespace {

// Wakes t from whatever IPC it is blocked in, as canceled.
bool cancel_blocked_ipc(Tcb* t)
{
    if (t->state == ThreadState::Polling)
        dequeue_sender(t);
    else if (t->state != ThreadState::Waiting)
        return false;
    cancel_timeout(t);
    t->wakeup = Wakeup::Canceled;
    make_runnable(t);
    return true;
}

} // namespace

bool ipc_abort_send(Tcb* t)
{
    if (t->xfer.active && t->xfer.sender) {
        // Inside a string transfer: abort it, and any page-fault IPC the
        // sender is blocked in meanwhile.
        (void)transfer_abort(t);
        (void)cancel_blocked_ipc(t);
        return true;
    }
    return t->state == ThreadState::Polling && cancel_blocked_ipc(t);
}

bool ipc_abort_receive(Tcb* t)
{
    if (t->xfer.active && !t->xfer.sender) {
        bool resolving = t->state == ThreadState::Waiting && t->partner != t->xfer.partner;
        (void)transfer_abort(t);
        if (resolving)
            (void)cancel_blocked_ipc(t);   // its page-fault IPC for the sender
        return true;
    }
    return t->state == ThreadState::Waiting && cancel_blocked_ipc(t);
}

ThreadId ipc_unlink_sender(Tcb* t)
{
    ThreadId partner = transfer_abort(t);
    dequeue_sender(t);
    // A receiver that picked t must not wait for it forever (t has not run
    // since, so it is still at the receiver's home).
    if (Tcb* r = t->picked_by) {
        if (r->state == ThreadState::Waiting && r->partner == t->global_id) {
            r->wakeup = Wakeup::Retry;
            make_runnable(r);
        }
        t->picked_by = nullptr;
    }
    return partner;
}

void ipc_unlink_interrupt(Tcb* irq) { dequeue_sender(irq); }

void ipc_waiter_arrived(Tcb* t)
{
    if (t->state != ThreadState::Waiting)
        return;
    if (t->home != t->cpu) {   // its home moved meanwhile (Schedule): on to there
        smp::move_blocked(t, *t->home);
        return;
    }
    if (t->timeout_at != TimeValue::never_us)
        set_timeout(t, t->timeout_at);
    // Senders that came first poll here: look at them in a receive at home.
    if (find_sender(t, t->partner) != nullptr) {
        cancel_timeout(t);
        t->wakeup = Wakeup::Retry;
        make_runnable(t);
    }
}

void ipc_release_senders(Tcb* t, Wakeup why)
{
    while (Tcb* s = t->send_queue) {
        dequeue_sender(s);
        if (s->is_interrupt())
            continue;   // the line stays masked until a new handler attaches
        assert(s->cpu == Tcb::current()->cpu);   // senders poll at the receiver's home
        cancel_timeout(s);
        s->wakeup = why;
        make_runnable(s);
    }
}

void ipc_pick_waiting_sender(Tcb* t)
{
    Tcb* s = find_sender(t, t->partner);
    if (s == nullptr || s->is_interrupt())
        return;
    dequeue_sender(s);
    cancel_timeout(s);
    s->wakeup = Wakeup::Picked;
    s->picked_by = t;
    make_runnable(s);
}

void ipc_deliver_interrupt(Tcb* irq)
{
    Tcb* handler = Tcb::lookup(irq->irq_handler);
    if (handler == nullptr)
        return;
    if (waits_for(handler, irq, ThreadId::nil())) {
        cancel_timeout(handler);
        handler->utcb->mr(0) = MsgTag::make(MsgTag::label_interrupt, 0, 0).raw();
        handler->ipc_from = irq->global_id;
        handler->wakeup = Wakeup::Delivered;
        make_runnable(handler);
        return;
    }
    if (irq->polling_on == nullptr)
        enqueue_sender(handler, irq);
}
