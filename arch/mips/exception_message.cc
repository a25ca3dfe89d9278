// The Chestnut mips64 exception message (docs/abi.md): label -5 << 4,
// 35 untyped words: EPC, Status, exception code (Cause.ExcCode), error
// (the faulting address of an address error, else 0), the general
// registers r1-r25 and r28-r31 (k0 and k1 are the kernel's), HI, LO.  A
// reply with at least 35 untyped words sets EPC, the registers, HI and LO.
#include "arch.h"
#include <generic/msg_tag.h>
#include <generic/utcb.h>

namespace arch {

namespace {
constexpr unsigned first_gpr_mr = 5;

// The registers of the message in order: r1..r25, r28..r31.
constexpr unsigned gpr_of(unsigned i) { return i < 25 ? i + 1 : i + 3; }
constexpr unsigned gpr_count = 29;
static_assert(first_gpr_mr + gpr_count + 2 == exception_message_words + 1);
} // namespace

void write_exception_message(Utcb& u, const Frame& f, Word vector, Word error)
{
    u.mr(0) = MsgTag::make(MsgTag::label_exception, exception_message_words, 0).raw();
    u.mr(1) = f.epc;
    u.mr(2) = f.status;
    u.mr(3) = vector;
    u.mr(4) = error;
    for (unsigned i = 0; i < gpr_count; i++)
        u.mr(first_gpr_mr + i) = f.gpr[gpr_of(i)];
    u.mr(first_gpr_mr + gpr_count) = f.hi;
    u.mr(first_gpr_mr + gpr_count + 1) = f.lo;
}

void read_exception_reply(Utcb& u, Frame& f)
{
    if (MsgTag(u.mr(0)).untyped() < exception_message_words)
        return;   // a short reply leaves the registers as they were
    f.epc = u.mr(1);
    for (unsigned i = 0; i < gpr_count; i++)
        f.gpr[gpr_of(i)] = u.mr(first_gpr_mr + i);
    f.hi = u.mr(first_gpr_mr + gpr_count);
    f.lo = u.mr(first_gpr_mr + gpr_count + 1);
}

} // namespace arch
