// MIPS-only test cases: user mode proven by a privileged instruction, the
// mips64 exception message, kernel addresses, system-call numbers that do
// not exist.
#include "arch_facts.h"
#include "ktest.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/thread.h>

using namespace ktest;

namespace {

volatile L4_Word_t resumed;
volatile L4_Word_t observed;

// Exception message layout (docs/abi.md): MR1 EPC, MR2 Status, MR3
// ExcCode, MR4 error, MR5.. r1-r25, r28-r31, HI, LO.
constexpr int mr_status = 2, mr_error = 4;
constexpr int mr_of_gpr(unsigned r) { return int(r <= 25 ? 4 + r : 1 + r); }
constexpr L4_Word_t exc_adel = 4, exc_ades = 5, exc_sys = 8, exc_cpu = 11;

// Reads CP0 Status, which only kernel mode may; v0 afterwards is what the
// exception handler put there.
void read_status(L4_Word_t)
{
    L4_Set_ExceptionHandler(main_thread());
    register L4_Word_t v0 __asm__("$2") = 0;
    __asm__ __volatile__("mfc0 %0, $12" : "+r"(v0));
    observed = v0;
    resumed = 1;
    park();
}

void store_to(L4_Word_t address)
{
    L4_Set_ExceptionHandler(main_thread());
    *(volatile L4_Word_t*)address = 1;
    resumed = 2;
    park();
}

// Receives t's exception message and checks its label and size.
bool exception_from(L4_ThreadId_t t)
{
    L4_MsgTag_t tag = L4_Receive_Timeout(t, L4_TimePeriod(100000));
    return L4_IpcSucceeded(tag) && L4_Label(tag) == kernel_label(-5) &&
           L4_UntypedWords(tag) == arch::exception_words;
}

L4_Word_t mr(int i)
{
    L4_Word_t w;
    L4_StoreMR(i, &w);
    return w;
}

} // namespace

KTEST(boot, runs_in_user_mode)
{
    // The privileged instruction traps, and Status says where it came from.
    resumed = 0;
    L4_ThreadId_t t = spawn(read_status);
    CHECK(exception_from(t));
    CHECK_EQ(mr(arch::exception_mr_vector), exc_cpu);
    CHECK_EQ(mr(mr_status) & 0x18, 0x10);   // KSU = user
    reap(t);
}

KTEST(fault, privileged_instruction_exception_and_reply)
{
    resumed = 0;
    observed = 0;
    L4_ThreadId_t t = spawn(read_status);
    CHECK(exception_from(t));
    CHECK_EQ(mr(arch::exception_mr_vector), exc_cpu);
    L4_Word_t epc = mr(arch::exception_mr_ip);
    // The reply sets the registers: skip the mfc0 and hand over a value in v0.
    L4_LoadMR(arch::exception_mr_ip, epc + 4);
    L4_LoadMR(mr_of_gpr(2), 0x5eed);
    L4_Set_MsgTag(L4_MsgTagMake(0, arch::exception_words, 0));
    CHECK(L4_IpcSucceeded(L4_Send(t)));
    L4_Sleep(L4_TimePeriod(1000));
    CHECK_EQ(resumed, 1);
    CHECK_EQ(observed, 0x5eed);
    reap(t);
}

KTEST(fault, kernel_memory_is_out_of_reach)
{
    // Kernel segments (CKSEG0 with the kernel image, xkseg with the TCBs)
    // are an address error in user mode, reported with the address.
    const L4_Word_t kernel[] = {0xffffffff81000000ul, 0xc000000000000000ul};
    for (L4_Word_t address : kernel) {
        L4_ThreadId_t t = spawn(store_to, address);
        CHECK(exception_from(t));
        CHECK_EQ(mr(arch::exception_mr_vector), exc_ades);
        CHECK_EQ(mr(mr_error), address);
        reap(t);
    }
    // Beyond the 512 GiB user part of xuseg nothing is ever mapped: a page
    // fault for the pager, which cannot help.
    L4_ThreadId_t t = spawn(store_to, 1ul << 40);
    L4_MsgTag_t tag = L4_Receive_Timeout(t, L4_TimePeriod(100000));
    CHECK(L4_IpcSucceeded(tag));
    CHECK_EQ(L4_Label(tag) >> 4, kernel_label(-2) >> 4);
    CHECK_EQ(mr(1), 1ul << 40);
    reap(t);
    (void)exc_adel;
}

KTEST(fault, invalid_system_calls_raise_exceptions)
{
    resumed = 0;
    L4_ThreadId_t t = spawn([](L4_Word_t) {
        L4_Set_ExceptionHandler(main_thread());
        register L4_Word_t v0 __asm__("$2") = 99;   // no such system call
        __asm__ __volatile__("syscall" : "+r"(v0) : : "memory");
        resumed = 1;
        park();
    });
    CHECK(exception_from(t));
    CHECK_EQ(mr(arch::exception_mr_vector), exc_sys);
    CHECK_EQ(mr(mr_of_gpr(2)), 99);
    // EPC names the syscall instruction itself: resume after it.
    L4_LoadMR(arch::exception_mr_ip, mr(arch::exception_mr_ip) + 4);
    L4_Set_MsgTag(L4_MsgTagMake(0, arch::exception_words, 0));
    L4_Reply(t);
    L4_Sleep(L4_TimePeriod(1000));
    CHECK_EQ(resumed, 1);
    reap(t);
}
