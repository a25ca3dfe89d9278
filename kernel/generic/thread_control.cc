// ThreadControl (X.2): create, modify and delete threads; privileged.
#include "boot.h"
#include "cpu.h"
#include "interrupts.h"
#include "kernel_lock.h"
#include "lipc.h"
#include "smp.h"
#include "space.h"
#include "syscalls.h"
#include "thread.h"
#include "utcb.h"

namespace {

constexpr Word no_change = ~Word(0);

bool utcb_location_free(Space* space, Word location, const Tcb* except)
{
    Tcb* owner = space->thread_by_local_id(location + Utcb::mr0_offset);
    return owner == nullptr || owner == except;
}

Word check_utcb(Space* space, Word location, const Tcb* except)
{
    if (!space->is_valid_utcb_location(location) || !utcb_location_free(space, location, except))
        return syscall_error::invalid_utcb;
    return 0;
}

Word create(Tcb* self, ThreadId dest, ThreadId space_id, ThreadId scheduler, ThreadId pager,
            Word utcb_location)
{
    if (scheduler.is_nil() || (!scheduler.is_global()))
        return syscall_fail(syscall_error::invalid_scheduler);
    bool new_space = dest == space_id;
    Tcb* space_tcb = new_space ? nullptr : Tcb::lookup(space_id);
    if (!new_space && (space_tcb == nullptr || space_tcb->space == nullptr))
        return syscall_fail(syscall_error::invalid_space);
    if (!pager.is_nil()) {
        // An active thread needs an initialized space and a valid UTCB.
        if (new_space || !space_tcb->space->is_initialized())
            return syscall_fail(syscall_error::invalid_space);
        if (utcb_location == no_change)
            return syscall_fail(syscall_error::invalid_utcb);
        if (Word e = check_utcb(space_tcb->space, utcb_location, nullptr))
            return syscall_fail(e);
    } else if (!new_space && utcb_location != no_change) {
        if (Word e = check_utcb(space_tcb->space, utcb_location, nullptr))
            return syscall_fail(e);
    }
    Space* space = new_space ? Space::create() : space_tcb->space;
    if (space == nullptr)
        return syscall_fail(syscall_error::out_of_memory);
    Tcb* t = create_thread(dest, space, scheduler, self->home);   // on the creator's CPU
    if (t == nullptr) {
        if (new_space)
            space->destroy();
        return syscall_fail(syscall_error::out_of_memory);
    }
    if (!pager.is_nil() && !activate_thread(t, utcb_location, pager)) {
        // Nobody knows the new thread yet: it ends as it began.
        (void)delete_thread(dest);
        return syscall_fail(syscall_error::out_of_memory);
    }
    // An inactive thread remembers its UTCB location for its activation.
    if (pager.is_nil() && utcb_location != no_change)
        t->local_id = utcb_location + Utcb::mr0_offset;
    return 1;
}

Word modify(Tcb* t, ThreadId dest, ThreadId space_id, ThreadId scheduler, ThreadId pager,
            Word utcb_location)
{
    Tcb* space_tcb = Tcb::lookup(space_id);
    if (space_tcb == nullptr || space_tcb->space == nullptr)
        return syscall_fail(syscall_error::invalid_space);
    Space* space = space_tcb->space;
    bool active = t->utcb != nullptr;
    if (utcb_location != no_change) {
        if (active)   // an active thread's UTCB cannot move
            return syscall_fail(syscall_error::invalid_utcb);
        if (Word e = check_utcb(space, utcb_location, t))
            return syscall_fail(e);
    }
    if (space != t->space) {
        if (active && !(space->is_initialized() &&
                        check_utcb(space, t->local_id - Utcb::mr0_offset, nullptr) == 0))
            return syscall_fail(syscall_error::invalid_utcb);
    }
    if (!pager.is_nil() && !active) {
        Word location = utcb_location != no_change ? utcb_location
                        : t->local_id != 0        ? t->local_id - Utcb::mr0_offset
                                                  : no_change;
        if (!space->is_initialized())
            return syscall_fail(syscall_error::invalid_space);
        if (location == no_change)
            return syscall_fail(syscall_error::invalid_utcb);
        if (Word e = check_utcb(space, location, t))
            return syscall_fail(e);
    }
    // Every check passed: the operation succeeds completely (X.2).
    if (space != t->space && !move_thread(t, space))
        return syscall_fail(syscall_error::out_of_memory);
    if (utcb_location != no_change)
        t->local_id = utcb_location + Utcb::mr0_offset;
    if (!pager.is_nil()) {
        if (active) {
            t->utcb->pager() = pager.raw();
        } else if (!activate_thread(t, t->local_id - Utcb::mr0_offset, pager)) {
            return syscall_fail(syscall_error::out_of_memory);
        }
    }
    if (!scheduler.is_nil())
        t->scheduler = scheduler;
    if (t->global_id != dest) {   // a new version of the same thread number
        t->global_id = dest;
        if (t->utcb != nullptr)
            t->utcb->my_global_id() = dest.raw();
    }
    return 1;
}

} // namespace

Word sys_thread_control(ThreadId dest, ThreadId space_id, ThreadId scheduler, ThreadId pager,
                        Word utcb_location)
{
    Tcb* self = Tcb::current();
    if (!self->space->privileged)
        return syscall_fail(syscall_error::no_privilege);
    if (!dest.is_global() || dest.number() >= Tcb::max_threads)
        return syscall_fail(syscall_error::invalid_thread);
    self->utcb->error_code() = 0;

    if (dest.number() < thread_numbers::system_base) {
        if (interrupt_control(dest, pager))
            return 1;
        return syscall_fail(syscall_error::invalid_thread);
    }
    if (dest.number() < thread_numbers::user_base)
        return syscall_fail(syscall_error::invalid_thread);   // kernel threads

    if (space_id.is_nil()) {                                   // delete
        if (dest == self->global_id || !delete_thread(dest))
            return syscall_fail(syscall_error::invalid_thread);
        return 1;
    }
    // Modify whatever version of the thread exists, where it is; the slot
    // may empty while we travel.
    for (Tcb* slot = Tcb::slot(dest.number()); slot->exists();) {
        ThreadId current = slot->global_id;
        if (current.is_nil())   // being deleted by another CPU right now
            return syscall_fail(syscall_error::invalid_thread);
        Tcb* t = smp::go_to(current);
        if (t == nullptr)
            continue;
        lipc::settle(t);
        KernelLockGuard guard;   // spaces and UTCB locations are shared
        return modify(t, dest, space_id, scheduler, pager, utcb_location);
    }
    // A new thread lives on the creator's CPU.
    smp::go_home();
    KernelLockGuard guard;
    if (Tcb::slot(dest.number())->exists())
        return syscall_fail(syscall_error::invalid_thread);   // someone else was faster
    return create(self, dest, space_id, scheduler, pager, utcb_location);
}
