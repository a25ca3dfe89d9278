#include "transfer.h"
#include "mapping_db.h"
#include "msg_tag.h"
#include "sigma0_memory.h"
#include "space.h"
#include "utcb.h"

namespace {

// Typed message items (X.2): word 0 has the continuation bit C (bit 0) and
// the type in bits 3-1: 100 map, 101 grant, 0hh a string item.
enum : Word { item_type_mask = 0xe, item_map = 0x8, item_grant = 0xa };

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
    if (src->space->is_sigma0)
        (void)sigma0_own_range(src->space, from, t);
    (void)mdb::map(src->space, from, dst->space, to, t, send.rights(), grant);
    // A grant larger than the window still takes the whole fpage away.
    if (grant && s > w)
        (void)mdb::unmap(src->space, send.base(), s, Fpage::rights_rwx, true);
    return 0;
}

} // namespace

Word transfer_message(Tcb* src, Tcb* dst, const Delivery& d)
{
    MsgTag tag(src->utcb->mr(0));
    unsigned untyped = tag.untyped(), typed = tag.typed();
    if (untyped + typed >= Utcb::mr_count)
        return ipc_error::overflow;
    Word* from = &src->utcb->mr(1);
    Word* to = &dst->utcb->mr(1);
    for (unsigned i = 0; i < untyped + typed; i++)
        to[i] = from[i];
    for (unsigned i = untyped + 1; i <= untyped + typed;) {
        Word w0 = src->utcb->mr(i);
        Word type = w0 & item_type_mask;
        if (type != item_map && type != item_grant)
            return ipc_error::overflow;   // string items: see transfer_strings (#4)
        if (i + 1 > untyped + typed)
            return ipc_error::overflow;   // an item cut short by the tag
        if (Word error = map_item(src, dst, w0, Fpage(src->utcb->mr(i + 1)), type == item_grant))
            return error;
        i += 2;
    }
    dst->utcb->mr(0) = tag.with_flags(d.flags).raw();
    dst->ipc_from = d.from;
    if ((d.flags & MsgTag::flag_propagated) != 0)
        dst->utcb->virtual_sender() = d.actual.raw();
    if ((d.flags & MsgTag::flag_redirected) != 0)
        dst->utcb->intended_receiver() = d.intended.raw();
    return 0;
}
