// ia32 binding of the X.2 system calls (register contract: docs/abi.md).
#include <l4/syscalls.h>

extern "C" void __l4_syscall(const void* stub, L4_Word_t regs[7]);

extern "C" {
extern const void* __l4_ipc_stub;
extern const void* __l4_lipc_stub;
}

namespace {

enum { EAX, ECX, EDX, ESI, EDI, EBX, EBP };

const void* stub(L4_Word_t offset) { return reinterpret_cast<const char*>(__l4_kip) + offset; }

} // namespace

L4_ThreadId_t L4_ExchangeRegisters(L4_ThreadId_t dest, L4_Word_t control, L4_Word_t sp, L4_Word_t ip,
                                   L4_Word_t flags, L4_Word_t user_handle, L4_ThreadId_t pager,
                                   L4_Word_t* old_control, L4_Word_t* old_sp, L4_Word_t* old_ip,
                                   L4_Word_t* old_flags, L4_Word_t* old_user_handle,
                                   L4_ThreadId_t* old_pager)
{
    L4_Word_t r[7] = {dest.raw, control, sp, ip, flags, user_handle, pager.raw};
    __l4_syscall(stub(__l4_kip->exchange_registers), r);
    *old_control = r[ECX];
    *old_sp = r[EDX];
    *old_ip = r[ESI];
    *old_flags = r[EDI];
    *old_user_handle = r[EBX];
    old_pager->raw = r[EBP];
    L4_ThreadId_t result = {r[EAX]};
    return result;
}

L4_Word_t L4_ThreadControl(L4_ThreadId_t dest, L4_ThreadId_t space, L4_ThreadId_t scheduler,
                           L4_ThreadId_t pager, void* utcb_location)
{
    L4_Word_t r[7] = {dest.raw, pager.raw, scheduler.raw, space.raw, (L4_Word_t)utcb_location, 0, 0};
    __l4_syscall(stub(__l4_kip->thread_control), r);
    return r[EAX];
}

L4_Word_t L4_SpaceControl(L4_ThreadId_t space, L4_Word_t control, L4_Fpage_t kip_area,
                          L4_Fpage_t utcb_area, L4_ThreadId_t redirector, L4_Word_t* old_control)
{
    L4_Word_t r[7] = {space.raw, control, kip_area.raw, utcb_area.raw, redirector.raw, 0, 0};
    __l4_syscall(stub(__l4_kip->space_control), r);
    *old_control = r[ECX];
    return r[EAX];
}

L4_Word_t L4_Schedule(L4_ThreadId_t dest, L4_Word_t time_control, L4_Word_t processor_control,
                      L4_Word_t prio_control, L4_Word_t preemption_control, L4_Word_t* old_time_control)
{
    L4_Word_t r[7] = {dest.raw, prio_control, time_control, processor_control, preemption_control, 0, 0};
    __l4_syscall(stub(__l4_kip->schedule), r);
    *old_time_control = r[EDX];
    return r[EAX];
}

void L4_ThreadSwitch(L4_ThreadId_t dest)
{
    L4_Word_t r[7] = {dest.raw, 0, 0, 0, 0, 0, 0};
    __l4_syscall(stub(__l4_kip->thread_switch), r);
}

L4_Clock_t L4_SystemClock()
{
    L4_Word_t r[7] = {};
    __l4_syscall(stub(__l4_kip->system_clock), r);
    L4_Clock_t c = {((L4_Word64_t)r[EDX] << 32) | r[EAX]};
    return c;
}

L4_Word_t L4_ProcessorControl(L4_Word_t processor, L4_Word_t internal_freq, L4_Word_t external_freq,
                              L4_Word_t voltage)
{
    L4_Word_t r[7] = {processor, internal_freq, external_freq, voltage, 0, 0, 0};
    __l4_syscall(stub(__l4_kip->processor_control), r);
    return r[EAX];
}

L4_Word_t L4_MemoryControl(L4_Word_t control, const L4_Word_t* attributes)
{
    L4_Word_t* utcb = __L4_Utcb();
    L4_Word_t r[7] = {control, attributes[0], attributes[1], utcb[0], (L4_Word_t)utcb, attributes[2],
                      attributes[3]};
    __l4_syscall(stub(__l4_kip->memory_control), r);
    return r[EAX];
}

void L4_Unmap(L4_Word_t control)
{
    L4_Word_t* utcb = __L4_Utcb();
    L4_Word_t r[7] = {control, 0, 0, utcb[0], (L4_Word_t)utcb, 0, 0};
    __l4_syscall(stub(__l4_kip->unmap), r);
    utcb[0] = r[ESI];
}

// Ipc and Lipc share the register contract: in EAX to, ECX timeouts, EDX
// from-specifier, ESI MR0, EDI UTCB; out EAX from, ESI MR0, EBX MR1, EBP MR2.
// The stub address is read from a global, never from the stack, since the
// asm moves ESP to save EBP.
#define L4_IPC_THROUGH(stub_variable)                                                 \
    L4_Word_t* utcb = __L4_Utcb();                                                    \
    L4_Word_t eax = to.raw, ecx = timeouts, edx = from_spec.raw, esi = utcb[0], ebx; \
    __asm__ __volatile__("push %%ebp\n\t"                                            \
                         "call *" #stub_variable "\n\t"                             \
                         "mov %%ebp, %%ecx\n\t"                                      \
                         "pop %%ebp"                                                  \
                         : "+a"(eax), "+c"(ecx), "+d"(edx), "+S"(esi), "=b"(ebx)      \
                         : "D"(utcb)                                                  \
                         : "memory", "cc");                                           \
    if (from_spec.raw != 0) {                                                         \
        from->raw = eax;                                                              \
        utcb[1] = ebx;                                                                \
        utcb[2] = ecx;                                                                \
    }                                                                                 \
    utcb[0] = esi;                                                                    \
    L4_MsgTag_t tag = {esi};                                                          \
    return tag

L4_MsgTag_t L4_Ipc(L4_ThreadId_t to, L4_ThreadId_t from_spec, L4_Word_t timeouts, L4_ThreadId_t* from)
{
    L4_IPC_THROUGH(__l4_ipc_stub);
}

L4_MsgTag_t L4_Lipc(L4_ThreadId_t to, L4_ThreadId_t from_spec, L4_Word_t timeouts, L4_ThreadId_t* from)
{
    L4_IPC_THROUGH(__l4_lipc_stub);
}
