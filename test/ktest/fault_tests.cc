// Exceptions and page faults become IPC to the handler and pager; a thread
// without one is stopped, and the system keeps running.
#include "arch_facts.h"
#include "ktest.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/thread.h>

using namespace ktest;

namespace {

volatile L4_Word_t resumed;

void undefined_instruction(L4_Word_t)
{
    L4_Set_ExceptionHandler(main_thread());
    arch::undefined_instruction();
    resumed = 1;
    park();
}

void touch(L4_Word_t address)
{
    *(volatile L4_Word_t*)address = 1;
    resumed = 2;
    park();
}

} // namespace

KTEST(fault, exception_ipc_and_resume)
{
    resumed = 0;
    L4_ThreadId_t t = spawn(undefined_instruction);
    L4_MsgTag_t tag = L4_Receive_Timeout(t, L4_TimePeriod(100000));
    CHECK(L4_IpcSucceeded(tag));
    CHECK_EQ(L4_Label(tag), kernel_label(-5));
    CHECK_EQ(L4_UntypedWords(tag), arch::exception_words);
    L4_Word_t ip, vector;
    L4_StoreMR(arch::exception_mr_ip, &ip);
    L4_StoreMR(arch::exception_mr_vector, &vector);
    CHECK_EQ(vector, arch::undefined_instruction_vector);
    // Skip the instruction and resume.
    L4_LoadMR(arch::exception_mr_ip, ip + arch::undefined_instruction_size);
    L4_Set_MsgTag(L4_MsgTagMake(0, arch::exception_words, 0));
    CHECK(L4_IpcSucceeded(L4_Send(t)));
    L4_Sleep(L4_TimePeriod(1000));
    CHECK_EQ(resumed, 1);
    reap(t);
}

KTEST(fault, page_fault_ipc_to_the_pager)
{
    resumed = 0;
    L4_ThreadId_t t = spawn(touch, 0x30000000);
    L4_MsgTag_t tag = L4_Receive_Timeout(t, L4_TimePeriod(100000));
    CHECK(L4_IpcSucceeded(tag));
    CHECK_EQ(L4_Label(tag) >> 4, kernel_label(-2) >> 4);
    CHECK((L4_Label(tag) & 7) == 2);   // a write
    L4_Word_t address, ip;
    L4_StoreMR(1, &address);
    L4_StoreMR(2, &ip);
    CHECK_EQ(address, 0x30000000);
    CHECK(ip > 0x400000);
    // We cannot map anything: send the thread elsewhere instead, then reply.
    static L4_Word_t stack[256];
    L4_Word_t ctl, d;
    L4_ThreadId_t p;
    L4_ExchangeRegisters(t, (1u << 3) | (1u << 4), (L4_Word_t)&stack[250],
                         (L4_Word_t)(void (*)())[] { resumed = 3; park(); }, 0, 0, L4_nilthread,
                         &ctl, &d, &d, &d, &d, &p);
    L4_Set_MsgTag(L4_Niltag);
    CHECK(L4_IpcSucceeded(L4_Send(t)));
    L4_Sleep(L4_TimePeriod(1000));
    CHECK_EQ(resumed, 3);
    reap(t);
}

KTEST(fault, no_handler_stops_only_that_thread)
{
    resumed = 0;
    L4_ThreadId_t t = spawn([](L4_Word_t) {
        L4_Set_ExceptionHandler(L4_nilthread);
        arch::undefined_instruction();
        resumed = 1;
    });
    L4_Sleep(L4_TimePeriod(1000));
    CHECK_EQ(resumed, 0);
    L4_Word_t old;
    CHECK_EQ(L4_Schedule(t, ~0ul, ~0ul, ~0ul, ~0ul, &old), L4_SCHEDRESULT_DEAD);
    reap(t);
}
