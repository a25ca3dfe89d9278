// amd64 binding of the X.2 system calls (register contract: docs/abi.md).
// Ipc and Lipc carry MR0-MR7 in registers, loaded from the UTCB before the
// call and stored back after it, so the UTCB stays the home of every MR.
// The other calls enter their KIP stubs with their arguments in RSI, RDX,
// R8, R9, R10, R12, R13 and return the result in RAX, the other outputs in
// the registers of the corresponding inputs.
#include <l4/amd64/mr_call.h>
#include <l4/syscalls.h>

extern "C" {
extern const void* __l4_ipc_stub;
extern const void* __l4_lipc_stub;
}

namespace {

const void* stub(L4_Word_t offset) { return reinterpret_cast<const char*>(__l4_kip) + offset; }

struct Args {
    L4_Word_t rsi, rdx, r8, r9, r10, r12, r13;
};

// Calls a KIP stub with the argument registers from and back into `a`;
// returns RAX.  The stub's call must spare the caller's red zone.
L4_Word_t call(const void* stub_address, Args& a)
{
    register L4_Word_t r8 __asm__("r8") = a.r8;
    register L4_Word_t r9 __asm__("r9") = a.r9;
    register L4_Word_t r10 __asm__("r10") = a.r10;
    register L4_Word_t r12 __asm__("r12") = a.r12;
    register L4_Word_t r13 __asm__("r13") = a.r13;
    L4_Word_t rax;
    __asm__ __volatile__("sub $128, %%rsp\n\t"
                         "call *%[stub]\n\t"
                         "add $128, %%rsp"
                         : "=a"(rax), "+S"(a.rsi), "+d"(a.rdx), "+r"(r8), "+r"(r9), "+r"(r10), "+r"(r12),
                           "+r"(r13)
                         : [stub] "c"(stub_address)
                         : "r11", "memory", "cc");
    a.r8 = r8;
    a.r9 = r9;
    a.r10 = r10;
    a.r12 = r12;
    a.r13 = r13;
    return rax;
}

} // namespace

L4_ThreadId_t L4_ExchangeRegisters(L4_ThreadId_t dest, L4_Word_t control, L4_Word_t sp, L4_Word_t ip,
                                   L4_Word_t flags, L4_Word_t user_handle, L4_ThreadId_t pager,
                                   L4_Word_t* old_control, L4_Word_t* old_sp, L4_Word_t* old_ip,
                                   L4_Word_t* old_flags, L4_Word_t* old_user_handle,
                                   L4_ThreadId_t* old_pager)
{
    Args a{dest.raw, control, sp, ip, flags, user_handle, pager.raw};
    L4_ThreadId_t result = {call(stub(__l4_kip->exchange_registers), a)};
    *old_control = a.rdx;
    *old_sp = a.r8;
    *old_ip = a.r9;
    *old_flags = a.r10;
    *old_user_handle = a.r12;
    old_pager->raw = a.r13;
    return result;
}

L4_Word_t L4_ThreadControl(L4_ThreadId_t dest, L4_ThreadId_t space, L4_ThreadId_t scheduler,
                           L4_ThreadId_t pager, void* utcb_location)
{
    Args a{dest.raw, space.raw, scheduler.raw, pager.raw, (L4_Word_t)utcb_location, 0, 0};
    return call(stub(__l4_kip->thread_control), a);
}

L4_Word_t L4_SpaceControl(L4_ThreadId_t space, L4_Word_t control, L4_Fpage_t kip_area,
                          L4_Fpage_t utcb_area, L4_ThreadId_t redirector, L4_Word_t* old_control)
{
    Args a{space.raw, control, kip_area.raw, utcb_area.raw, redirector.raw, 0, 0};
    L4_Word_t result = call(stub(__l4_kip->space_control), a);
    *old_control = a.rdx;
    return result;
}

L4_Word_t L4_Schedule(L4_ThreadId_t dest, L4_Word_t time_control, L4_Word_t processor_control,
                      L4_Word_t prio_control, L4_Word_t preemption_control, L4_Word_t* old_time_control)
{
    Args a{dest.raw, time_control, processor_control, prio_control, preemption_control, 0, 0};
    L4_Word_t result = call(stub(__l4_kip->schedule), a);
    *old_time_control = a.rdx;
    return result;
}

void L4_ThreadSwitch(L4_ThreadId_t dest)
{
    Args a{dest.raw, 0, 0, 0, 0, 0, 0};
    (void)call(stub(__l4_kip->thread_switch), a);
}

L4_Clock_t L4_SystemClock()
{
    Args a{};
    L4_Clock_t c = {call(stub(__l4_kip->system_clock), a)};
    return c;
}

L4_Word_t L4_ProcessorControl(L4_Word_t processor, L4_Word_t internal_freq, L4_Word_t external_freq,
                              L4_Word_t voltage)
{
    Args a{processor, internal_freq, external_freq, voltage, 0, 0, 0};
    return call(stub(__l4_kip->processor_control), a);
}

L4_Word_t L4_MemoryControl(L4_Word_t control, const L4_Word_t* attributes)
{
    Args a{control, attributes[0], attributes[1], __L4_Utcb()[0], attributes[2], attributes[3], 0};
    return call(stub(__l4_kip->memory_control), a);
}

void L4_Unmap(L4_Word_t control)
{
    L4_Word_t* utcb = __L4_Utcb();
    Args a{control, 0, 0, utcb[0], 0, 0, 0};
    (void)call(stub(__l4_kip->unmap), a);
    utcb[0] = a.r9;
}

namespace {

// Ipc and Lipc: the same convention through different stubs.
L4_MsgTag_t ipc_through(const void* stub_address, L4_ThreadId_t to, L4_ThreadId_t from_spec, L4_Word_t timeouts,
                        L4_ThreadId_t* from)
{
    L4_Word_t* mr = __L4_Utcb();
    L4_Word_t f = __L4_Amd64_CallWithMRs(stub_address, to.raw, from_spec.raw, timeouts, mr);
    if (from_spec.raw != 0)
        from->raw = f;
    L4_MsgTag_t tag = {mr[0]};
    return tag;
}

} // namespace

L4_MsgTag_t L4_Ipc(L4_ThreadId_t to, L4_ThreadId_t from_spec, L4_Word_t timeouts, L4_ThreadId_t* from)
{
    return ipc_through(__l4_ipc_stub, to, from_spec, timeouts, from);
}

L4_MsgTag_t L4_Lipc(L4_ThreadId_t to, L4_ThreadId_t from_spec, L4_Word_t timeouts, L4_ThreadId_t* from)
{
    return ipc_through(__l4_lipc_stub, to, from_spec, timeouts, from);
}
