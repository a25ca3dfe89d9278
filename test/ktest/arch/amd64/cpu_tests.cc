// amd64-only test cases: the sysret pitfall (an Ipc whose return RIP, or a
// handler's reply, is not a canonical user address), and FS isolation.  The x86 ones are in
// test/ktest/arch/x86/.
#include "ktest.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/thread.h>

using namespace ktest;

namespace {

constexpr L4_Word_t exception_words = 20;
constexpr L4_Word_t kernel_address = 0xffffffff80001000ul;   // the kernel image

// Enters the kernel with syscall and RDI (the return RIP) = `rip`: a plain
// Ipc to nobody (nil to, nil from), which the kernel must never return from
// with sysretq to that RIP.
void syscall_returning_to(L4_Word_t rip)
{
    L4_Set_ExceptionHandler(main_thread());
    register L4_Word_t r8 __asm__("r8") = 0;
    register L4_Word_t r9 __asm__("r9") = 0;
    __asm__ __volatile__("syscall" ::"D"(rip), "S"(0ul), "d"(0ul), "r"(r8), "r"(r9)
                         : "rax", "rbx", "rcx", "r10", "r11", "r12", "r13", "r14", "r15", "memory");
    park();
}

// Receives the exception message of t and checks its vector and RIP.
void expect_exception(L4_ThreadId_t t, L4_Word_t vector, L4_Word_t rip)
{
    L4_MsgTag_t tag = L4_Receive_Timeout(t, L4_TimePeriod(100000));
    CHECK(L4_IpcSucceeded(tag));
    CHECK_EQ(L4_UntypedWords(tag), exception_words);
    L4_Word_t v, ip;
    L4_StoreMR(3, &v);
    L4_StoreMR(1, &ip);
    CHECK_EQ(v, vector);
    CHECK_EQ(ip, rip);
}

} // namespace

KTEST(fault, syscall_to_non_canonical_rip_is_an_exception)
{
    // Just above the user half, and far out in the non-canonical hole.
    const L4_Word_t rips[] = {0x0000800000000000ul, 0x8000000000000000ul, kernel_address};
    for (L4_Word_t rip : rips) {
        L4_ThreadId_t t = spawn(syscall_returning_to, rip);
        expect_exception(t, 13, rip);
        reap(t);
    }
}

KTEST(fault, exception_reply_to_non_canonical_rip_is_an_exception)
{
    // A handler that sends the thread to a non-canonical RIP gets it back
    // as an exception at that RIP (iretq would fault in the kernel).
    L4_ThreadId_t t = spawn([](L4_Word_t) {
        L4_Set_ExceptionHandler(main_thread());
        __asm__ __volatile__("ud2");
        park();
    });
    L4_MsgTag_t tag = L4_Receive_Timeout(t, L4_TimePeriod(100000));
    CHECK(L4_IpcSucceeded(tag));
    L4_LoadMR(1, 0x0000900000000000ul);
    L4_Set_MsgTag(L4_MsgTagMake(0, exception_words, 0));
    L4_Reply(t);
    expect_exception(t, 13, 0x0000900000000000ul);
    reap(t);
}

namespace {

volatile L4_Word_t fs_expected, fs_seen;

// Waits for one message (through the fast path when the caller's Ipc is
// simple) and records what %fs:0, its current-UTCB word, says afterwards.
void fs_reporter(L4_Word_t)
{
    fs_expected = (L4_Word_t)__L4_Utcb();
    L4_ThreadId_t from;
    L4_Wait(&from);
    L4_Word_t seen;
    __asm__ __volatile__("mov %%fs:0, %0" : "=r"(seen));
    fs_seen = seen;
    L4_Reply(from);
    park();
}

// Loads FS with the user data selector (its base becomes 0, so this
// thread's own %fs:0 is gone) and calls `to` with a bare syscall; then
// sleeps forever the same way (its UTCB pointer is unusable now).
void fs_clobberer(L4_Word_t to)
{
    __asm__ __volatile__("mov %%ds, %%eax\n\t"
                         "mov %%eax, %%fs\n\t"
                         "xor %%r8d, %%r8d\n\t"      /* never, never */
                         "xor %%r9d, %%r9d\n\t"      /* MR0: no words */
                         "lea 1f(%%rip), %%rdi\n\t"
                         "syscall\n"
                         "1:\n\t"
                         "xor %%esi, %%esi\n\t"
                         "xor %%edx, %%edx\n\t"
                         "xor %%r8d, %%r8d\n\t"
                         "xor %%r9d, %%r9d\n\t"
                         "lea 2f(%%rip), %%rdi\n"
                         "2:\n\t"
                         "syscall\n\t"
                         "jmp 2b"
                         :
                         : "S"(to), "d"(to)
                         : "rax", "rbx", "rcx", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
                           "memory");
    __builtin_unreachable();
}

} // namespace

KTEST(ipc, a_threads_fs_load_does_not_reach_the_next_thread)
{
    // The fast path switches straight from the caller to the waiting
    // receiver: the receiver must find its UTCB pointer, whatever the
    // caller did to FS (docs/abi.md).
    fs_expected = 1;
    fs_seen = 0;
    L4_ThreadId_t r = spawn(fs_reporter);
    L4_Sleep(L4_TimePeriod(2000));
    L4_ThreadId_t c = spawn(fs_clobberer, r.raw);
    for (unsigned i = 0; i < 50 && fs_seen == 0; i++)
        L4_Sleep(L4_TimePeriod(1000));
    CHECK_EQ(fs_seen, fs_expected);
    reap(c);
    reap(r);
}
