// MIPS system-call entry: unpacks the X.2 mips64 register conventions
// (docs/abi.md) into the generic calls and packs the results back into
// the frame.  `syscall` with v0 selecting the call; MR0 travels in v1 and
// MR1-MR8 in s0-s7 in both directions, the rest in the UTCB.
#include "arch.h"
#include "syscall_numbers.h"
#include "trap.h"
#include <generic/exception.h>
#include <generic/ipc.h>
#include <generic/kip.h>
#include <generic/msg_tag.h>
#include <generic/space.h>
#include <generic/syscalls.h>
#include <generic/tcb.h>

namespace arch {

namespace {

constexpr unsigned register_mrs = 8;   // MR1..MR8 in s0..s7

// MR0 and as many of MR1.. as `count` says from the registers into the UTCB.
void spill_mrs(const Frame* f, Utcb* u, unsigned count)
{
    u->mr(0) = f->gpr[v1];
    for (unsigned i = 0; i < count && i < register_mrs; i++)
        u->mr(1 + i) = f->gpr[s0 + i];
}

// MR0..MR8 from the UTCB into the registers.
void load_mrs(Frame* f, Utcb* u)
{
    f->gpr[v1] = u->mr(0);
    for (unsigned i = 0; i < register_mrs; i++)
        f->gpr[s0 + i] = u->mr(1 + i);
}

void ipc(Frame* f, bool lipc)
{
    Tcb* self = Tcb::current();
    Utcb* u = self->utcb;
    MsgTag tag(f->gpr[v1]);
    spill_mrs(f, u, tag.untyped() + tag.typed());
    self->user_ipc = true;   // tcb.h: inside a user Ipc (MIPS has no fast path that uses it)
    ThreadId from = sys_ipc(ThreadId(f->gpr[a0]), ThreadId(f->gpr[a1]), f->gpr[a2], lipc);
    self->user_ipc = false;
    f->gpr[v0] = from.raw();
    load_mrs(f, u);
}

// X.2 KernelInterface: the KIP's address in this space and its identity.
void kernel_interface(Frame* f)
{
    Space* space = Tcb::current()->space;
    const Kip& k = kip();
    f->gpr[v0] = space->kip_area.is_nil() ? 0 : space->kip_area.base();
    f->gpr[a0] = k.api_version;
    f->gpr[a1] = k.api_flags;
    f->gpr[a2] = reinterpret_cast<const Word*>(reinterpret_cast<const char*>(&k) + k.kernel_descriptor)[0];
}

} // namespace

void syscall(Frame* f)
{
    Word number = f->gpr[v0];
    if (f->in_delay_slot() || number > SYSCALL_SCHEDULE) {
        // Not a system call: the handler sees the `syscall` instruction at EPC.
        user_exception(EXC_SYS, 0, f->in_delay_slot() ? "system call in a delay slot" : "invalid system call");
        return;
    }
    // Past the instruction before anything can block: ExchangeRegisters may
    // set a new IP meanwhile.
    f->epc += 4;
    Tcb* self = Tcb::current();
    switch (number) {
    case SYSCALL_KERNEL_INTERFACE:
        kernel_interface(f);
        return;
    case SYSCALL_IPC:
    case SYSCALL_LIPC:   // a kernel Lipc: the same as Ipc (lipc.h)
        ipc(f, number == SYSCALL_LIPC);
        return;
    case SYSCALL_EXCHANGE_REGISTERS: {
        ExregsArgs a{f->gpr[a1], f->gpr[a2], f->gpr[a3], f->gpr[a4], f->gpr[a5], ThreadId(f->gpr[a6])};
        ThreadId r = sys_exchange_registers(ThreadId(f->gpr[a0]), a);
        f->gpr[v0] = r.raw();
        f->gpr[a1] = a.control;
        f->gpr[a2] = a.sp;
        f->gpr[a3] = a.ip;
        f->gpr[a4] = a.flags;
        f->gpr[a5] = a.user_handle;
        f->gpr[a6] = a.pager.raw();
        return;
    }
    case SYSCALL_THREAD_CONTROL:
        f->gpr[v0] = sys_thread_control(ThreadId(f->gpr[a0]), ThreadId(f->gpr[a1]), ThreadId(f->gpr[a2]),
                                        ThreadId(f->gpr[a3]), f->gpr[a4]);
        return;
    case SYSCALL_SYSTEM_CLOCK:
        f->gpr[v0] = sys_system_clock();
        return;
    case SYSCALL_THREAD_SWITCH:
        sys_thread_switch(ThreadId(f->gpr[a0]));
        return;
    case SYSCALL_SCHEDULE: {
        Word old_time;
        f->gpr[v0] = sys_schedule(ThreadId(f->gpr[a0]), f->gpr[a1], f->gpr[a2], f->gpr[a3], f->gpr[a4], old_time);
        f->gpr[a1] = old_time;
        return;
    }
    case SYSCALL_SPACE_CONTROL: {
        Word old_control;
        f->gpr[v0] = sys_space_control(ThreadId(f->gpr[a0]), f->gpr[a1], Fpage(f->gpr[a2]), Fpage(f->gpr[a3]),
                                       ThreadId(f->gpr[a4]), old_control);
        f->gpr[a1] = old_control;
        return;
    }
    case SYSCALL_PROCESSOR_CONTROL:
        f->gpr[v0] = sys_processor_control(f->gpr[a0], f->gpr[a1], f->gpr[a2], f->gpr[a3]);
        return;
    case SYSCALL_MEMORY_CONTROL: {
        spill_mrs(f, self->utcb, unsigned(f->gpr[a0] & 0x3f));
        const Word attributes[4] = {f->gpr[a1], f->gpr[a2], f->gpr[a3], f->gpr[a4]};
        f->gpr[v0] = sys_memory_control(f->gpr[a0], attributes);
        return;
    }
    case SYSCALL_UNMAP:
        spill_mrs(f, self->utcb, unsigned(f->gpr[a0] & 0x3f));
        sys_unmap(f->gpr[a0]);
        load_mrs(f, self->utcb);
        return;
    }
}

} // namespace arch
