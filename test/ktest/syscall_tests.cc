// KernelInterface, ExchangeRegisters, ThreadControl, SpaceControl,
// SystemClock, ProcessorControl: results and every error path.
#include "ktest.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/kdebug.h>
#include <l4/kip.h>
#include <l4/thread.h>

using namespace ktest;

namespace {
L4_Word_t counter;
void count_forever(L4_Word_t)
{
    for (;;)
        __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
}
} // namespace

KTEST(kip, discovery_and_layout)
{
    L4_Word_t version, flags, id;
    void* base = L4_KernelInterface(&version, &flags, &id);
    L4_KernelInterfacePage_t* kip = static_cast<L4_KernelInterfacePage_t*>(base);
    CHECK(base == L4_GetKernelInterface());
    CHECK_EQ(kip->magic, 'L' | ('4' << 8) | (0xe6 << 16) | ((L4_Word_t)'K' << 24));
    CHECK_EQ(version >> 24, 0x84);
    CHECK_EQ((version >> 16) & 0xff, 5);
    CHECK_EQ(version, kip->api_version);
    CHECK_EQ(flags & 3, 0);   // little endian
    CHECK_EQ(id >> 24, 0x0c);
    CHECK_EQ(L4_ThreadIdUserBase(kip), L4_ThreadNo(L4_Myself()) - 2);
    CHECK(L4_ThreadIdSystemBase(kip) < L4_ThreadIdUserBase(kip));
    CHECK_EQ(L4_UtcbAreaSizeLog2(kip), 12);
    CHECK_EQ(L4_KipAreaSizeLog2(kip), 12);
    CHECK(L4_NumMemoryDescriptors(kip) >= 3);
    CHECK(kip->root_ip == 0x400000 || kip->root_ip >= 0x400000);
    // The stubs lie inside the KIP page.
    L4_Word_t stubs[] = {kip->space_control, kip->thread_control, kip->ipc, kip->exchange_registers,
                         kip->schedule, kip->unmap, kip->system_clock};
    for (L4_Word_t s : stubs)
        CHECK(s > 0x100 && s < 4096);
}

KTEST(kip, memory_descriptors_describe_ram_and_kernel)
{
    L4_KernelInterfacePage_t* kip = L4_GetKernelInterface();
    L4_Word_t conventional = 0, reserved = 0, virt = 0;
    for (L4_Word_t i = 0; i < L4_NumMemoryDescriptors(kip); i++) {
        L4_MemoryDesc_t* d = L4_MemoryDesc(kip, i);
        if (L4_IsMemoryDescVirtual(d)) {
            virt++;
            continue;
        }
        if (L4_MemoryDescType(d) == L4_ConventionalMemoryType)
            conventional += L4_MemoryDescHigh(d) - L4_MemoryDescLow(d) + 1;
        if (L4_MemoryDescType(d) == L4_ReservedMemoryType)
            reserved++;
    }
    CHECK(conventional >= 64ul << 20);
    CHECK(reserved >= 2);   // kernel image and kernel pool
    CHECK_EQ(virt, 1);
}

KTEST(clock, system_clock_advances)
{
    L4_Clock_t a = L4_SystemClock();
    L4_Sleep(L4_TimePeriod(2000));
    L4_Clock_t b = L4_SystemClock();
    CHECK(b.raw >= a.raw + 2000);
}

KTEST(exregs, read_and_write_registers)
{
    L4_ThreadId_t t = spawn([](L4_Word_t) { park(); });
    L4_Yield();
    L4_Word_t ctl, sp, ip, fl, h;
    L4_ThreadId_t pager;
    L4_ThreadId_t local = L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &ctl, &sp, &ip, &fl, &h, &pager);
    CHECK(L4_IsLocalId(local));   // a global dest yields the local id
    CHECK(pager == main_thread());
    CHECK(ctl & (1u << 1));       // parked: receiving
    CHECK(sp != 0 && ip != 0);
    L4_ThreadId_t global = L4_ExchangeRegisters(local, 0, 0, 0, 0, 0, L4_nilthread, &ctl, &sp, &ip, &fl, &h, &pager);
    CHECK(global == t);
    // Set the user handle and the pager; read them back.
    L4_ExchangeRegisters(t, (1u << 6) | (1u << 7), 0, 0, 0, 0x1234, t, &ctl, &sp, &ip, &fl, &h, &pager);
    L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &ctl, &sp, &ip, &fl, &h, &pager);
    CHECK_EQ(h, 0x1234);
    CHECK(pager == t);
    reap(t);
}

KTEST(exregs, halt_and_resume)
{
    counter = 0;
    L4_ThreadId_t t = spawn(count_forever);
    L4_Sleep(L4_TimePeriod(2000));
    CHECK(counter > 0);
    L4_Stop(t);
    L4_Word_t frozen = counter;
    L4_Sleep(L4_TimePeriod(2000));
    CHECK_EQ(counter, frozen);
    L4_Word_t ctl, d;
    L4_ThreadId_t p;
    L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &ctl, &d, &d, &d, &d, &p);
    CHECK(ctl & 1);   // halted
    L4_Start(t);
    L4_Sleep(L4_TimePeriod(2000));
    CHECK(counter > frozen);
    reap(t);
}

KTEST(exregs, set_ip_and_sp_of_a_running_thread)
{
    counter = 0;
    L4_ThreadId_t t = spawn([](L4_Word_t) { park(); });
    L4_Yield();
    static L4_Word_t stack[512];
    L4_Start_SpIp(t, (L4_Word_t)&stack[500], (L4_Word_t)(void (*)())[] { count_forever(0); });
    L4_Sleep(L4_TimePeriod(2000));
    CHECK(counter > 0);
    reap(t);
}

KTEST(exregs, rejects_bad_destinations)
{
    L4_Word_t ctl, d;
    L4_ThreadId_t p;
    L4_ThreadId_t r = L4_ExchangeRegisters(fresh_thread_id(), 0, 0, 0, 0, 0, L4_nilthread, &ctl, &d, &d, &d, &d, &p);
    CHECK(L4_IsNilThread(r));
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidThread);
    // Threads of other spaces are out of reach (sigma0).
    L4_ThreadId_t sigma0 = L4_GlobalId(L4_ThreadIdUserBase(L4_GetKernelInterface()), 1);
    r = L4_ExchangeRegisters(sigma0, 0, 0, 0, 0, 0, L4_nilthread, &ctl, &d, &d, &d, &d, &p);
    CHECK(L4_IsNilThread(r));
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidThread);
    r = L4_ExchangeRegisters(L4_nilthread, 0, 0, 0, 0, 0, L4_nilthread, &ctl, &d, &d, &d, &d, &p);
    CHECK(L4_IsNilThread(r));
    r = L4_ExchangeRegisters(L4_anythread, 0, 0, 0, 0, 0, L4_nilthread, &ctl, &d, &d, &d, &d, &p);
    CHECK(L4_IsNilThread(r));
}

KTEST(threadcontrol, create_start_delete)
{
    L4_ThreadId_t t = fresh_thread_id();
    L4_Word_t utcb = free_utcb_slot();
    CHECK_EQ(L4_ThreadControl(t, main_thread(), main_thread(), main_thread(), (void*)utcb), 1);
    L4_Word_t ctl, d;
    L4_ThreadId_t p;
    // Active and waiting for its start-up message: it exists.
    CHECK(!L4_IsNilThread(L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &ctl, &d, &d, &d, &d, &p)));
    CHECK_EQ(L4_ThreadControl(t, L4_nilthread, L4_nilthread, L4_nilthread, (void*)-1), 1);
    CHECK(L4_IsNilThread(L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &ctl, &d, &d, &d, &d, &p)));
    // Deleting it again fails.
    CHECK_EQ(L4_ThreadControl(t, L4_nilthread, L4_nilthread, L4_nilthread, (void*)-1), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidThread);
    release_utcb_slot(utcb);
}

KTEST(threadcontrol, start_up_message_from_the_pager)
{
    counter = 0;
    static L4_Word_t stack[512];
    L4_ThreadId_t t = fresh_thread_id();
    L4_Word_t utcb = free_utcb_slot();
    CHECK_EQ(L4_ThreadControl(t, main_thread(), main_thread(), main_thread(), (void*)utcb), 1);
    L4_LoadMR(1, (L4_Word_t)(void (*)())[] { count_forever(0); });
    L4_LoadMR(2, (L4_Word_t)&stack[500]);
    L4_Set_MsgTag(L4_MsgTagMake(0, 2, 0));
    CHECK(L4_IpcSucceeded(L4_Send(t)));
    L4_Sleep(L4_TimePeriod(2000));
    CHECK(counter > 0);
    CHECK_EQ(L4_ThreadControl(t, L4_nilthread, L4_nilthread, L4_nilthread, (void*)-1), 1);
    release_utcb_slot(utcb);
}

KTEST(threadcontrol, rejects_invalid_requests)
{
    L4_ThreadId_t me = main_thread();
    L4_ThreadId_t t = fresh_thread_id();
    L4_Word_t utcb = free_utcb_slot();
    // Local ids, nil and kernel thread numbers are not valid destinations.
    CHECK_EQ(L4_ThreadControl(L4_MyLocalId(), me, me, me, (void*)utcb), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidThread);
    CHECK_EQ(L4_ThreadControl(L4_GlobalId(L4_ThreadIdSystemBase(L4_GetKernelInterface()), 1), me, me, me, (void*)utcb), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidThread);
    CHECK_EQ(L4_ThreadControl(L4_GlobalId((1u << 17) + 5, 1), me, me, me, (void*)utcb), 0);   // beyond the TCB array
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidThread);
    // A nil scheduler on creation.
    CHECK_EQ(L4_ThreadControl(t, me, L4_nilthread, me, (void*)utcb), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidScheduler);
    // UTCB locations: misaligned, outside the UTCB area, already in use, none.
    CHECK_EQ(L4_ThreadControl(t, me, me, me, (void*)(utcb + 4)), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrUtcbArea);
    CHECK_EQ(L4_ThreadControl(t, me, me, me, (void*)0x10000), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrUtcbArea);
    CHECK_EQ(L4_ThreadControl(t, me, me, me, (void*)my_utcb_location()), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrUtcbArea);
    CHECK_EQ(L4_ThreadControl(t, me, me, me, (void*)-1), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrUtcbArea);
    // An invalid space specifier.
    CHECK_EQ(L4_ThreadControl(t, fresh_thread_id(), me, me, (void*)utcb), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidSpace);
    // Deleting yourself.
    CHECK_EQ(L4_ThreadControl(me, L4_nilthread, L4_nilthread, L4_nilthread, (void*)-1), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidThread);
    // An active thread in a fresh, uninitialized space.
    L4_ThreadId_t s = fresh_thread_id();
    CHECK_EQ(L4_ThreadControl(s, s, me, me, (void*)0x100000), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidSpace);
    release_utcb_slot(utcb);
}

KTEST(spacecontrol, new_space_areas_are_checked)
{
    L4_ThreadId_t me = main_thread();
    L4_ThreadId_t s = fresh_thread_id();
    CHECK_EQ(L4_ThreadControl(s, s, me, L4_nilthread, (void*)-1), 1);   // inactive, new space
    L4_Word_t old;
    L4_Fpage_t kip = L4_FpageLog2(0x100000, 12), utcb = L4_FpageLog2(0x200000, 14);
    // KIP area of the wrong size, outside user space, UTCB area too small or overlapping.
    CHECK_EQ(L4_SpaceControl(s, 0, L4_FpageLog2(0x100000, 13), utcb, L4_nilthread, &old), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrKipArea);
    CHECK_EQ(L4_SpaceControl(s, 0, L4_FpageLog2(user_space_end(), 12), utcb, L4_nilthread, &old), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrKipArea);
    CHECK_EQ(L4_SpaceControl(s, 0, kip, L4_FpageLog2(0x200000, 10), L4_nilthread, &old), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrUtcbArea);
    CHECK_EQ(L4_SpaceControl(s, 0, kip, L4_FpageLog2(0x100000, 14), L4_nilthread, &old), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrUtcbArea);
    CHECK_EQ(L4_SpaceControl(s, 0, kip, L4_CompleteAddressSpace, L4_nilthread, &old), 0);
    // Unknown control bits and unknown spaces.
    CHECK_EQ(L4_SpaceControl(s, 1, kip, utcb, L4_nilthread, &old), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidParam);
    CHECK_EQ(L4_SpaceControl(fresh_thread_id(), 0, kip, utcb, L4_nilthread, &old), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidSpace);
    // A good configuration; then the thread can be activated in it.
    CHECK_EQ(L4_SpaceControl(s, 0, kip, utcb, L4_nilthread, &old), 1);
    CHECK_EQ(L4_ThreadControl(s, s, me, me, (void*)0x200000), 1);
    CHECK_EQ(L4_ThreadControl(s, L4_nilthread, L4_nilthread, L4_nilthread, (void*)-1), 1);
}

KTEST(processorcontrol, only_no_change_succeeds)
{
    CHECK_EQ(L4_ProcessorControl(0, ~0ul, ~0ul, ~0ul), 1);
    CHECK_EQ(L4_ProcessorControl(0, 12345, ~0ul, ~0ul), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidParam);
    CHECK_EQ(L4_ProcessorControl(999, ~0ul, ~0ul, ~0ul), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidParam);
}
