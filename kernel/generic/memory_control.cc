// Unmap and MemoryControl (X.2).
#include "space.h"
#include "syscalls.h"
#include "tcb.h"
#include "utcb.h"

void sys_unmap(Word control)
{
    // control: k (bits 0-5) = index of the last fpage MR, f (bit 6) = flush.
    Tcb* self = Tcb::current();
    unsigned last = unsigned(control & 0x3f);
    for (unsigned i = 0; i <= last; i++) {
        // No mapping operations exist before the mapping database lands
        // (#4): nothing derived can be revoked; report no access bits.
        self->utcb->mr(i) &= ~Word(Fpage::rights_rwx);
    }
}

Word sys_memory_control(Word control, const Word attributes[4])
{
    Tcb* self = Tcb::current();
    if (!self->space->privileged)
        return syscall_fail(syscall_error::no_privilege);
    (void)control;
    (void)attributes;
    return syscall_fail(syscall_error::invalid_param);
}
