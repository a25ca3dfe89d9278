// ia32 system-call entry: unpacks the X.2 ia32 register conventions
// (docs/abi.md) into the generic calls and packs the results back into the
// frame.  int 0x30 is Ipc/Lipc; int 0x31 the rest, told apart by the KIP
// stub that trapped.
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

// The Ipc results into the frame (X.2 ia32: EAX from, ESI MR0, EBX MR1, EBP MR2).
void store_ipc_results(Frame* f, Utcb* u, ThreadId from)
{
    f->eax = from.raw();
    f->esi = u->mr(0);
    f->ebx = u->mr(1);
    f->ebp = u->mr(2);
}

} // namespace

void syscall_ipc(Frame* f)
{
    Tcb* self = Tcb::current();
    Utcb* u = self->utcb;
    u->mr(0) = f->esi;
    self->user_ipc = f->leaves_by_sysexit();   // the fast path only leaves by sysexit
    bool lipc = is_lipc_call(*f, self->space->page_table.arch_part);
    ThreadId from = sys_ipc(ThreadId(f->eax), ThreadId(f->edx), f->ecx, lipc);
    self->user_ipc = false;
    store_ipc_results(f, u, from);
}

// A thread the fast path left waiting was woken by the general path.
extern "C" void ia32_fastpath_resumed(Frame* f)
{
    smp::finish_switch();   // it was switched to (scheduler.cc's switch_to)
    Tcb* self = Tcb::current();
    ThreadId from = ipc_resume_receive(self);
    self->user_ipc = false;
    store_ipc_results(f, self->utcb, from);
    preemption_point();
}

// Ipc through sysenter when the fast path does not apply.
extern "C" void ia32_sysenter_ipc(Frame* f)
{
    syscall_ipc(f);
    preemption_point();
}

void syscall_other(Frame* f)
{
    Tcb* self = Tcb::current();
    Space* space = self->space;
    Syscall which = Syscall::Count;
    if (!space->kip_area.is_nil() && f->eip > space->kip_area.base() && f->eip <= space->kip_area.last())
        which = kip_syscall_at(f->eip - space->kip_area.base());
    switch (which) {
    case Syscall::ExchangeRegisters: {
        ExregsArgs a{f->ecx, f->edx, f->esi, f->edi, f->ebx, ThreadId(f->ebp)};
        ThreadId r = sys_exchange_registers(ThreadId(f->eax), a);
        f->eax = r.raw();
        f->ecx = a.control;
        f->edx = a.sp;
        f->esi = a.ip;
        f->edi = a.flags;
        f->ebx = a.user_handle;
        f->ebp = a.pager.raw();
        return;
    }
    case Syscall::ThreadControl:
        f->eax = sys_thread_control(ThreadId(f->eax), ThreadId(f->esi), ThreadId(f->edx),
                                    ThreadId(f->ecx), f->edi);
        return;
    case Syscall::SystemClock: {
        u64 now = sys_system_clock();
        f->eax = Word(now);
        f->edx = Word(now >> 32);
        return;
    }
    case Syscall::ThreadSwitch:
        sys_thread_switch(ThreadId(f->eax));
        return;
    case Syscall::Schedule: {
        Word old_time;
        f->eax = sys_schedule(ThreadId(f->eax), f->edx, f->esi, f->ecx, f->edi, old_time);
        f->edx = old_time;
        return;
    }
    case Syscall::SpaceControl: {
        Word old_control;
        f->eax = sys_space_control(ThreadId(f->eax), f->ecx, Fpage(f->edx), Fpage(f->esi),
                                   ThreadId(f->edi), old_control);
        f->ecx = old_control;
        return;
    }
    case Syscall::ProcessorControl:
        f->eax = sys_processor_control(f->eax, f->ecx, f->edx, f->esi);
        return;
    case Syscall::MemoryControl: {
        self->utcb->mr(0) = f->esi;
        const Word attributes[4] = {f->ecx, f->edx, f->ebx, f->ebp};
        f->eax = sys_memory_control(f->eax, attributes);
        return;
    }
    case Syscall::Unmap:
        self->utcb->mr(0) = f->esi;
        sys_unmap(f->eax);
        f->esi = self->utcb->mr(0);
        return;
    default:
        // int 0x31 outside a system-call stub: an invalid system call.
        user_exception(VECTOR_SYSCALL, 0, "invalid system call");
        return;
    }
}

} // namespace arch
