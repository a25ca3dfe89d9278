// SpaceControl (X.2): set a space's KIP area, UTCB area and redirector;
// privileged.
#include "cpu.h"
#include "kernel_lock.h"
#include "kip.h"
#include "space.h"
#include "syscalls.h"
#include "tcb.h"

namespace {

bool in_user_space(Fpage f) { return !f.is_complete() && f.is_valid_region() && f.last() < arch::user_end; }

} // namespace

Word sys_space_control(ThreadId space_id, Word control, Fpage kip_area, Fpage utcb_area,
                       ThreadId redirector, Word& old_control)
{
    Tcb* self = Tcb::current();
    old_control = 0;
    if (!self->space->privileged)
        return syscall_fail(syscall_error::no_privilege);
    KernelLockGuard guard;   // the space must not die meanwhile (kernel_lock.h)
    Tcb* t = Tcb::lookup(space_id);
    if (t == nullptr || t->space == nullptr)
        return syscall_fail(syscall_error::invalid_space);
    Space* space = t->space;
    if (control != 0)   // no architecture-specific control bits on any port yet
        return syscall_fail(syscall_error::invalid_param);
    if (!redirector.is_nil() && !redirector.is_any() && Tcb::lookup(redirector) == nullptr)
        return syscall_fail(syscall_error::invalid_thread);

    // The areas can be set until the first thread of the space is active.
    if (!space->is_initialized()) {
        if (!in_user_space(kip_area) || kip_area.size_log2() != kip_area_size_log2())
            return syscall_fail(syscall_error::invalid_kip_area);
        unsigned min_utcb = unsigned((kip().utcb_info >> 16) & 0x3f);
        if (!in_user_space(utcb_area) || utcb_area.size_log2() < min_utcb ||
            utcb_area.overlaps(kip_area))
            return syscall_fail(syscall_error::invalid_utcb);
        if (!space->initialize(kip_area, utcb_area))
            return syscall_fail(syscall_error::out_of_memory);
    }
    if (!redirector.is_nil())
        space->redirector = redirector;
    self->utcb->error_code() = 0;
    return 1;
}

Word sys_processor_control(Word processor, Word internal_freq, Word external_freq, Word voltage)
{
    Tcb* self = Tcb::current();
    if (!self->space->privileged)
        return syscall_fail(syscall_error::no_privilege);
    if (processor >= cpu_count)
        return syscall_fail(syscall_error::invalid_param);
    // No port can change clock or voltage: only "no change" (-1 or 0) succeeds.
    auto unchanged = [](Word v) { return v == 0 || v == ~Word(0); };
    if (!unchanged(internal_freq) || !unchanged(external_freq) || !unchanged(voltage))
        return syscall_fail(syscall_error::invalid_param);
    self->utcb->error_code() = 0;
    return 1;
}

Word syscall_fail(Word error, Word result)
{
    Tcb::current()->utcb->error_code() = error;
    return result;
}
