// amd64 system-call entry: unpacks the X.2 amd64 register conventions
// (docs/abi.md) into the generic calls and packs the results back into the
// frame.  syscall is Ipc; int 0x30 Lipc (a kernel Ipc here); int 0x31 the
// rest, told apart by the KIP stub that trapped.
#include "arch.h"
#include <generic/exception.h>
#include <generic/ipc.h>
#include <generic/kip.h>
#include <generic/scheduler.h>
#include <generic/smp.h>
#include <generic/space.h>
#include <generic/syscalls.h>
#include <generic/tcb.h>

namespace arch {

namespace {

// Where MR1-MR7 travel (X.2 amd64; MR0 is in R9).
Word Frame::* const mr_registers[] = {&Frame::rax, &Frame::rbx, &Frame::r10, &Frame::r12,
                                      &Frame::r13, &Frame::r14, &Frame::r15};

void load_message_registers(const Frame* f, Utcb* u)
{
    u->mr(0) = f->r9;
    unsigned i = 1;
    for (auto r : mr_registers)
        u->mr(i++) = f->*r;
}

// The Ipc results into the frame: RSI from, R9 and the MR registers MR0-MR7.
void store_ipc_results(Frame* f, Utcb* u, ThreadId from)
{
    f->rsi = from.raw();
    f->r9 = u->mr(0);
    unsigned i = 1;
    for (auto r : mr_registers)
        f->*r = u->mr(i++);
}

void ipc(Frame* f, bool lipc)
{
    Tcb* self = Tcb::current();
    Utcb* u = self->utcb;
    load_message_registers(f, u);
    // The fast path only leaves by sysretq, and only to a sound RIP.
    self->user_ipc = f->leaves_by_sysret() && is_user_ip(f->rip);
    ThreadId from = sys_ipc(ThreadId(f->rsi), ThreadId(f->rdx), f->r8, lipc);
    self->user_ipc = false;
    store_ipc_results(f, u, from);
}

} // namespace

void syscall_lipc(Frame* f) { ipc(f, true); }

// A thread the fast path left waiting was woken by the general path.
extern "C" void amd64_fastpath_resumed(Frame* f)
{
    smp::finish_switch();   // it was switched to (scheduler.cc's switch_to)
    f->vector = FRAME_SYSCALL;   // the fast path entry leaves it to the general path
    Tcb* self = Tcb::current();
    ThreadId from = ipc_resume_receive(self);
    self->user_ipc = false;
    store_ipc_results(f, self->utcb, from);
    preemption_point();
}

// Ipc through syscall when the fast path does not apply.
extern "C" void amd64_syscall_ipc(Frame* f)
{
    ipc(f, false);
    preemption_point();
}

// The exit found a RIP outside the canonical user half (an Ipc return RIP
// in RDI, ExchangeRegisters, an exception reply): neither sysretq nor iretq
// may go there, so the thread takes a general-protection exception at it.
extern "C" void amd64_bad_user_ip(Frame* f)
{
    user_exception(13, 0, "return to a non-canonical or kernel instruction pointer");
    f->vector = 0;
    preemption_point();
}

void syscall_other(Frame* f)
{
    Tcb* self = Tcb::current();
    Space* space = self->space;
    Syscall which = Syscall::Count;
    if (!space->kip_area.is_nil() && f->rip > space->kip_area.base() && f->rip <= space->kip_area.last())
        which = kip_syscall_at(f->rip - space->kip_area.base());
    switch (which) {
    case Syscall::ExchangeRegisters: {
        ExregsArgs a{f->rdx, f->r8, f->r9, f->r10, f->r12, ThreadId(f->r13)};
        ThreadId r = sys_exchange_registers(ThreadId(f->rsi), a);
        f->rax = r.raw();
        f->rdx = a.control;
        f->r8 = a.sp;
        f->r9 = a.ip;
        f->r10 = a.flags;
        f->r12 = a.user_handle;
        f->r13 = a.pager.raw();
        return;
    }
    case Syscall::ThreadControl:
        f->rax = sys_thread_control(ThreadId(f->rsi), ThreadId(f->rdx), ThreadId(f->r8), ThreadId(f->r9), f->r10);
        return;
    case Syscall::SystemClock:
        f->rax = sys_system_clock();
        return;
    case Syscall::ThreadSwitch:
        sys_thread_switch(ThreadId(f->rsi));
        return;
    case Syscall::Schedule: {
        Word old_time;
        f->rax = sys_schedule(ThreadId(f->rsi), f->rdx, f->r8, f->r9, f->r10, old_time);
        f->rdx = old_time;
        return;
    }
    case Syscall::SpaceControl: {
        Word old_control;
        f->rax = sys_space_control(ThreadId(f->rsi), f->rdx, Fpage(f->r8), Fpage(f->r9), ThreadId(f->r10),
                                   old_control);
        f->rdx = old_control;
        return;
    }
    case Syscall::ProcessorControl:
        f->rax = sys_processor_control(f->rsi, f->rdx, f->r8, f->r9);
        return;
    case Syscall::MemoryControl: {
        self->utcb->mr(0) = f->r9;
        const Word attributes[4] = {f->rdx, f->r8, f->r10, f->r12};
        f->rax = sys_memory_control(f->rsi, attributes);
        return;
    }
    case Syscall::Unmap:
        self->utcb->mr(0) = f->r9;
        sys_unmap(f->rsi);
        f->r9 = self->utcb->mr(0);
        return;
    default:
        // int 0x31 outside a system-call stub: an invalid system call.
        user_exception(VECTOR_SYSCALL, 0, "invalid system call");
        return;
    }
}

} // namespace arch
