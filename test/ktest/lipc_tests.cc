// LIPC: intra-space IPC at user level by lazy process switching (seeds 000
// and 001).  Lipc must behave exactly like Ipc: at user level when it can,
// through the kernel otherwise, whatever interrupts it, and a thread that
// corrupts the shared state harms only its own task.
#if defined(__i386__)
#include "ktest.h"
#include "spaces.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/kdebug.h>
#include <l4/thread.h>

using namespace ktest;

namespace {

const L4_Word_t never = L4_Timeouts(L4_Never, L4_Never);

L4_Word_t kernel_lipc_calls() { return L4_KDB_LipcStatistics(0); }

// A server of our space: answers each message with label + 1 and every
// untyped word + 1, through Lipc (so LIPC can reach it again), waiting for
// any local thread (LreplyWait) or, with any_thread set, for anyone.
volatile L4_Word_t served;
void echo_server(L4_Word_t any_thread)
{
    L4_ThreadId_t spec = any_thread ? L4_anythread : L4_anylocalthread;
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Lipc(L4_nilthread, spec, never, &from);
    for (;;) {
        L4_Word_t u = L4_UntypedWords(tag);
        for (L4_Word_t i = 1; i <= u; i++) {
            L4_Word_t w;
            L4_StoreMR((int)i, &w);
            L4_LoadMR((int)i, w + 1);
        }
        served = served + 1;
        L4_Set_MsgTag(L4_MsgTagMake(L4_IpcFailed(tag) ? 0xeee : L4_Label(tag) + 1, u, 0));
        tag = L4_Lipc(from, spec, never, &from);
    }
}

// One Lcall with u words (MRi = base + i); true when the reply is right.
bool call_checked(L4_ThreadId_t server, L4_Word_t label, L4_Word_t u, L4_Word_t base)
{
    for (L4_Word_t i = 1; i <= u; i++)
        L4_LoadMR((int)i, base + i);
    L4_Set_MsgTag(L4_MsgTagMake(label, u, 0));
    L4_MsgTag_t tag = L4_Lcall(server);
    if (L4_IpcFailed(tag) || L4_Label(tag) != label + 1 || L4_UntypedWords(tag) != u)
        return false;
    for (L4_Word_t i = 1; i <= u; i++) {
        L4_Word_t w;
        L4_StoreMR((int)i, &w);
        if (w != base + i + 1)
            return false;
    }
    return true;
}

L4_ThreadId_t start_server(L4_Word_t priority = 100, L4_Word_t any_thread = 0)
{
    L4_ThreadId_t s = spawn(echo_server, any_thread, priority);
    L4_Yield();
    return L4_LocalIdOf(s);
}

} // namespace

KTEST(lipc, call_and_reply_at_user_level)
{
    L4_ThreadId_t server = start_server();
    CHECK(call_checked(server, 1, 2, 100));   // the first one may go through the kernel
    L4_Word_t before = kernel_lipc_calls();
    bool ok = true;
    for (L4_Word_t i = 0; i < 1000; i++)
        ok = ok && call_checked(server, i, i % 3, i * 10);
    CHECK(ok);
    L4_Word_t through_kernel = kernel_lipc_calls() - before;
    printf("    1000 round trips, %lu Lipc calls reached the kernel\n", through_kernel);
    CHECK(through_kernel < 20);   // only around timer ticks
    reap(L4_GlobalIdOf(server));
}

KTEST(lipc, every_message_length)
{
    L4_ThreadId_t server = start_server();
    bool ok = true;
    for (L4_Word_t u = 0; u < 64; u++)
        ok = ok && call_checked(server, 7, u, u * 1000);
    CHECK(ok);
    reap(L4_GlobalIdOf(server));
}

KTEST(lipc, from_ids_and_receive_specifiers)
{
    // The reply comes from the server's local id; a closed receive from it
    // and an anythread receive work as with Ipc.
    L4_ThreadId_t server = start_server();
    L4_ThreadId_t from;
    L4_Set_MsgTag(L4_MsgTagMake(3, 0, 0));
    L4_MsgTag_t tag = L4_Lipc(server, server, never, &from);
    CHECK(L4_IpcSucceeded(tag));
    CHECK_EQ(from.raw, server.raw);
    L4_Set_MsgTag(L4_MsgTagMake(4, 0, 0));
    tag = L4_Lipc(server, L4_anythread, never, &from);
    CHECK(L4_IpcSucceeded(tag) && L4_Label(tag) == 5);
    CHECK_EQ(from.raw, server.raw);
    reap(L4_GlobalIdOf(server));
}

namespace {
// Sends label 0x77 to the main thread after a while.
void send_late_to_main(L4_Word_t)
{
    L4_Sleep(L4_TimePeriod(2000));
    L4_Set_MsgTag(L4_MsgTagMake(0x77, 0, 0));
    L4_Send(main_thread());
    park();
}

// Collects the reply a server could not deliver at once (it polls on us).
bool late_reply_from(L4_ThreadId_t server, L4_Word_t label)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Ipc(L4_nilthread, server, never, &from);
    return L4_IpcSucceeded(tag) && L4_Label(tag) == label && from.raw == server.raw;
}
} // namespace

KTEST(lipc, every_from_specifier_means_what_it_means_in_the_kernel)
{
    // A server that waits for anyone: its replies still stay at user level.
    L4_ThreadId_t any = start_server(100, 1);
    L4_Word_t before = kernel_lipc_calls();
    bool ok = true;
    for (L4_Word_t i = 0; i < 100; i++)
        ok = ok && call_checked(any, i, 1, i);
    CHECK(ok);
    CHECK(kernel_lipc_calls() - before < 10);
    reap(L4_GlobalIdOf(any));

    // Waiting for a third thread: the server's reply waits until the third
    // thread's message has come.
    L4_ThreadId_t server = start_server();
    L4_ThreadId_t third = spawn(send_late_to_main, 0, 100);
    L4_ThreadId_t from;
    L4_Set_MsgTag(L4_MsgTagMake(40, 0, 0));
    L4_MsgTag_t tag = L4_Lipc(server, L4_LocalIdOf(third), never, &from);
    CHECK(L4_IpcSucceeded(tag) && L4_Label(tag) == 0x77);
    CHECK_EQ(from.raw, L4_LocalIdOf(third).raw);
    CHECK(late_reply_from(server, 41));

    // A from-specifier at the top of the id range that is neither anythread
    // nor anylocalthread names no thread: the message goes, the receive fails.
    L4_Set_MsgTag(L4_MsgTagMake(50, 0, 0));
    tag = L4_Lipc(server, (L4_ThreadId_t){~1ul}, never, &from);
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode(), (2ul << 1) | 1);
    CHECK(late_reply_from(server, 51));
    reap(third);
    reap(L4_GlobalIdOf(server));
}

namespace {
volatile L4_Word_t busy_release;
void busy_then_serve(L4_Word_t)
{
    while (busy_release == 0)
        L4_Yield();
    echo_server(0);
}
} // namespace

KTEST(lipc, falls_back_to_the_kernel_and_means_the_same)
{
    L4_ThreadId_t server = start_server();
    L4_Word_t before = kernel_lipc_calls();
    // A receive timeout, a global id, and a string item: the kernel's.
    L4_Set_MsgTag(L4_MsgTagMake(10, 0, 0));
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Lipc(server, server, L4_Timeouts(L4_Never, L4_TimePeriod(100000)), &from);
    CHECK(L4_IpcSucceeded(tag) && L4_Label(tag) == 11);
    CHECK(call_checked(L4_GlobalIdOf(server), 12, 1, 5));
    CHECK(kernel_lipc_calls() - before >= 2);
    // A partner that is not waiting yet: the call waits in the kernel.
    busy_release = 0;
    L4_ThreadId_t late = spawn(busy_then_serve, 0, 100);
    struct Releaser {
        static void run(L4_Word_t) { L4_Sleep(L4_TimePeriod(2000)); busy_release = 1; park(); }
    };
    L4_ThreadId_t r = spawn(Releaser::run, 0, 100);
    CHECK(call_checked(L4_LocalIdOf(late), 20, 2, 7));
    // A lower-priority partner: LIPC would run it ahead of this thread's
    // priority, so the kernel takes it (and it still works).
    L4_ThreadId_t low = start_server(50);
    CHECK(call_checked(low, 30, 2, 9));
    // A nonexistent local id: the kernel's error.
    L4_Set_MsgTag(L4_MsgTagMake(1, 0, 0));
    tag = L4_Lipc((L4_ThreadId_t){0x30000040}, (L4_ThreadId_t){0x30000040},
                  L4_Timeouts(L4_ZeroTime, L4_ZeroTime), &from);
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode(), 2ul << 1);
    reap(L4_GlobalIdOf(low));
    reap(r);
    reap(late);
    reap(L4_GlobalIdOf(server));
}

KTEST(lipc, lipc_waiters_take_kernel_ipc_too)
{
    // A server waiting in Lipc for anythread gets an Ipc from another space,
    // and its Lipc reply to that client goes through the kernel.
    L4_ThreadId_t server = start_server(100, 1);
    struct Client {
        static void run(L4_Word_t server_global)
        {
            L4_LoadMR(1, 41);
            L4_Set_MsgTag(L4_MsgTagMake(40, 1, 0));
            L4_MsgTag_t tag = L4_Call((L4_ThreadId_t){server_global});
            L4_Word_t w = 0;
            L4_StoreMR(1, &w);
            L4_LoadMR(1, L4_IpcSucceeded(tag) && L4_Label(tag) == 41 && w == 42);
            L4_Set_MsgTag(L4_MsgTagMake(0x70, 1, 0));
            L4_Send(main_thread());
        }
    };
    L4_ThreadId_t c = spawn_in_new_space(Client::run, L4_GlobalIdOf(server).raw);
    L4_MsgTag_t tag = L4_Receive_Timeout(c, L4_TimePeriod(1000000));
    L4_Word_t ok = 0;
    L4_StoreMR(1, &ok);
    if (!(L4_IpcSucceeded(tag) && ok == 1))
        printf("    client report: tag %lx, ok %lx, error %lx\n", tag.raw, ok, L4_ErrorCode());
    CHECK(L4_IpcSucceeded(tag) && ok == 1);
    CHECK(call_checked(server, 50, 2, 3));   // and LIPC still reaches it
    reap_space_thread(c);
    reap(L4_GlobalIdOf(server));
}

namespace {
// A middle server: forwards each request to the next server by Lcall and
// returns its answer + 1 (a LIPC chain: client -> middle -> echo -> ...).
L4_ThreadId_t next_hop;
void middle_server(L4_Word_t)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Lipc(L4_nilthread, L4_anylocalthread, never, &from);
    for (;;) {
        L4_Set_MsgTag(L4_MsgTagMake(L4_Label(tag) * 2, 0, 0));
        L4_MsgTag_t answer = L4_Lcall(next_hop);
        L4_Set_MsgTag(L4_MsgTagMake(L4_Label(answer) + 1, 0, 0));
        tag = L4_LreplyWait(from, &from);
    }
}
} // namespace

KTEST(lipc, chains_of_lazy_switches)
{
    next_hop = start_server();
    L4_ThreadId_t middle = L4_LocalIdOf(spawn(middle_server, 0, 100));
    L4_Yield();
    L4_Word_t before = kernel_lipc_calls();
    bool ok = true;
    for (L4_Word_t i = 1; i <= 300; i++) {
        L4_Set_MsgTag(L4_MsgTagMake(i, 0, 0));
        L4_MsgTag_t tag = L4_Lcall(middle);
        ok = ok && L4_IpcSucceeded(tag) && L4_Label(tag) == i * 2 + 2;
    }
    CHECK(ok);
    CHECK(kernel_lipc_calls() - before < 30);
    reap(L4_GlobalIdOf(middle));
    reap(L4_GlobalIdOf(next_hop));
}

namespace {
// Runs at every interruption of the stepped thread (same priority): it
// competes for the server with a Lipc of its own.
volatile L4_Word_t noise_calls, noise_failures;
void noise(L4_Word_t server)
{
    for (;;) {
        if (!call_checked((L4_ThreadId_t){server}, 77, 1, 1))
            noise_failures = noise_failures + 1;
        noise_calls = noise_calls + 1;
        L4_Yield();
    }
}
} // namespace

KTEST(lipc, interrupted_at_every_instruction)
{
    // The k-th user instruction after the kdebug call is interrupted and
    // other threads run; k walks through the caller's binding, the Lipc
    // code, the lazy switch and the server's side.
    L4_ThreadId_t server = start_server();
    noise_calls = 0;
    noise_failures = 0;
    L4_ThreadId_t n = spawn(noise, server.raw, 100);
    bool ok = true;
    // Eight words: the copy (one step per word) is interrupted too.
    const L4_Word_t u = 8;
    for (L4_Word_t k = 1; k <= 150; k++) {
        for (L4_Word_t i = 1; i <= u; i++)
            L4_LoadMR((int)i, k * 100 + i);
        L4_Set_MsgTag(L4_MsgTagMake(k, u, 0));
        L4_KDB_InterruptAfter(k);
        L4_MsgTag_t tag = L4_Lcall(server);
        L4_Word_t w[u];
        L4_StoreMRs(1, u, w);
        bool right = L4_IpcSucceeded(tag) && L4_Label(tag) == k + 1 && L4_UntypedWords(tag) == u;
        for (L4_Word_t i = 0; i < u; i++)
            right = right && w[i] == k * 100 + i + 2;
        if (!right)
            printf("    interrupted after %lu instructions: tag %lx, MR1 %lx\n", k, tag.raw, w[0]);
        ok = ok && right;
    }
    CHECK(ok);
    CHECK_EQ(noise_failures, 0);
    CHECK(noise_calls > 0);
    reap(n);
    reap(L4_GlobalIdOf(server));
}

namespace {
volatile L4_Word_t fault_result, fault_after;
void call_with_fault_after(L4_Word_t server)
{
    L4_KDB_FaultAfter(fault_after);
    fault_result = call_checked((L4_ThreadId_t){server}, 5, 2, 50) ? 1 : 2;
    park();
}
} // namespace

KTEST(lipc, faults_anywhere_in_the_checks_mean_the_kernel_lipc)
{
    // A fault (injected) before the commit turns the call into the kernel
    // Lipc with the same result; inside the five commit instructions it
    // stops the thread (a legal run cannot fault there).  Neither harms
    // anyone outside the task, and the server keeps serving.
    L4_ThreadId_t server = start_server();
    unsigned completed = 0, stopped = 0, through_kernel = 0;
    for (L4_Word_t k = 1; k <= 160; k++) {
        fault_result = 0;
        fault_after = k;
        L4_Word_t before = kernel_lipc_calls();
        L4_ThreadId_t t = spawn(call_with_fault_after, server.raw, 100);
        for (int i = 0; i < 50 && fault_result == 0; i++)
            L4_Sleep(L4_TimePeriod(200));
        if (fault_result == 1)
            completed++;
        else
            stopped++;
        if (kernel_lipc_calls() != before)
            through_kernel++;
        CHECK(fault_result != 2);
        reap(t);
        // A commit cut short may have left the server unusable (its own
        // task's doing): probe it through the kernel, with timeouts.
        L4_Set_MsgTag(L4_MsgTagMake(9, 0, 0));
        L4_MsgTag_t probe = L4_Call_Timeouts(server, L4_TimePeriod(50000), L4_TimePeriod(50000));
        if (L4_IpcFailed(probe) || L4_Label(probe) != 10) {
            reap(L4_GlobalIdOf(server));
            server = start_server();
        }
    }
    printf("    %u calls completed (%u through the kernel Lipc), %u threads stopped by a fault in the commit\n",
           completed, through_kernel, stopped);
    CHECK(stopped >= 1 && stopped <= 5);   // at most the five commit instructions
    CHECK(through_kernel >= 10);           // the faults that hit the checks
    CHECK_EQ(completed + stopped, 160);
    reap(L4_GlobalIdOf(server));
}

namespace {
volatile L4_Word_t after_corruption;
void corrupt_current_utcb(L4_Word_t)
{
    __asm__ __volatile__("movl $0x30000040, %%gs:0" ::: "memory");
    (void)L4_SystemClock();   // the next kernel entry finds it
    after_corruption = 1;
    park();
}

L4_Word_t victim_state;
void kernel_waiter(L4_Word_t)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait(&from);   // a kernel Ipc receive, not LIPC's
    victim_state = L4_IpcSucceeded(tag) ? L4_Label(tag) : 0xbad;
    park();
}

void forge_a_waiter(L4_Word_t victim_local)
{
    // Make a kernel waiter look LIPC-receivable, then Lipc to it: LIPC
    // switches to a stack that is not the victim's.
    L4_Word_t* u = (L4_Word_t*)victim_local;
    u[-2] = ~0ul;   // lipc_wait: anyone
    u[-3] = 255;    // lipc_key: a high priority on CPU 0
    u[-1] = 0;      // lipc_sp
    L4_Set_MsgTag(L4_MsgTagMake(1, 0, 0));
    (void)L4_Lcall((L4_ThreadId_t){victim_local});
    after_corruption = 2;
    park();
}
} // namespace

KTEST(lipc, corrupting_the_protocol_stops_only_the_offender)
{
    after_corruption = 0;
    L4_ThreadId_t t = spawn(corrupt_current_utcb, 0, 100);
    L4_Sleep(L4_TimePeriod(2000));
    CHECK_EQ(after_corruption, 0);
    L4_Word_t d;
    CHECK_EQ(L4_Schedule(t, ~0ul, ~0ul, ~0ul, ~0ul, &d), L4_SCHEDRESULT_DEAD);
    reap(t);

    victim_state = 0;
    L4_ThreadId_t victim = spawn(kernel_waiter, 0, 100);
    L4_Yield();
    L4_ThreadId_t offender = spawn(forge_a_waiter, L4_LocalIdOf(victim).raw, 100);
    L4_Sleep(L4_TimePeriod(2000));
    CHECK_EQ(after_corruption, 0);
    CHECK_EQ(L4_Schedule(offender, ~0ul, ~0ul, ~0ul, ~0ul, &d), L4_SCHEDRESULT_DEAD);
    // The victim still waits in the kernel and takes a message.
    L4_Set_MsgTag(L4_MsgTagMake(0x55, 0, 0));
    CHECK(L4_IpcSucceeded(L4_Send_Timeout(victim, L4_TimePeriod(100000))));
    L4_Sleep(L4_TimePeriod(1000));
    CHECK_EQ(victim_state, 0x55);
    reap(offender);
    reap(victim);
}

namespace {
void jump_into_the_commit(L4_Word_t commit)
{
    // Registers pointing nowhere: the commit's first store faults.
    __asm__ __volatile__("mov $0x30000040, %%edi\n\t"
                         "mov $0x30000080, %%eax\n\t"
                         "jmp *%0" ::"r"(commit)
                         : "eax", "edi", "memory");
    after_corruption = 3;
    park();
}

// The commit's first instruction, mov %esp, -4(%edi) (89 67 fc), in the
// KIP's Lipc code.
L4_Word_t find_commit()
{
    L4_KernelInterfacePage_t* kip = L4_GetKernelInterface();
    const unsigned char* p = (const unsigned char*)kip + kip->lipc;
    for (int i = 0; i < 128; i++)
        if (p[i] == 0x89 && p[i + 1] == 0x67 && p[i + 2] == 0xfc)
            return (L4_Word_t)(p + i);
    return 0;
}
} // namespace

KTEST(lipc, a_jump_into_the_commit_stops_the_thread)
{
    L4_Word_t commit = find_commit();
    CHECK(commit != 0);
    if (commit == 0)
        return;
    after_corruption = 0;
    L4_ThreadId_t t = spawn(jump_into_the_commit, commit, 100);
    L4_Sleep(L4_TimePeriod(2000));
    CHECK_EQ(after_corruption, 0);
    L4_Word_t d;
    CHECK_EQ(L4_Schedule(t, ~0ul, ~0ul, ~0ul, ~0ul, &d), L4_SCHEDRESULT_DEAD);
    reap(t);
}

KTEST(lipc, fpu_users_take_the_kernel_path)
{
    // With live FPU registers a thread must not switch lazily: its FPU
    // state would pass to the partner.
    L4_ThreadId_t server = start_server();
    CHECK(call_checked(server, 1, 0, 0));
    volatile double x = 1.5;
    x = x * 3.0;   // this thread now owns the FPU, enabled
    L4_Word_t before = kernel_lipc_calls();
    CHECK(call_checked(server, 2, 1, 2));
    CHECK(kernel_lipc_calls() - before >= 1);
    CHECK(x == 4.5);
    reap(L4_GlobalIdOf(server));
}

namespace {
volatile L4_Word_t lazy_result;
void lazy_waiter(L4_Word_t)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Lipc(L4_nilthread, L4_anylocalthread, never, &from);
    lazy_result = L4_IpcFailed(tag) ? L4_ErrorCode() : 1;
    park();
}
} // namespace

KTEST(lipc, exchange_registers_and_deletion_of_a_lipc_waiter)
{
    lazy_result = 0;
    L4_ThreadId_t w = spawn(lazy_waiter, 0, 100);
    L4_Yield();
    L4_Word_t ctl, sp, ip, flags, handle;
    L4_ThreadId_t pager;
    L4_ExchangeRegisters(w, 0, 0, 0, 0, 0, L4_nilthread, &ctl, &sp, &ip, &flags, &handle, &pager);
    CHECK(ctl & (1u << 1));   // receiving
    L4_Word_t kip = (L4_Word_t)L4_GetKernelInterface();
    CHECK(ip > kip && ip < kip + 4096);
    L4_ExchangeRegisters(w, 1u << 1, 0, 0, 0, 0, L4_nilthread, &ctl, &sp, &ip, &flags, &handle, &pager);
    L4_Sleep(L4_TimePeriod(1000));
    CHECK_EQ(lazy_result, (3ul << 1) | 1);   // canceled, receive phase
    reap(w);

    // A deleted Lipc waiter: Lipc to its local id finds nobody.
    L4_ThreadId_t s = spawn(echo_server, 0, 100);
    L4_Yield();
    L4_ThreadId_t gone = L4_LocalIdOf(s);
    reap(s);
    L4_ThreadId_t from;
    L4_Set_MsgTag(L4_MsgTagMake(1, 0, 0));
    L4_MsgTag_t tag = L4_Lipc(gone, gone, L4_Timeouts(L4_ZeroTime, L4_ZeroTime), &from);
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode(), 2ul << 1);
}

#endif
