#include "transfer.h"
#include "msg_tag.h"
#include "utcb.h"

Word transfer_message(Tcb* src, Tcb* dst, const Delivery& d)
{
    MsgTag tag(src->utcb->mr(0));
    unsigned untyped = tag.untyped(), typed = tag.typed();
    if (untyped + typed >= Utcb::mr_count)
        return ipc_error::overflow;
    Word* from = &src->utcb->mr(1);
    Word* to = &dst->utcb->mr(1);
    for (unsigned i = 0; i < untyped; i++)
        to[i] = from[i];
    if (typed != 0)
        return ipc_error::overflow;   // typed items arrive with the memory issue (#4)
    dst->utcb->mr(0) = tag.with_flags(d.flags).raw();
    dst->ipc_from = d.from;
    if ((d.flags & MsgTag::flag_propagated) != 0)
        dst->utcb->virtual_sender() = d.actual.raw();
    if ((d.flags & MsgTag::flag_redirected) != 0)
        dst->utcb->intended_receiver() = d.intended.raw();
    return 0;
}
