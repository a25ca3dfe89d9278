// Unmap and MemoryControl (X.2).
#include "kernel_lock.h"
#include "mapping_db.h"
#include "space.h"
#include "syscalls.h"
#include "tcb.h"
#include "utcb.h"

namespace {

// Fpages that name nothing the caller may touch are skipped.
bool usable(Fpage f) { return !f.is_nil() && f.is_valid_region(); }

} // namespace

void sys_unmap(Word control)
{
    // control: k (bits 5-0) = index of the last fpage MR, f (bit 6) = flush.
    Tcb* self = Tcb::current();
    unsigned last = unsigned(control & 0x3f);
    bool flush = (control & (1u << 6)) != 0;
    // Synchronous: every CPU's TLB has forgotten the mappings before this
    // returns (the shootdown happens under the lock).
    KernelLockGuard guard;
    for (unsigned i = 0; i <= last; i++) {
        Fpage f(self->utcb->mr(i));
        Word status = usable(f) ? mdb::unmap(self->space, f.base(), f.size_log2(), f.rights(), flush) : 0;
        self->utcb->mr(i) = (f.raw() & ~Word(Fpage::rights_rwx)) | status;
    }
}

Word sys_memory_control(Word control, const Word attributes[4])
{
    // control: k (bits 5-0) = index of the last fpage MR; each fpage's low
    // two bits choose one of the four attribute words.
    Tcb* self = Tcb::current();
    if (!self->space->privileged)
        return syscall_fail(syscall_error::no_privilege);
    unsigned last = unsigned(control & 0x3f);
    for (unsigned i = 0; i <= last; i++) {
        Word a = attributes[self->utcb->mr(i) & 3];
        if (a > Word(arch::CacheMode::WriteThrough))
            return syscall_fail(syscall_error::invalid_param);
    }
    KernelLockGuard guard;
    for (unsigned i = 0; i <= last; i++) {
        Fpage f(self->utcb->mr(i) & ~Word(3));
        if (usable(f))
            mdb::set_cache_mode(self->space, f.base(), f.size_log2(),
                                arch::CacheMode(attributes[self->utcb->mr(i) & 3]));
    }
    self->utcb->error_code() = 0;
    return 1;
}
