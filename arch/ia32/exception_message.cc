// The X.2 ia32 exception message: label -5 << 4, twelve untyped words
// EIP, EFLAGS, exception number, error code, EDI, ESI, EBP, ESP, EBX, EDX,
// ECX, EAX; the handler's reply sets the same registers (numbers ignored).
#include "arch.h"
#include <generic/msg_tag.h>
#include <generic/utcb.h>

namespace arch {

void write_exception_message(Utcb& u, const Frame& f, Word vector, Word error)
{
    u.mr(0) = MsgTag::make(MsgTag::label_exception, exception_message_words, 0).raw();
    const Word regs[exception_message_words] = {f.eip, f.eflags, vector, error, f.edi, f.esi,
                                                f.ebp, f.user_esp, f.ebx, f.edx, f.ecx, f.eax};
    for (unsigned i = 0; i < exception_message_words; i++)
        u.mr(1 + i) = regs[i];
}

void read_exception_reply(Utcb& u, Frame& f)
{
    if (MsgTag(u.mr(0)).untyped() < exception_message_words)
        return;   // a short reply leaves the registers as they were
    f.eip = u.mr(1);
    f.set_flags(u.mr(2));
    f.edi = u.mr(5);
    f.esi = u.mr(6);
    f.ebp = u.mr(7);
    f.user_esp = u.mr(8);
    f.ebx = u.mr(9);
    f.edx = u.mr(10);
    f.ecx = u.mr(11);
    f.eax = u.mr(12);
}

} // namespace arch
