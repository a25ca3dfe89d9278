// MIPS64 binding of the X.2 system calls (register contract: docs/abi.md).
// Every call but KernelInterface goes through its KIP stub (jalr), which
// puts the system-call number into v0 and executes `syscall`.  MR0 and
// MR1-MR8 travel in v1 and s0-s7: loaded from the UTCB before the call and
// stored back after it, so the UTCB stays the home of every MR.
#include <l4/mips/mr_call.h>
#include <l4/syscalls.h>

extern "C" {
extern const void* __l4_ipc_stub;
extern const void* __l4_lipc_stub;
}

namespace {

constexpr L4_Word_t syscall_kernel_interface = 0;

const void* stub(L4_Word_t offset) { return reinterpret_cast<const char*>(__l4_kip) + offset; }

// The argument registers a0-a6 of a call, in and out.
struct Args {
    L4_Word_t a[7];
};

// Calls a KIP stub with a0-a6 from and back into `r`; returns v0.
// Besides v0 the kernel may clobber at, a7, t0-t3, t8, t9, HI and LO.
L4_Word_t call(const void* stub_address, Args& r)
{
    register L4_Word_t a0 __asm__("$4") = r.a[0], a1 __asm__("$5") = r.a[1], a2 __asm__("$6") = r.a[2],
                       a3 __asm__("$7") = r.a[3], a4 __asm__("$8") = r.a[4], a5 __asm__("$9") = r.a[5],
                       a6 __asm__("$10") = r.a[6];
    register const void* t9 __asm__("$25") = stub_address;
    register L4_Word_t v0 __asm__("$2");
    __asm__ __volatile__("jalr $25"
                         : "=r"(v0), "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3), "+r"(a4), "+r"(a5), "+r"(a6), "+r"(t9)
                         :
                         : "$1", "$3", "$11", "$12", "$13", "$14", "$15", "$24", "$31", "hi", "lo", "memory");
    r.a[0] = a0;
    r.a[1] = a1;
    r.a[2] = a2;
    r.a[3] = a3;
    r.a[4] = a4;
    r.a[5] = a5;
    r.a[6] = a6;
    return v0;
}

// Calls a stub that takes MRs in registers with the UTCB's MR0-MR8.
L4_Word_t call_with_mrs(const void* stub_address, L4_Word_t x0, L4_Word_t x1, L4_Word_t x2)
{
    L4_Word_t* mr = __L4_Utcb();
    return __L4_Mips_CallWithMRs(stub_address, x0, x1, x2, &mr[0], mr);
}

} // namespace

void* L4_KernelInterface(L4_Word_t* api_version, L4_Word_t* api_flags, L4_Word_t* kernel_id)
{
    register L4_Word_t v0 __asm__("$2") = syscall_kernel_interface;
    register L4_Word_t a0 __asm__("$4"), a1 __asm__("$5"), a2 __asm__("$6");
    __asm__ __volatile__("syscall"
                         : "+r"(v0), "=r"(a0), "=r"(a1), "=r"(a2)
                         :
                         : "$1", "$11", "$12", "$13", "$14", "$15", "$24", "$25", "hi", "lo", "memory");
    *api_version = a0;
    *api_flags = a1;
    *kernel_id = a2;
    return reinterpret_cast<void*>(v0);
}

L4_ThreadId_t L4_ExchangeRegisters(L4_ThreadId_t dest, L4_Word_t control, L4_Word_t sp, L4_Word_t ip,
                                   L4_Word_t flags, L4_Word_t user_handle, L4_ThreadId_t pager,
                                   L4_Word_t* old_control, L4_Word_t* old_sp, L4_Word_t* old_ip,
                                   L4_Word_t* old_flags, L4_Word_t* old_user_handle,
                                   L4_ThreadId_t* old_pager)
{
    Args r{{dest.raw, control, sp, ip, flags, user_handle, pager.raw}};
    L4_ThreadId_t result = {call(stub(__l4_kip->exchange_registers), r)};
    *old_control = r.a[1];
    *old_sp = r.a[2];
    *old_ip = r.a[3];
    *old_flags = r.a[4];
    *old_user_handle = r.a[5];
    old_pager->raw = r.a[6];
    return result;
}

L4_Word_t L4_ThreadControl(L4_ThreadId_t dest, L4_ThreadId_t space, L4_ThreadId_t scheduler,
                           L4_ThreadId_t pager, void* utcb_location)
{
    Args r{{dest.raw, space.raw, scheduler.raw, pager.raw, (L4_Word_t)utcb_location, 0, 0}};
    return call(stub(__l4_kip->thread_control), r);
}

L4_Word_t L4_SpaceControl(L4_ThreadId_t space, L4_Word_t control, L4_Fpage_t kip_area,
                          L4_Fpage_t utcb_area, L4_ThreadId_t redirector, L4_Word_t* old_control)
{
    Args r{{space.raw, control, kip_area.raw, utcb_area.raw, redirector.raw, 0, 0}};
    L4_Word_t result = call(stub(__l4_kip->space_control), r);
    *old_control = r.a[1];
    return result;
}

L4_Word_t L4_Schedule(L4_ThreadId_t dest, L4_Word_t time_control, L4_Word_t processor_control,
                      L4_Word_t prio_control, L4_Word_t preemption_control, L4_Word_t* old_time_control)
{
    Args r{{dest.raw, time_control, processor_control, prio_control, preemption_control, 0, 0}};
    L4_Word_t result = call(stub(__l4_kip->schedule), r);
    *old_time_control = r.a[1];
    return result;
}

void L4_ThreadSwitch(L4_ThreadId_t dest)
{
    Args r{{dest.raw, 0, 0, 0, 0, 0, 0}};
    (void)call(stub(__l4_kip->thread_switch), r);
}

L4_Clock_t L4_SystemClock()
{
    Args r{};
    L4_Clock_t c = {call(stub(__l4_kip->system_clock), r)};
    return c;
}

L4_Word_t L4_ProcessorControl(L4_Word_t processor, L4_Word_t internal_freq, L4_Word_t external_freq,
                              L4_Word_t voltage)
{
    Args r{{processor, internal_freq, external_freq, voltage, 0, 0, 0}};
    return call(stub(__l4_kip->processor_control), r);
}

L4_Word_t L4_MemoryControl(L4_Word_t control, const L4_Word_t* attributes)
{
    // MemoryControl takes a0 control, a1-a4 the attributes and the fpages
    // in MR0..: the MR registers are loaded as for Ipc.
    L4_Word_t* mr = __L4_Utcb();
    register L4_Word_t a0 __asm__("$4") = control, a1 __asm__("$5") = attributes[0],
                       a2 __asm__("$6") = attributes[1], a3 __asm__("$7") = attributes[2],
                       a4 __asm__("$8") = attributes[3];
    register L4_Word_t v1 __asm__("$3") = mr[0];
    register L4_Word_t s0 __asm__("$16") = mr[1], s1 __asm__("$17") = mr[2], s2 __asm__("$18") = mr[3],
                       s3 __asm__("$19") = mr[4], s4 __asm__("$20") = mr[5], s5 __asm__("$21") = mr[6],
                       s6 __asm__("$22") = mr[7], s7 __asm__("$23") = mr[8];
    register const void* t9 __asm__("$25") = stub(__l4_kip->memory_control);
    register L4_Word_t v0 __asm__("$2");
    __asm__ __volatile__("jalr $25"
                         : "=r"(v0), "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3), "+r"(a4), "+r"(t9)
                         : "r"(v1), "r"(s0), "r"(s1), "r"(s2), "r"(s3), "r"(s4), "r"(s5), "r"(s6), "r"(s7)
                         : "$1", "$9", "$10", "$11", "$12", "$13", "$14", "$15", "$24", "$31", "hi", "lo",
                           "memory");
    return v0;
}

void L4_Unmap(L4_Word_t control) { (void)call_with_mrs(stub(__l4_kip->unmap), control, 0, 0); }

namespace {
// Ipc and Lipc share the register contract: a0 to, a1 FromSpecifier,
// a2 Timeouts, MRs in v1 and s0-s7; v0 the sender.
L4_MsgTag_t ipc_through(const void* stub_address, L4_ThreadId_t to, L4_ThreadId_t from_spec, L4_Word_t timeouts,
                        L4_ThreadId_t* from)
{
    L4_Word_t r = call_with_mrs(stub_address, to.raw, from_spec.raw, timeouts);
    if (from_spec.raw != 0)
        from->raw = r;
    L4_MsgTag_t tag = {__L4_Utcb()[0]};
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
