// ExchangeRegisters (X.2): read and modify a thread of the caller's space.
#include "ipc.h"
#include "lipc.h"
#include "msg_tag.h"
#include "scheduler.h"
#include "smp.h"
#include "space.h"
#include "syscalls.h"
#include "tcb.h"

namespace {

// Control word bits (X.2): H halt, R abort receive, S abort send, s/i/f/u/p
// set SP/IP/flags/user handle/pager, h "the H bit is valid".
enum : Word {
    ctl_halt = 1u << 0, ctl_abort_receive = 1u << 1, ctl_abort_send = 1u << 2,
    ctl_set_sp = 1u << 3, ctl_set_ip = 1u << 4, ctl_set_flags = 1u << 5,
    ctl_set_handle = 1u << 6, ctl_set_pager = 1u << 7, ctl_halt_valid = 1u << 8,
    ctl_deliver = 1u << 9,
};

// The thread dest names, reached where it is (smp.h).
Tcb* target(Tcb* self, ThreadId dest)
{
    Tcb* t = dest.is_local() ? self->space->thread_by_local_id(dest.raw()) : Tcb::lookup(dest);
    if (t != nullptr)
        t = smp::go_to(t->global_id);
    if (t == nullptr || t->space != self->space || t->utcb == nullptr || t->is_interrupt() ||
        t->state == ThreadState::Free)
        return nullptr;
    lipc::settle(t);   // its registers and IPC state are the kernel's again
    return t;
}

} // namespace

ThreadId sys_exchange_registers(ThreadId dest, ExregsArgs& a)
{
    Tcb* self = Tcb::current();
    Tcb* t = target(self, dest);
    if (t == nullptr) {
        syscall_fail(syscall_error::invalid_thread);
        a = {};
        return ThreadId::nil();
    }
    arch::Frame* f = t->user_frame();
    ExregsArgs old{0, f->sp(), f->ip(), f->flags(), t->utcb->user_defined_handle(), t->pager()};
    if (t->halted)
        old.control |= ctl_halt;
    if (t->xfer.active ? !t->xfer.sender : t->state == ThreadState::Waiting)
        old.control |= ctl_abort_receive;
    if (t->xfer.active ? t->xfer.sender : t->state == ThreadState::Polling)
        old.control |= ctl_abort_send;

    Word c = a.control;
    if (c & (ctl_set_sp | ctl_set_ip | ctl_set_flags))
        t->user_ipc = false;   // the fast path only returns through untouched frames (tcb.h)
    if (c & ctl_set_sp)
        f->set_sp(a.sp);
    if (c & ctl_set_ip)
        f->set_ip(a.ip);
    if (c & ctl_set_flags)
        f->set_flags(a.flags);
    if (c & ctl_set_handle)
        t->utcb->user_defined_handle() = a.user_handle;
    if (c & ctl_set_pager)
        t->utcb->pager() = a.pager.raw();
    if (c & ctl_abort_send)
        (void)ipc_abort_send(t);
    if (c & ctl_abort_receive)
        (void)ipc_abort_receive(t);
    if (c & ctl_halt_valid) {
        bool halt = (c & ctl_halt) != 0;
        if (t->halted != halt) {
            t->halted = halt;
            if (!halt && t->state == ThreadState::Running)
                make_runnable(t);
        }
    }
    a = old;
    self->utcb->error_code() = 0;
    ThreadId result = dest.is_local() ? t->global_id : ThreadId(t->local_id);
    if (!self->is_runnable())   // the caller halted itself
        schedule();
    else
        preemption_point();
    return result;
}
