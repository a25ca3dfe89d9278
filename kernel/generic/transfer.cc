#include "transfer.h"
#include "clock.h"
#include "cpu.h"
#include "exception.h"
#include "kernel_lock.h"
#include "mapping_db.h"
#include "msg_tag.h"
#include "scheduler.h"
#include "sigma0_memory.h"
#include "smp.h"
#include "time_value.h"
#include "space.h"
#include "utcb.h"

namespace {

// Typed message items (X.2): word 0 has bit 0 (C: more receive buffers
// follow, in BRs), the type in bits 3-1 (100 map, 101 grant, 0hh a string
// item with cache hints hh), and for strings the substring count - 1 in
// bits 8-4, the compound bit c in bit 9 and the substring length from bit 10.
enum : Word { item_type_mask = 0xe, item_map = 0x8, item_grant = 0xa, item_string_bit = 0x8 };

struct StringItem {
    Word raw;
    [[nodiscard]] bool is_string() const { return (raw & item_string_bit) == 0; }
    [[nodiscard]] bool more_buffers() const { return (raw & 1) != 0; }
    [[nodiscard]] unsigned pointers() const { return unsigned((raw >> 4) & 0x1f) + 1; }
    [[nodiscard]] bool compound() const { return (raw & (1u << 9)) != 0; }
    [[nodiscard]] Word length() const { return raw >> 10; }
};

constexpr Word max_string = mib(4);   // X.2: strings up to 4 MiB

// Map and grant (X.2 "Map Item"/"Grant Item"): the send fpage and the
// receive window meet at the smaller size; the send base picks the part.
Word map_item(Tcb* src, Tcb* dst, Word base_word, Fpage send, bool grant)
{
    Fpage window(dst->utcb->br(0) & ~Word(0xf));
    if (window.is_nil())
        return ipc_error::overflow;   // the receiver accepts no mappings
    if (send.is_nil() || !send.is_valid_region() || !window.is_valid_region())
        return 0;
    unsigned s = send.size_log2(), w = window.size_log2();
    unsigned t = min(s, w);
    Word base = base_word & ~Word(0x3ff);
    auto mask = [](unsigned log2) { return log2 >= word_bits ? ~Word(0) : (Word(1) << log2) - 1; };
    auto part = [&](Word region_base, unsigned region_log2, Word b) {
        return region_log2 <= t ? region_base : region_base + (b & mask(region_log2) & ~mask(t));
    };
    Word from = part(send.base(), s, base);
    Word to = part(window.base(), w, base);
    KernelLockGuard guard;
    if (src->space->is_sigma0)
        (void)sigma0_own_range(src->space, from, t);
    (void)mdb::map(src->space, from, dst->space, to, t, send.rights(), grant);
    // A grant larger than the window still takes the whole fpage away.
    if (grant && s > w)
        (void)mdb::unmap(src->space, send.base(), s, Fpage::rights_rwx, true);
    return 0;
}

// The remaining transfer time as IPC timeouts for a page-fault IPC, or
// false when it is used up.
bool fault_timeouts(u64 deadline, Word& timeouts)
{
    if (deadline == TimeValue::never_us) {
        timeouts = 0;
        return true;
    }
    u64 now = system_clock.now_us();
    if (now >= deadline)
        return false;
    Word t = TimeValue::period(deadline - now).raw();
    timeouts = (t << 16) | t;
    return true;
}

// One string copy in progress, in the sender's context.
class StringCopy {
public:
    StringCopy(Tcb* src, Tcb* dst) : src_(src), dst_gid_(dst->global_id), dst_(dst) {}

    // Copies n bytes from the sender's src_addr to the receiver's dst_addr.
    [[nodiscard]] TransferResult copy(Word src_addr, Word dst_addr, Word n);
    [[nodiscard]] Word moved() const { return moved_; }
    [[nodiscard]] Tcb* receiver() const { return dst_; }

private:
    // Whether the transfer may go on after anything that could have blocked.
    [[nodiscard]] bool partner_still_there();
    [[nodiscard]] bool sender_fault(Word address);
    // Copies up to the end of the receiver's page at dst_addr and advances
    // the three; false when that page is not mapped writable.
    [[nodiscard]] bool copy_page(Word& src_addr, Word& dst_addr, Word& n, bool& sender_faulted, Word& fault_address);
    [[nodiscard]] Word receiver_fault(Word address);

    Tcb* src_;
    ThreadId dst_gid_;
    Tcb* dst_;
    Word moved_ = 0;
};

bool StringCopy::partner_still_there()
{
    // After anything that blocked, the copy goes on where the receiver is.
    dst_ = smp::go_to(dst_gid_);
    return dst_ != nullptr && !src_->xfer.abort && dst_->xfer.active && !dst_->xfer.abort &&
           dst_->xfer.partner == src_->global_id;
}

bool StringCopy::sender_fault(Word address)
{
    if (src_->space->is_sigma0 && sigma0_resolve_fault(src_->space, address, Fpage::rights_r))
        return true;
    Word timeouts;
    if (!fault_timeouts(src_->xfer.deadline, timeouts))
        return false;
    return send_page_fault(src_->pager(), address, src_->user_frame()->ip(), Fpage::rights_r, timeouts);
}

// Asks the receiver to fault the page in for us; returns 0 or the error
// for the sender (xfer timeout in the partner, or aborted).
Word StringCopy::receiver_fault(Word address)
{
    dst_->xfer.fault_address = address;
    dst_->wakeup = Wakeup::ResolveFault;
    src_->state = ThreadState::Transfer;
    src_->wakeup = Wakeup::None;
    make_runnable(dst_);
    switch_or_schedule(dst_);
    src_->state = ThreadState::Running;
    switch (src_->wakeup) {
    case Wakeup::FaultResolved: return 0;
    case Wakeup::FaultFailed: return ipc_error::xfer_timeout_partner;
    default: return ipc_error::aborted;
    }
}

bool StringCopy::copy_page(Word& src_addr, Word& dst_addr, Word& n, bool& sender_faulted, Word& fault_address)
{
    // The receiver's page stays mapped while we copy into it: an Unmap on
    // another CPU waits for the kernel lock.
    KernelLockGuard guard;
    PageTable::Slot d = dst_->space->page_table.find(dst_addr);
    if (!d.present() || (arch::pte_rights(*d.pte) & Fpage::rights_w) == 0)
        return false;
    Word page_off = dst_addr & (arch::page_size - 1);
    Word chunk = min(n, arch::page_size - page_off);
    Paddr frame = arch::pte_address(*d.pte, d.level) + align_down(dst_addr - d.base, arch::page_size);
    char* window = static_cast<char*>(arch::copy_window(src_->cpu->id, frame));
    arch::enable_interrupts();
    Word left = arch::copy_from_user_partial(window + page_off, src_addr, chunk, fault_address);
    arch::disable_interrupts();
    Word done = chunk - left;
    moved_ += done;
    src_addr += done;
    dst_addr += done;
    n -= done;
    sender_faulted = left != 0;
    return true;
}

TransferResult StringCopy::copy(Word src_addr, Word dst_addr, Word n)
{
    // A string or buffer reaching beyond user space is a malformed message,
    // not a page fault for some pager to puzzle over.
    if (!arch::is_user_range(src_addr, n) || !arch::is_user_range(dst_addr, n))
        return TransferResult::both(ipc_error::overflow, moved_);
    while (n > 0) {
        if (src_->cpu->need_resched)
            schedule();   // a preemption point between pages
        if (!partner_still_there())
            return TransferResult::both(ipc_error::aborted, moved_);
        bool sender_faulted = false;
        Word fault_address = 0;
        if (!copy_page(src_addr, dst_addr, n, sender_faulted, fault_address)) {
            if (Word e = receiver_fault(dst_addr)) {
                if (e == ipc_error::xfer_timeout_partner)
                    return {ipc_error::xfer_timeout_partner, ipc_error::xfer_timeout_self, moved_};
                return TransferResult::both(e, moved_);
            }
            continue;
        }
        if (sender_faulted && !sender_fault(fault_address)) {
            if (!partner_still_there())
                return TransferResult::both(ipc_error::aborted, moved_);
            return {ipc_error::xfer_timeout_self, ipc_error::xfer_timeout_partner, moved_};
        }
    }
    return {};
}

// Walks the sender's string item at MR index i (compound chains included)
// into the receiver's buffers described by the BRs from br_index on.
// Mirrors the X.2 rules: a send string fills the current receive buffer
// (and its substrings and compound continuation); when it ends the next
// string goes to the next buffer; running out of buffers is an overflow.
class StringWalk {
public:
    StringWalk(Tcb* src, Tcb* dst, unsigned last_mr) : copy_(src, dst), src_(src), last_mr_(last_mr) {}

    // Transfers the string starting at MR index i; returns the index after it.
    [[nodiscard]] TransferResult transfer(unsigned& i);
    [[nodiscard]] Word moved() const { return copy_.moved(); }

private:
    [[nodiscard]] Word br(unsigned j) { return copy_.receiver()->utcb->br(j); }
    [[nodiscard]] TransferResult overflow() { return TransferResult::both(ipc_error::overflow, moved()); }

    StringCopy copy_;
    Tcb* src_;
    unsigned last_mr_;
    unsigned br_index_ = 1;
    bool accept_ = true;   // more receive buffers exist
};

TransferResult StringWalk::transfer(unsigned& i)
{
    if (!accept_ || (copy_.receiver()->utcb->br(0) & 1) == 0)
        return overflow();
    StringItem s{src_->utcb->mr(i)};
    if (i + s.pointers() > last_mr_ || br_index_ + 1 >= Utcb::br_count)
        return overflow();
    unsigned sp = 1;
    Word s_addr = src_->utcb->mr(i + 1), s_len = s.length();
    StringItem r{br(br_index_)};
    if (!r.is_string() || br_index_ + r.pointers() >= Utcb::br_count)
        return overflow();
    accept_ = r.more_buffers();
    unsigned rp = 1;
    Word r_addr = br(br_index_ + 1), r_len = r.length();
    if (s_len > max_string || r_len > max_string)
        return overflow();
    for (;;) {
        Word n = min(s_len, r_len);
        if (n > 0) {
            TransferResult res = copy_.copy(s_addr, r_addr, n);
            if (!res.ok())
                return res;
            s_addr += n;
            r_addr += n;
            s_len -= n;
            r_len -= n;
        }
        if (s_len == 0) {
            if (sp < s.pointers()) {                 // next substring of the send item
                sp++;
                s_addr = src_->utcb->mr(i + sp);
                s_len = s.length();
                continue;
            }
            if (s.compound()) {                      // the string continues in the next item
                i += sp + 1;
                if (i + 1 > last_mr_)
                    return overflow();
                s = StringItem{src_->utcb->mr(i)};
                if (!s.is_string() || i + s.pointers() > last_mr_ || s.length() > max_string)
                    return overflow();
                sp = 1;
                s_addr = src_->utcb->mr(i + 1);
                s_len = s.length();
                continue;
            }
            i += sp + 1;                             // end of the send string:
            for (bool compound = true; compound;) {  // skip the rest of this buffer
                compound = r.compound();
                br_index_ += r.pointers() + 1;
                if (br_index_ >= Utcb::br_count) {
                    accept_ = false;
                    break;
                }
                r = StringItem{br(br_index_)};
            }
            return {};
        }
        if (r_len == 0) {
            if (rp < r.pointers()) {                 // next substring of the buffer
                rp++;
                r_addr = br(br_index_ + rp);
                r_len = r.length();
            } else if (r.compound()) {               // the buffer continues
                br_index_ += rp + 1;
                if (br_index_ + 1 >= Utcb::br_count)
                    return overflow();
                r = StringItem{br(br_index_)};
                if (!r.is_string() || br_index_ + r.pointers() >= Utcb::br_count || r.length() > max_string)
                    return overflow();
                rp = 1;
                r_addr = br(br_index_ + 1);
                r_len = r.length();
            } else {
                return overflow();                   // no room left
            }
        }
    }
}

} // namespace

TransferResult transfer_message(Tcb* src, Tcb* dst, const Delivery& d)
{
    MsgTag tag(src->utcb->mr(0));
    unsigned untyped = tag.untyped(), typed = tag.typed();
    if (untyped + typed >= Utcb::mr_count)
        return TransferResult::both(ipc_error::overflow);
    for (unsigned i = 1; i <= untyped + typed; i++)
        dst->utcb->mr(i) = src->utcb->mr(i);

    unsigned last = untyped + typed;
    StringWalk strings(src, dst, last);
    bool locked = false;
    TransferResult result;
    for (unsigned i = untyped + 1; i <= last && result.ok();) {
        Word w0 = src->utcb->mr(i);
        Word type = w0 & item_type_mask;
        if (type == item_map || type == item_grant) {
            if (i + 1 > last)
                result = TransferResult::both(ipc_error::overflow);
            else if (Word e = map_item(src, dst, w0, Fpage(src->utcb->mr(i + 1)), type == item_grant))
                result = TransferResult::both(e);
            i += 2;
        } else if ((w0 & item_string_bit) == 0) {
            if (!locked) {
                // Both partners are locked to each other for the transfer.
                u64 now = system_clock.now_us();
                u64 deadline = min(TimeValue(u16(src->utcb->xfer_timeouts() >> 16)).deadline(now),
                                   TimeValue(u16(dst->utcb->xfer_timeouts())).deadline(now));
                src->xfer = {true, true, false, dst->global_id, deadline, 0};
                dst->xfer = {true, false, false, src->global_id, deadline, 0};
                dst->partner = src->global_id;
                locked = true;
            }
            result = strings.transfer(i);
        } else {
            result = TransferResult::both(ipc_error::overflow);
        }
    }
    if (locked) {
        // dst may have gone while we were blocked: only unlock it if it is ours.
        ThreadId dst_gid = src->xfer.partner;
        src->xfer = {};
        dst = Tcb::lookup(dst_gid);
        if (dst != nullptr && dst->xfer.partner == src->global_id) {
            if (result.ok())
                dst->xfer = {};
            else   // the sender's error path or the receiver itself ends it
                __atomic_store_n(&dst->xfer.abort, true, __ATOMIC_RELAXED);
        }
    }
    if (!result.ok()) {
        if (result.offset == 0)
            result.offset = strings.moved();
        return result;
    }
    dst->utcb->mr(0) = tag.with_flags(d.flags).raw();
    dst->ipc_from = d.from;
    if ((d.flags & MsgTag::flag_propagated) != 0)
        dst->utcb->virtual_sender() = d.actual.raw();
    if ((d.flags & MsgTag::flag_redirected) != 0)
        dst->utcb->intended_receiver() = d.intended.raw();
    return result;
}

namespace {

void resolve_fault(Tcb* receiver)
{
    ThreadId sender_id = receiver->xfer.partner;
    Word address = receiver->xfer.fault_address;
    bool ok;
    if (receiver->space->is_sigma0 && sigma0_resolve_fault(receiver->space, address, Fpage::rights_w)) {
        ok = true;
    } else {
        Word timeouts;
        ok = fault_timeouts(receiver->xfer.deadline, timeouts) &&
             send_page_fault(receiver->pager(), address, receiver->user_frame()->ip(), Fpage::rights_w,
                             timeouts);
    }
    // Back to waiting for the sender (the page-fault IPC used the state),
    // where the sender waits for us: the fault IPC may have ended elsewhere.
    Tcb* s = smp::go_to(sender_id);
    receiver->state = ThreadState::Waiting;
    receiver->partner = sender_id;
    receiver->wakeup = Wakeup::None;
    if (s != nullptr && s->state == ThreadState::Transfer && s->xfer.partner == receiver->global_id) {
        s->wakeup = ok && !receiver->xfer.abort ? Wakeup::FaultResolved : Wakeup::FaultFailed;
        make_runnable(s);
    }
}

// Wakes x (on this CPU) if it is blocked for its transfer with `partner`.
void wake_for_abort(Tcb* x, ThreadId partner)
{
    if (x->state == ThreadState::Transfer) {
        x->wakeup = Wakeup::Aborted;
        make_runnable(x);
    } else if (x->state == ThreadState::Waiting && x->partner == partner) {
        x->wakeup = Wakeup::Aborted;
        x->xfer = {};
        make_runnable(x);
    }
}

} // namespace

bool transfer_resolve_faults(Tcb* receiver)
{
    while (receiver->wakeup == Wakeup::ResolveFault) {
        resolve_fault(receiver);
        if (receiver->xfer.abort) {
            receiver->xfer = {};
            return false;
        }
        schedule();
    }
    return true;
}

ThreadId transfer_abort(Tcb* t)
{
    if (!t->xfer.active)
        return ThreadId::nil();
    __atomic_store_n(&t->xfer.abort, true, __ATOMIC_RELAXED);
    ThreadId partner_id = t->xfer.partner;
    Tcb* partner = Tcb::lookup(partner_id);
    if (partner == nullptr || partner->xfer.partner != t->global_id)
        return ThreadId::nil();
    // The partner notices the flag wherever it is at its next step.
    __atomic_store_n(&partner->xfer.abort, true, __ATOMIC_RELAXED);
    wake_for_abort(t, partner_id);
    if (partner->cpu == t->cpu) {
        wake_for_abort(partner, t->global_id);
        return ThreadId::nil();
    }
    return partner_id;
}

void transfer_release_partner(ThreadId partner_id, ThreadId dead)
{
    Tcb* partner = smp::go_to(partner_id);
    if (partner != nullptr && partner->xfer.partner == dead)
        wake_for_abort(partner, dead);
}
