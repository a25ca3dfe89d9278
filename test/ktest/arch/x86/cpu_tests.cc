// x86 test cases (ia32 and amd64): the privilege level, faults on the
// kernel half, and int gates that are not system calls.
#include "arch_facts.h"
#include "ktest.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/thread.h>

using namespace ktest;

namespace {

#if defined(__i386__)
constexpr L4_Word_t kernel_address = 0xc0001000;
#else
constexpr L4_Word_t kernel_address = 0xffffffff80001000ul;
#endif

void touch(L4_Word_t address)
{
    *(volatile L4_Word_t*)address = 1;
    park();
}

} // namespace

KTEST(boot, runs_in_user_mode)
{
    unsigned short cs;
    __asm__("mov %%cs, %0" : "=r"(cs));
    CHECK_EQ(cs & 3u, 3u);
}

KTEST(fault, kernel_memory_is_out_of_reach)
{
    // A user access to the kernel half is a page fault sent to the pager.
    L4_ThreadId_t t = spawn(touch, kernel_address);
    L4_MsgTag_t tag = L4_Receive_Timeout(t, L4_TimePeriod(100000));
    CHECK(L4_IpcSucceeded(tag));
    L4_Word_t address;
    L4_StoreMR(1, &address);
    CHECK_EQ(address, kernel_address);
    reap(t);
}

KTEST(fault, invalid_system_calls_raise_exceptions)
{
    L4_ThreadId_t t = spawn([](L4_Word_t) {
        L4_Set_ExceptionHandler(main_thread());
        __asm__ __volatile__("int $0x31");   // not from a KIP stub
        __asm__ __volatile__("int $0x80");   // no such gate for user mode
        park();
    });
    L4_MsgTag_t tag = L4_Receive_Timeout(t, L4_TimePeriod(100000));
    CHECK(L4_IpcSucceeded(tag));
    L4_Word_t vector, ip;
    L4_StoreMR(3, &vector);
    L4_StoreMR(1, &ip);
    CHECK_EQ(vector, 0x31);
    L4_Set_MsgTag(L4_MsgTagMake(0, arch::exception_words, 0));
    L4_Reply(t);
    tag = L4_Receive_Timeout(t, L4_TimePeriod(100000));
    CHECK(L4_IpcSucceeded(tag));
    L4_StoreMR(3, &vector);
    L4_StoreMR(1, &ip);
    CHECK_EQ(vector, 13);   // general protection
    L4_LoadMR(1, ip + 2);
    L4_Set_MsgTag(L4_MsgTagMake(0, arch::exception_words, 0));
    L4_Reply(t);
    reap(t);
}
