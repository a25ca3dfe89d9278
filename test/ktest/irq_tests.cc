// Interrupt threads: attach a handler, receive interrupts as IPC,
// acknowledge by replying, detach.
#include "ktest.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/thread.h>

using namespace ktest;

KTEST(irq, timer_interrupts_arrive_as_ipc)
{
    // The PIT runs at 1 kHz on line 0; the kernel ticks from a timer of the
    // CPU (local APIC, CP0 Compare).
    L4_ThreadId_t irq0 = L4_GlobalId(0, 1);
    CHECK_EQ(L4_ThreadControl(irq0, irq0, L4_nilthread, main_thread(), (void*)-1), 1);
    for (int i = 0; i < 3; i++) {
        L4_MsgTag_t tag = L4_Receive_Timeout(irq0, L4_TimePeriod(100000));
        CHECK(L4_IpcSucceeded(tag));
        CHECK_EQ(L4_Label(tag), kernel_label(-1));
        L4_Set_MsgTag(L4_Niltag);
        CHECK(L4_IpcSucceeded(L4_Send_Timeout(irq0, L4_ZeroTime)));   // acknowledge
    }
    CHECK_EQ(L4_ThreadControl(irq0, irq0, L4_nilthread, irq0, (void*)-1), 1);   // detach
    // Detached: nothing arrives any more.
    L4_MsgTag_t tag = L4_Receive_Timeout(irq0, L4_TimePeriod(5000));
    CHECK(L4_IpcFailed(tag));
}

KTEST(irq, bad_interrupt_requests)
{
    // A line the platform does not have, and a handler that does not exist.
    L4_ThreadId_t bogus = L4_GlobalId(40, 1);
    CHECK_EQ(L4_ThreadControl(bogus, bogus, L4_nilthread, main_thread(), (void*)-1), 0);
    L4_ThreadId_t irq0 = L4_GlobalId(0, 1);
    CHECK_EQ(L4_ThreadControl(irq0, irq0, L4_nilthread, fresh_thread_id(), (void*)-1), 0);
    // Only the handler may acknowledge.
    L4_Set_MsgTag(L4_Niltag);
    CHECK(L4_IpcFailed(L4_Send_Timeout(irq0, L4_ZeroTime)));
}
