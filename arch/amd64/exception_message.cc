// The amd64 exception message: label -5 << 4, twenty untyped words RIP,
// RFLAGS, exception number, error code, RDI, RSI, RBP, RSP, RBX, RDX, RCX,
// RAX, R8-R15 (the ia32 order, widened); the handler's reply sets the same
// registers (numbers ignored).
#include "arch.h"
#include <generic/msg_tag.h>
#include <generic/utcb.h>

namespace arch {

namespace {
// The frame's general registers in message order (MR5 onwards).
Word Frame::* const message_registers[] = {
    &Frame::rdi, &Frame::rsi, &Frame::rbp, &Frame::user_rsp, &Frame::rbx, &Frame::rdx, &Frame::rcx, &Frame::rax,
    &Frame::r8,  &Frame::r9,  &Frame::r10, &Frame::r11,      &Frame::r12, &Frame::r13, &Frame::r14, &Frame::r15,
};
constexpr unsigned first_register_mr = 5;
static_assert(first_register_mr - 1 + sizeof message_registers / sizeof message_registers[0] ==
              exception_message_words);
} // namespace

void write_exception_message(Utcb& u, const Frame& f, Word vector, Word error)
{
    u.mr(0) = MsgTag::make(MsgTag::label_exception, exception_message_words, 0).raw();
    u.mr(1) = f.rip;
    u.mr(2) = f.rflags;
    u.mr(3) = vector;
    u.mr(4) = error;
    unsigned i = first_register_mr;
    for (auto r : message_registers)
        u.mr(i++) = f.*r;
}

void read_exception_reply(Utcb& u, Frame& f)
{
    if (MsgTag(u.mr(0)).untyped() < exception_message_words)
        return;   // a short reply leaves the registers as they were
    f.set_ip(u.mr(1));
    f.set_flags(u.mr(2));
    unsigned i = first_register_mr;
    for (auto r : message_registers)
        f.*r = u.mr(i++);
    f.vector = 0;   // leave by iretq: RCX and R11 are the handler's values
}

} // namespace arch
