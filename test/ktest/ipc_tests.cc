// IPC between threads of the root task's space: every X.2 form, timeouts,
// send queues, local ids, propagation, redirection, abort.
#include "ktest.h"
#include "spaces.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/thread.h>

using namespace ktest;

namespace {

// Echo server: replies with MR1..MRu incremented by one, label + 1.
void echo(L4_Word_t)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait(&from);
    for (;;) {
        if (L4_IpcFailed(tag)) {
            tag = L4_Wait(&from);
            continue;
        }
        L4_Word_t u = L4_UntypedWords(tag);
        for (L4_Word_t i = 1; i <= u; i++) {
            L4_Word_t w;
            L4_StoreMR((int)i, &w);
            L4_LoadMR((int)i, w + 1);
        }
        L4_Set_MsgTag(L4_MsgTagMake(L4_Label(tag) + 1, u, 0));
        tag = L4_ReplyWait(from, &from);
    }
}

// Receives one message from anyone and reports it back to main (label 0x77).
void receive_once(L4_Word_t timeout_us)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait_Timeout(timeout_us ? L4_TimePeriod(timeout_us) : L4_Never, &from);
    L4_Word_t w1 = 0;
    L4_StoreMR(1, &w1);
    L4_Word_t err = L4_ErrorCode();
    L4_LoadMR(1, tag.raw);
    L4_LoadMR(2, from.raw);
    L4_LoadMR(3, w1);
    L4_LoadMR(4, err);
    L4_Set_MsgTag(L4_MsgTagMake(0x77, 4, 0));
    L4_Send(main_thread());
}

// Sends one word (the argument) to main with label 0x55.
void send_word(L4_Word_t w)
{
    L4_LoadMR(1, w);
    L4_Set_MsgTag(L4_MsgTagMake(0x55, 1, 0));
    L4_MsgTag_t tag = L4_Send(main_thread());
    if (L4_IpcFailed(tag)) {
        L4_LoadMR(1, L4_ErrorCode());
        L4_Set_MsgTag(L4_MsgTagMake(0x56, 1, 0));
        L4_Send(main_thread());
    }
}

} // namespace

KTEST(ipc, call_and_reply)
{
    L4_ThreadId_t server = spawn(echo);
    CHECK(!L4_IsNilThread(server));
    L4_LoadMR(1, 41);
    L4_LoadMR(2, 99);
    L4_Set_MsgTag(L4_MsgTagMake(0x123, 2, 0));
    L4_MsgTag_t tag = L4_Call(server);
    CHECK(L4_IpcSucceeded(tag));
    CHECK_EQ(L4_Label(tag), 0x124);
    CHECK_EQ(L4_UntypedWords(tag), 2);
    L4_Word_t a, b;
    L4_StoreMR(1, &a);
    L4_StoreMR(2, &b);
    CHECK_EQ(a, 42);
    CHECK_EQ(b, 100);
    reap(server);
}

KTEST(ipc, all_63_untyped_words)
{
    L4_ThreadId_t server = spawn(echo);
    for (int i = 1; i <= 63; i++)
        L4_LoadMR(i, 1000 + i);
    L4_Set_MsgTag(L4_MsgTagMake(1, 63, 0));
    L4_MsgTag_t tag = L4_Call(server);
    CHECK(L4_IpcSucceeded(tag));
    CHECK_EQ(L4_UntypedWords(tag), 63);
    int wrong = 0;
    for (int i = 1; i <= 63; i++) {
        L4_Word_t w;
        L4_StoreMR(i, &w);
        if (w != L4_Word_t(1001 + i))
            wrong++;
    }
    CHECK_EQ(wrong, 0);
    reap(server);
}

KTEST(ipc, message_overflow_is_reported_to_both)
{
    L4_ThreadId_t r = spawn(receive_once);
    L4_Set_MsgTag(L4_MsgTagMake(1, 63, 2));   // u + t = 65 > 63
    L4_MsgTag_t tag = L4_Send(r);
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode(), (L4_ErrMsgOverflow << 1) | 0);
    L4_ThreadId_t from;
    tag = L4_Wait_Timeout(L4_TimePeriod(100000), &from);
    CHECK(L4_IpcSucceeded(tag));
    L4_Word_t rtag, rerr;
    L4_StoreMR(1, &rtag);
    L4_StoreMR(4, &rerr);
    CHECK(L4_IpcFailed((L4_MsgTag_t){rtag}));
    CHECK_EQ(rerr, (L4_ErrMsgOverflow << 1) | 1);
    reap(r);
}

KTEST(ipc, send_timeout_zero_to_busy_thread)
{
    L4_ThreadId_t t = spawn([](L4_Word_t) { park(); });
    L4_Set_MsgTag(L4_Niltag);
    L4_Yield();   // let t block in its receive (from itself)
    L4_MsgTag_t tag = L4_Send_Timeout(t, L4_ZeroTime);
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode(), (L4_ErrTimeout << 1) | 0);
    reap(t);
}

KTEST(ipc, receive_timeout_zero_and_relative)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait_Timeout(L4_ZeroTime, &from);
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode(), (L4_ErrTimeout << 1) | 1);

    L4_Clock_t before = L4_SystemClock();
    tag = L4_Wait_Timeout(L4_TimePeriod(5000), &from);
    L4_Clock_t after = L4_SystemClock();
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode(), (L4_ErrTimeout << 1) | 1);
    CHECK(after.raw - before.raw >= 5000);
    CHECK(after.raw - before.raw < 50000);
}

KTEST(ipc, absolute_timeout_point)
{
    L4_ThreadId_t from;
    L4_Clock_t now = L4_SystemClock();
    L4_Clock_t at = {now.raw + 8000};
    L4_MsgTag_t tag = L4_Ipc(L4_nilthread, L4_anythread, L4_Timeouts(L4_Never, L4_TimePoint2(at, now)), &from);
    L4_Clock_t after = L4_SystemClock();
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode(), (L4_ErrTimeout << 1) | 1);
    CHECK(after.raw + 1024 >= at.raw);   // the point is exact to 2^e us
    CHECK(after.raw < at.raw + 20000);

    // A point in the past times out at once.
    L4_Clock_t past = {now.raw - 1};
    tag = L4_Ipc(L4_nilthread, L4_anythread, L4_Timeouts(L4_Never, L4_TimePoint2(past, L4_SystemClock())), &from);
    CHECK(L4_IpcFailed(tag));
}

KTEST(ipc, send_timeout_expires_while_polling)
{
    L4_ThreadId_t t = spawn([](L4_Word_t) { park(); });
    L4_Yield();
    L4_Clock_t before = L4_SystemClock();
    L4_Set_MsgTag(L4_Niltag);
    L4_MsgTag_t tag = L4_Send_Timeout(t, L4_TimePeriod(3000));
    L4_Clock_t after = L4_SystemClock();
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode(), (L4_ErrTimeout << 1) | 0);
    CHECK(after.raw - before.raw >= 3000);
    reap(t);
}

KTEST(ipc, receiver_takes_waiting_senders_in_order)
{
    L4_ThreadId_t s[3];
    for (int i = 0; i < 3; i++) {
        s[i] = spawn(send_word, L4_Word_t(10 + i));
        L4_Yield();   // each sender blocks in the send queue before the next starts
    }
    for (int i = 0; i < 3; i++) {
        L4_ThreadId_t from;
        L4_MsgTag_t tag = L4_Wait_Timeout(L4_TimePeriod(100000), &from);
        CHECK(L4_IpcSucceeded(tag));
        L4_Word_t w;
        L4_StoreMR(1, &w);
        CHECK_EQ(w, L4_Word_t(10 + i));
        CHECK(L4_GlobalIdOf(from) == s[i]);
    }
    for (L4_ThreadId_t t : s)
        reap(t);
}

KTEST(ipc, closed_receive_ignores_other_senders)
{
    L4_ThreadId_t a = spawn(send_word, 1);
    L4_ThreadId_t b = spawn(send_word, 2);
    L4_Yield();
    L4_Yield();
    L4_MsgTag_t tag = L4_Receive_Timeout(b, L4_TimePeriod(100000));
    CHECK(L4_IpcSucceeded(tag));
    L4_Word_t w;
    L4_StoreMR(1, &w);
    CHECK_EQ(w, 2);
    tag = L4_Receive_Timeout(a, L4_TimePeriod(100000));
    L4_StoreMR(1, &w);
    CHECK(L4_IpcSucceeded(tag));
    CHECK_EQ(w, 1);
    reap(a);
    reap(b);
}

KTEST(ipc, local_ids_in_both_directions)
{
    L4_ThreadId_t server = spawn(echo);
    L4_ThreadId_t local = L4_LocalIdOf(server);
    CHECK(L4_IsLocalId(local));
    CHECK(L4_GlobalIdOf(local) == server);
    L4_LoadMR(1, 7);
    L4_Set_MsgTag(L4_MsgTagMake(0, 1, 0));
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Ipc(local, local, L4_Timeouts(L4_Never, L4_Never), &from);
    CHECK(L4_IpcSucceeded(tag));
    CHECK(from == local);   // a sender of the same space is named by its local id
    L4_Word_t w;
    L4_StoreMR(1, &w);
    CHECK_EQ(w, 8);
    reap(server);
}

KTEST(ipc, anylocalthread_receive)
{
    L4_ThreadId_t s = spawn(send_word, 5);
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Ipc(L4_nilthread, L4_anylocalthread, L4_Timeouts(L4_Never, L4_TimePeriod(100000)), &from);
    CHECK(L4_IpcSucceeded(tag));
    CHECK(L4_GlobalIdOf(from) == s);
    reap(s);
}

KTEST(ipc, nonexistent_partner)
{
    L4_ThreadId_t ghost = fresh_thread_id();
    L4_Set_MsgTag(L4_Niltag);
    L4_MsgTag_t tag = L4_Send_Timeout(ghost, L4_ZeroTime);
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode(), (L4_ErrNonExist << 1) | 0);
    tag = L4_Receive_Timeout(ghost, L4_ZeroTime);
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode(), (L4_ErrNonExist << 1) | 1);
    // A stale version of a live thread does not exist either.
    L4_ThreadId_t server = spawn(echo);
    L4_ThreadId_t stale = L4_GlobalId(L4_ThreadNo(server), L4_Version(server) + 1);
    tag = L4_Send_Timeout(stale, L4_ZeroTime);
    CHECK_EQ(L4_ErrorCode(), (L4_ErrNonExist << 1) | 0);
    // A local id that names no thread.
    tag = L4_Send_Timeout((L4_ThreadId_t){0xbf0ff000}, L4_ZeroTime);
    CHECK_EQ(L4_ErrorCode(), (L4_ErrNonExist << 1) | 0);
    reap(server);
}

KTEST(ipc, propagation_names_the_virtual_sender)
{
    L4_ThreadId_t receiver = spawn(receive_once);
    L4_ThreadId_t virt = spawn([](L4_Word_t) { park(); });
    L4_Yield();
    L4_Set_VirtualSender(virt);
    L4_MsgTag_t out = L4_MsgTagMake(3, 1, 0);
    L4_Set_Propagation(&out);
    L4_LoadMR(1, 0xabc);
    L4_Set_MsgTag(out);
    L4_MsgTag_t tag = L4_Send(receiver);
    CHECK(L4_IpcSucceeded(tag));
    L4_ThreadId_t from;
    tag = L4_Wait_Timeout(L4_TimePeriod(100000), &from);
    CHECK(L4_IpcSucceeded(tag));
    L4_Word_t rtag, rfrom;
    L4_StoreMR(1, &rtag);
    L4_StoreMR(2, &rfrom);
    CHECK(L4_IpcPropagated((L4_MsgTag_t){rtag}));
    CHECK(L4_GlobalIdOf((L4_ThreadId_t){rfrom}) == virt);
    reap(receiver);
    reap(virt);
}

KTEST(ipc, propagation_for_a_kernel_thread_is_ignored)
{
    // A kernel thread (the idle thread at SystemBase) as virtual sender: it
    // has no space, so the message goes out unpropagated, to a receiver of
    // this space and of another one alike.
    L4_ThreadId_t receivers[] = {spawn(receive_once), spawn_in_new_space(receive_once)};
    for (L4_ThreadId_t receiver : receivers) {
        L4_Yield();
        L4_Set_VirtualSender(L4_GlobalId(L4_ThreadIdSystemBase(L4_GetKernelInterface()), 1));
        L4_MsgTag_t out = L4_MsgTagMake(3, 1, 0);
        L4_Set_Propagation(&out);
        L4_LoadMR(1, 0xabc);
        L4_Set_MsgTag(out);
        CHECK(L4_IpcSucceeded(L4_Send(receiver)));
        L4_ThreadId_t from;
        L4_MsgTag_t tag = L4_Wait_Timeout(L4_TimePeriod(100000), &from);
        CHECK(L4_IpcSucceeded(tag));
        L4_Word_t rtag, rfrom;
        L4_StoreMR(1, &rtag);
        L4_StoreMR(2, &rfrom);
        CHECK(!L4_IpcPropagated((L4_MsgTag_t){rtag}));
        CHECK(L4_GlobalIdOf((L4_ThreadId_t){rfrom}) == main_thread());
    }
    reap(receivers[0]);
    reap_space_thread(receivers[1]);
}

KTEST(ipc, redirection_to_the_redirector)
{
    // Redirect IPC leaving this space to a thread of this space.
    L4_ThreadId_t redirector = spawn(receive_once);
    L4_Yield();
    L4_Word_t old;
    CHECK_EQ(L4_SpaceControl(main_thread(), 0, L4_Nilpage, L4_Nilpage, redirector, &old), 1);
    L4_ThreadId_t sigma0 = L4_GlobalId(L4_ThreadIdUserBase(L4_GetKernelInterface()), 1);
    L4_LoadMR(1, 0x5a);
    L4_Set_MsgTag(L4_MsgTagMake(9, 1, 0));
    L4_MsgTag_t tag = L4_Send_Timeout(sigma0, L4_TimePeriod(100000));
    CHECK(L4_IpcSucceeded(tag));
    CHECK_EQ(L4_SpaceControl(main_thread(), 0, L4_Nilpage, L4_Nilpage, L4_anythread, &old), 1);
    L4_ThreadId_t from;
    tag = L4_Wait_Timeout(L4_TimePeriod(100000), &from);
    CHECK(L4_IpcSucceeded(tag));
    L4_Word_t rtag, rword;
    L4_StoreMR(1, &rtag);
    L4_StoreMR(3, &rword);
    CHECK(L4_IpcRedirected((L4_MsgTag_t){rtag}));
    CHECK_EQ(rword, 0x5a);
    reap(redirector);
}

KTEST(ipc, abort_receive_and_send_with_exchange_registers)
{
    L4_ThreadId_t r = spawn(receive_once);   // waits (forever) for anyone
    L4_Yield();
    L4_Word_t ctl, d;
    L4_ThreadId_t p;
    L4_ExchangeRegisters(r, 1u << 1, 0, 0, 0, 0, L4_nilthread, &ctl, &d, &d, &d, &d, &p);
    CHECK(ctl & (1u << 1));   // it was receiving
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait_Timeout(L4_TimePeriod(100000), &from);
    CHECK(L4_IpcSucceeded(tag));
    L4_Word_t rerr;
    L4_StoreMR(4, &rerr);
    CHECK_EQ(rerr, (L4_ErrCanceled << 1) | 1);
    reap(r);

    // A sender polling on main (which is not receiving): abort its send.
    L4_ThreadId_t s = spawn(send_word, 0);
    L4_Yield();
    L4_ExchangeRegisters(s, 1u << 2, 0, 0, 0, 0, L4_nilthread, &ctl, &d, &d, &d, &d, &p);
    CHECK(ctl & (1u << 2));   // it was sending
    tag = L4_Wait_Timeout(L4_TimePeriod(100000), &from);
    CHECK(L4_IpcSucceeded(tag));
    CHECK_EQ(L4_Label(tag), 0x56);   // send_word reports its failure
    L4_Word_t err;
    L4_StoreMR(1, &err);
    CHECK_EQ(err, (L4_ErrCanceled << 1) | 0);
    reap(s);
}

namespace {
// Sends an empty message to the thread given as argument and reports the
// error code to main (label 0x57).
void send_and_report(L4_Word_t to)
{
    L4_Set_MsgTag(L4_Niltag);
    L4_MsgTag_t tag = L4_Send((L4_ThreadId_t){to});
    L4_LoadMR(1, L4_IpcFailed(tag) ? L4_ErrorCode() : 0);
    L4_Set_MsgTag(L4_MsgTagMake(0x57, 1, 0));
    L4_Send(main_thread());
}
} // namespace

KTEST(ipc, deleting_the_receiver_fails_its_senders)
{
    L4_ThreadId_t victim = spawn([](L4_Word_t) { park(); });
    L4_ThreadId_t sender = spawn(send_and_report, victim.raw);
    L4_Yield();
    reap(victim);   // the sender was polling on it
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait_Timeout(L4_TimePeriod(100000), &from);
    CHECK(L4_IpcSucceeded(tag));
    CHECK_EQ(L4_Label(tag), 0x57);
    L4_Word_t err;
    L4_StoreMR(1, &err);
    CHECK_EQ(err, (L4_ErrNonExist << 1) | 0);
    reap(sender);
}
