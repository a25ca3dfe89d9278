// sigma0: the root pager.  It owns all physical memory the kernel leaves
// free, 1:1, and hands it out with the X.2 sigma0 protocol:
// - a page fault (label -2 << 4) is answered with the faulting page;
// - a request (label -6 << 4, MR1 an fpage, MR2 attributes) with that fpage,
//   or with any free page of its size when its base is all ones.
// Each page has one owner; a second owner is refused with a nil fpage.
#include "memory.h"
#include <l4/ipc.h>
#include <l4/kdebug.h>
#include <l4/print.h>
#include <l4/runtime.h>
#include <l4/sigma0.h>

namespace {

const L4_Word_t label_bits = (1ul << (L4_WORD_BITS - 16)) - 1;
const L4_Word_t pagefault_label = (L4_Word_t)(-2 << 4) & label_bits;

// Loads the reply: a map item of f, or a nil fpage when refused.
void reply_with(L4_Fpage_t f)
{
    L4_Msg_t msg;
    L4_MsgClear(&msg);
    L4_MsgAppendMapItem(&msg, L4_MapItem(f, L4_Address(f)));
    L4_MsgLoad(&msg);
}

L4_Fpage_t serve_fault(L4_Word_t address, L4_Word_t access, L4_ThreadId_t from)
{
    L4_Word_t page = address & ~0xffful;
    sigma0::Kind kind = sigma0::kind_of(page, 12);
    if ((kind == sigma0::Kind::Conventional || kind == sigma0::Kind::BootLoader) && sigma0::claim(page, 12, from))
        return L4_FpageAddRights(L4_FpageLog2(page, 12), L4_FullyAccessible);
    printf("sigma0: refusing page fault of %lx at %lx (access %lx)\n", from.raw, address, access);
    return L4_Nilpage;
}

L4_Fpage_t serve_request(L4_Fpage_t want, L4_ThreadId_t from)
{
    L4_Word_t size_log2 = L4_SizeLog2(want);
    if (size_log2 < 12 || size_log2 >= L4_WORD_BITS)
        return L4_Nilpage;
    L4_Word_t base = L4_Address(want);
    if (base == (~0ul & ~0x3fful) || (base | ((1ul << size_log2) - 1)) == ~0ul) {
        base = sigma0::find_free(size_log2);
        if (base == ~0ul)
            return L4_Nilpage;
    } else if ((base & ((1ul << size_log2) - 1)) != 0) {
        return L4_Nilpage;
    }
    sigma0::Kind kind = sigma0::kind_of(base, size_log2);
    if (kind == sigma0::Kind::None || kind == sigma0::Kind::Reserved || !sigma0::claim(base, size_log2, from))
        return L4_Nilpage;
    return L4_FpageAddRights(L4_FpageLog2(base, (int)size_log2), L4_FullyAccessible);
}

} // namespace

int main()
{
    sigma0::init_memory();
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait(&from);
    for (;;) {
        if (L4_IpcFailed(tag)) {
            tag = L4_Wait(&from);
            continue;
        }
        L4_Word_t w1, w2;
        L4_StoreMR(1, &w1);
        L4_StoreMR(2, &w2);
        L4_Word_t label = L4_Label(tag);
        if ((label >> 4) == (pagefault_label >> 4) && L4_UntypedWords(tag) == 2)
            reply_with(serve_fault(w1, label & 7, from));
        else if (label == L4_SIGMA0_LABEL && L4_UntypedWords(tag) == 2)
            reply_with(serve_request((L4_Fpage_t){w1}, from));
        else
            L4_Set_MsgTag(L4_Niltag);   // not a sigma0 request: an empty answer
        tag = L4_ReplyWait(from, &from);
    }
}
