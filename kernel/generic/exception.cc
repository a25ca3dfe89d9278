#include "exception.h"
#include "boot.h"
#include "console.h"
#include "exit_codes.h"
#include "fpage.h"
#include "ipc.h"
#include "platform.h"
#include "scheduler.h"
#include "sigma0_memory.h"

void stop_thread(Tcb* t, const char* why)
{
    kprintf("Chestnut: thread %lx stopped: %s\n", t->global_id.raw(), why);
    arch::dump_frame(*t->user_frame());
    t->state = ThreadState::Stopped;
    if (boot_options.test_mode && t->global_id.number() == thread_numbers::root_task)
        platform::shutdown(exit_code::root_task_died);
    schedule();
}

void user_exception(Word vector, Word error, const char* name)
{
    Tcb* self = Tcb::current();
    arch::Frame* f = self->user_frame();
    char why[128];
    ThreadId handler = self->utcb != nullptr ? self->utcb->exception_handler_id() : ThreadId::nil();
    if (handler.is_nil()) {
        ksnprintf(why, sizeof why, "%s (vector %lu, error code %lx) and it has no exception handler",
                  name, vector, error);
        stop_thread(self, why);
        return;
    }
    bool ok = kernel_call(
        handler, arch::exception_message_words + 1,
        [&](Utcb& u) { arch::write_exception_message(u, *f, vector, error); },
        [&](Utcb& u) { arch::read_exception_reply(u, *f); });
    if (!ok) {
        ksnprintf(why, sizeof why, "%s (vector %lu) and its exception handler %lx is unreachable",
                  name, vector, handler.raw());
        stop_thread(self, why);
    }
}

bool send_page_fault(ThreadId pager, Word address, Word ip, Word access, Word timeouts)
{
    if (pager.is_nil())
        return false;
    return kernel_call(
        pager, 3,
        [&](Utcb& u) {
            u.mr(0) = MsgTag::make(MsgTag::label_pagefault | access, 2, 0).raw();
            u.mr(1) = address;
            u.mr(2) = ip;
            u.br(0) = Fpage::complete().raw();   // receive window: the whole space
        },
        [](Utcb&) {}, timeouts);
}

void user_page_fault(Word address, Word access)
{
    Tcb* self = Tcb::current();
    arch::Frame* f = self->user_frame();
    if (self->space->is_sigma0 && sigma0_resolve_fault(self->space, address, access))
        return;
    ThreadId pager = self->pager();
    if (send_page_fault(pager, address, f->ip(), access, 0))
        return;
    // ExchangeRegisters aborted the fault IPC: the instruction runs again
    // (and faults again unless the page came meanwhile).
    Word error = (self->utcb->error_code() >> 1) & 7;
    if (error == ipc_error::canceled || error == ipc_error::aborted)
        return;
    char why[128];
    if (pager.is_nil())
        ksnprintf(why, sizeof why, "page fault at %lx (ip %lx, access %lx) and it has no pager", address,
                  f->ip(), access);
    else
        ksnprintf(why, sizeof why, "page fault at %lx (ip %lx) and its pager %lx is unreachable", address,
                  f->ip(), pager.raw());
    stop_thread(self, why);
}
