// String IPC: simple, multiple, scatter/gather and compound strings, the
// overflow rules, large strings, page faults on both sides tunnelled to the
// right pager, transfer timeouts, and aborting or deleting a partner
// mid-copy.
#include "ktest.h"
#include "spaces.h"
#include <l4/ipc.h>
#include <l4/sigma0.h>
#include <l4/thread.h>

using namespace ktest;

extern "C" char __image_start[], _end[];

namespace {

// Buffers of the root task (shared with child spaces through the identity
// pager, which maps the image 1:1).
alignas(4096) char send_buffer[5 * 4096];
alignas(4096) char receive_buffer[5 * 4096];

void fill(char* p, L4_Word_t n, unsigned seed)
{
    for (L4_Word_t i = 0; i < n; i++)
        p[i] = char(seed + i * 7);
}

bool same(const char* p, L4_Word_t n, unsigned seed)
{
    for (L4_Word_t i = 0; i < n; i++)
        if (p[i] != char(seed + i * 7))
            return false;
    return true;
}

// A receiver in a new space: waits for one message into buffers described
// by `layout`, then reports tag and error code to main (label 0x61).
enum Layout : L4_Word_t { one_buffer, two_buffers, compound_buffer, no_strings, small_buffer, far_buffer };

constexpr L4_Word_t far_address = 0x38000000;   // faulted in by the test pager

void receiver(L4_Word_t layout)
{
    L4_Word_t b = (L4_Word_t)receive_buffer;
    switch (layout) {
    case one_buffer: L4_AcceptString(receive_buffer, 4 * 4096); break;
    case small_buffer: L4_AcceptString(receive_buffer, 100); break;
    case far_buffer: L4_AcceptString((void*)far_address, 3 * 4096); break;
    case no_strings: L4_Accept(L4_UntypedWordsAcceptor); break;
    case two_buffers:
        L4_LoadBR(0, L4_StringItemsAcceptor.raw);
        L4_LoadBR(1, L4_StringHeader(64, 1, 0, 1));   // more buffers follow
        L4_LoadBR(2, b);
        L4_LoadBR(3, L4_StringHeader(64, 1, 0, 0));
        L4_LoadBR(4, b + 1024);
        break;
    case compound_buffer:
        // 3 substrings of 30 bytes, continued by one of 200 bytes.
        L4_LoadBR(0, L4_StringItemsAcceptor.raw);
        L4_LoadBR(1, L4_StringHeader(30, 3, 1, 0));
        L4_LoadBR(2, b);
        L4_LoadBR(3, b + 100);
        L4_LoadBR(4, b + 200);
        L4_LoadBR(5, L4_StringHeader(200, 1, 0, 0));
        L4_LoadBR(6, b + 300);
        break;
    }
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait_Timeout(L4_TimePeriod(2000000), &from);
    L4_Word_t err = L4_IpcFailed(tag) ? L4_ErrorCode() : 0;
    L4_LoadMR(1, tag.raw);
    L4_LoadMR(2, err);
    L4_Set_MsgTag(L4_MsgTagMake(0x61, 2, 0));
    L4_Send_Timeout(main_thread(), L4_TimePeriod(2000000));
}

struct Report {
    L4_MsgTag_t tag;
    L4_Word_t error;
};

Report receiver_report()
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait_Timeout(L4_TimePeriod(3000000), &from);
    Report r{{~0ul}, ~0ul};
    if (L4_IpcSucceeded(tag) && L4_Label(tag) == 0x61) {
        L4_StoreMR(1, &r.tag.raw);
        L4_StoreMR(2, &r.error);
    }
    return r;
}

// Sends one simple string of n bytes from `p` (and waits for the receiver
// to be ready first).
L4_MsgTag_t send_string(L4_ThreadId_t to, const void* p, L4_Word_t n)
{
    L4_Msg_t m;
    L4_MsgClear(&m);
    L4_MsgAppendWord(&m, 0x5eed);
    L4_MsgAppendSimpleStringItem(&m, p, n);
    L4_MsgLoad(&m);
    return L4_Send_Timeout(to, L4_TimePeriod(2000000));
}

// The test pager: the image 1:1; pages at far_address per `far_mode`.
enum FarMode : L4_Word_t { far_map, far_slow, far_never };
volatile L4_Word_t far_mode;
volatile L4_Word_t far_faults;
alignas(4096) char far_pages[3 * 4096];

[[noreturn]] void test_pager(L4_Word_t)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait(&from);
    for (;;) {
        L4_Word_t address;
        L4_StoreMR(1, &address);
        if (L4_IpcFailed(tag) || (L4_Label(tag) >> 4) != (kernel_label(-2) >> 4)) {
            tag = L4_Wait(&from);
            continue;
        }
        L4_Word_t page = address & ~0xffful, source = page;
        if (page >= far_address && page < far_address + sizeof far_pages) {
            far_faults = far_faults + 1;
            if (far_mode == far_never) {
                tag = L4_Wait(&from);   // never answers
                continue;
            }
            if (far_mode == far_slow)
                L4_Sleep(L4_TimePeriod(20000));
            source = (L4_Word_t)far_pages + (page - far_address);
        } else if (address < (L4_Word_t)__image_start || address >= (L4_Word_t)_end) {
            tag = L4_Wait(&from);
            continue;
        }
        L4_Msg_t m;
        L4_MsgClear(&m);
        L4_MsgAppendMapItem(&m, L4_MapItem(L4_FpageAddRights(L4_FpageLog2(source, 12), 7), page));
        L4_MsgLoad(&m);
        tag = L4_ReplyWait(from, &from);
    }
}

L4_ThreadId_t the_test_pager()
{
    static L4_ThreadId_t p;
    if (L4_IsNilThread(p))
        p = spawn(test_pager, 0, 140);
    return p;
}

} // namespace

KTEST(strings, simple_string_between_spaces)
{
    fill(send_buffer, 1000, 1);
    for (char& c : receive_buffer)
        c = 0;
    L4_ThreadId_t r = spawn_in_new_space(receiver, one_buffer);
    L4_Sleep(L4_TimePeriod(1000));
    CHECK(L4_IpcSucceeded(send_string(r, send_buffer, 1000)));
    Report rep = receiver_report();
    CHECK(L4_IpcSucceeded(rep.tag));
    CHECK_EQ(L4_TypedWords(rep.tag), 2);
    CHECK(same(receive_buffer, 1000, 1));
    reap_space_thread(r);
}

KTEST(strings, two_strings_into_two_buffers)
{
    fill(send_buffer, 64, 2);
    fill(send_buffer + 200, 40, 3);
    L4_ThreadId_t r = spawn_in_new_space(receiver, two_buffers);
    L4_Sleep(L4_TimePeriod(1000));
    L4_Msg_t m;
    L4_MsgClear(&m);
    L4_MsgAppendSimpleStringItem(&m, send_buffer, 64);
    L4_MsgAppendSimpleStringItem(&m, send_buffer + 200, 40);
    L4_MsgLoad(&m);
    CHECK(L4_IpcSucceeded(L4_Send_Timeout(r, L4_TimePeriod(2000000))));
    Report rep = receiver_report();
    CHECK(L4_IpcSucceeded(rep.tag));
    CHECK(same(receive_buffer, 64, 2));
    CHECK(same(receive_buffer + 1024, 40, 3));
    reap_space_thread(r);
}

KTEST(strings, gather_into_compound_scattered_buffers)
{
    // One send item with two substrings of 60 bytes (gather) fills the
    // receiver's three 30-byte substrings and spills into its compound
    // continuation (scatter).
    fill(send_buffer, 60, 4);
    fill(send_buffer + 500, 60, 64);
    for (char& c : receive_buffer)
        c = 0;
    L4_ThreadId_t r = spawn_in_new_space(receiver, compound_buffer);
    L4_Sleep(L4_TimePeriod(1000));
    L4_LoadMR(1, L4_StringHeader(60, 2, 0, 0));
    L4_LoadMR(2, (L4_Word_t)send_buffer);
    L4_LoadMR(3, (L4_Word_t)send_buffer + 500);
    L4_Set_MsgTag(L4_MsgTagMake(0, 0, 3));
    CHECK(L4_IpcSucceeded(L4_Send_Timeout(r, L4_TimePeriod(2000000))));
    Report rep = receiver_report();
    CHECK(L4_IpcSucceeded(rep.tag));
    CHECK(same(receive_buffer, 30, 4));
    CHECK(same(receive_buffer + 100, 30, 4 + 30 * 7));
    CHECK(same(receive_buffer + 200, 30, 64));
    CHECK(same(receive_buffer + 300, 30, 64 + 30 * 7));
    reap_space_thread(r);
}

KTEST(strings, overflow_rules)
{
    fill(send_buffer, 300, 5);
    // A buffer too small: overflow for both, offset = bytes moved (100).
    L4_ThreadId_t r = spawn_in_new_space(receiver, small_buffer);
    L4_Sleep(L4_TimePeriod(1000));
    L4_MsgTag_t tag = send_string(r, send_buffer, 300);
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode(), (100ul << 4) | (L4_ErrMsgOverflow << 1) | 0);
    Report rep = receiver_report();
    CHECK_EQ(rep.error, (100ul << 4) | (L4_ErrMsgOverflow << 1) | 1);
    CHECK(same(receive_buffer, 100, 5));
    reap_space_thread(r);
    // No string acceptance at all.
    r = spawn_in_new_space(receiver, no_strings);
    L4_Sleep(L4_TimePeriod(1000));
    tag = send_string(r, send_buffer, 10);
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode() & 0xf, (L4_ErrMsgOverflow << 1) | 0);
    rep = receiver_report();
    CHECK_EQ(rep.error & 0xf, (L4_ErrMsgOverflow << 1) | 1);
    reap_space_thread(r);
}

KTEST(strings, large_string_of_4_mib)
{
    // Source and destination from sigma0: 4 MiB each.  A substring is at
    // most 4 MiB - 1 bytes (22 length bits on 32-bit machines), so 4 MiB
    // travel as two substrings of 2 MiB into a buffer of two substrings.
    L4_Fpage_t a = L4_Sigma0_GetAny(L4_Sigma0Id(), 22, L4_FpageLog2(0x28000000, 26));
    L4_Fpage_t b = L4_Sigma0_GetAny(L4_Sigma0Id(), 22, L4_FpageLog2(0x2c000000, 26));
    CHECK(!L4_IsNilFpage(a) && !L4_IsNilFpage(b));
    if (L4_IsNilFpage(a) || L4_IsNilFpage(b))
        return;
    char* src = (char*)(0x28000000 + (L4_Address(a) & ((1ul << 26) - 1)));
    char* dst = (char*)(0x2c000000 + (L4_Address(b) & ((1ul << 26) - 1)));
    const L4_Word_t half = 2ul << 20;
    fill(src, 2 * half, 6);
    struct Big {
        static void run(L4_Word_t dst_address)
        {
            L4_LoadBR(0, L4_StringItemsAcceptor.raw);
            L4_LoadBR(1, L4_StringHeader(2ul << 20, 2, 0, 0));
            L4_LoadBR(2, dst_address);
            L4_LoadBR(3, dst_address + (2ul << 20));
            L4_ThreadId_t from;
            L4_MsgTag_t tag = L4_Wait_Timeout(L4_TimePeriod(20000000), &from);
            L4_LoadMR(1, tag.raw);
            L4_LoadMR(2, L4_IpcFailed(tag) ? L4_ErrorCode() : 0);
            L4_Set_MsgTag(L4_MsgTagMake(0x61, 2, 0));
            L4_Send(main_thread());
        }
    };
    L4_ThreadId_t r = spawn(Big::run, (L4_Word_t)dst);   // same space: a plain copy
    L4_Yield();
    L4_LoadMR(1, L4_StringHeader(half, 2, 0, 0));
    L4_LoadMR(2, (L4_Word_t)src);
    L4_LoadMR(3, (L4_Word_t)src + half);
    L4_Set_MsgTag(L4_MsgTagMake(0, 0, 3));
    L4_Clock_t t0 = L4_SystemClock();
    CHECK(L4_IpcSucceeded(L4_Send_Timeout(r, L4_TimePeriod(2000000))));
    L4_Clock_t t1 = L4_SystemClock();
    Report rep = receiver_report();
    CHECK(L4_IpcSucceeded(rep.tag));
    CHECK(same(dst, 2 * half, 6));
    printf("    4 MiB string copied in %lu us\n", (L4_Word_t)(t1.raw - t0.raw));
    reap(r);
}

KTEST(strings, page_faults_in_the_receiver_go_to_its_pager)
{
    far_mode = far_map;
    far_faults = 0;
    fill(send_buffer, 3 * 4096, 7);
    L4_ThreadId_t r = spawn_in_new_space(receiver, far_buffer, the_test_pager());
    L4_Sleep(L4_TimePeriod(1000));
    CHECK(L4_IpcSucceeded(send_string(r, send_buffer, 3 * 4096)));
    Report rep = receiver_report();
    CHECK(L4_IpcSucceeded(rep.tag));
    CHECK_EQ(far_faults, 3);   // one tunnelled fault per page
    CHECK(same(far_pages, 3 * 4096, 7));
    reap_space_thread(r);
}

KTEST(strings, page_faults_in_the_sender_go_to_its_pager)
{
    // A sender in a new space sends from pages it has not touched yet.
    fill(send_buffer, 2 * 4096 + 100, 8);
    for (char& c : receive_buffer)
        c = 0;
    struct Sender {
        static void run(L4_Word_t to)
        {
            L4_MsgTag_t tag = send_string((L4_ThreadId_t){to}, send_buffer, 2 * 4096 + 100);
            L4_LoadMR(1, tag.raw);
            L4_Set_MsgTag(L4_MsgTagMake(0x62, 1, 0));
            L4_Send(main_thread());
        }
    };
    L4_ThreadId_t r = spawn(receiver, one_buffer);
    L4_Yield();
    L4_ThreadId_t s = spawn_in_new_space(Sender::run, r.raw);
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Receive_Timeout(r, L4_TimePeriod(3000000));
    CHECK(L4_IpcSucceeded(tag) && L4_Label(tag) == 0x61);
    CHECK(same(receive_buffer, 2 * 4096 + 100, 8));
    tag = L4_Receive_Timeout(s, L4_TimePeriod(3000000));
    (void)from;
    reap(r);
    reap_space_thread(s);
}

KTEST(strings, transfer_timeouts_zero_and_expiring)
{
    fill(send_buffer, 3 * 4096, 9);
    // Zero: the first missing receiver page ends the transfer at once.
    far_mode = far_map;
    L4_ThreadId_t r = spawn_in_new_space(receiver, far_buffer, the_test_pager());
    L4_Sleep(L4_TimePeriod(1000));
    L4_Set_XferTimeouts(L4_Timeouts(L4_ZeroTime, L4_ZeroTime));
    L4_MsgTag_t tag = send_string(r, send_buffer, 3 * 4096);
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode(), (L4_ErrXferTimeoutPartner << 1) | 0);   // offset 0
    Report rep = receiver_report();
    CHECK_EQ(rep.error, (L4_ErrXferTimeoutSelf << 1) | 1);
    reap_space_thread(r);

    // Expiring: a pager slower than the transfer timeout.
    far_mode = far_slow;
    r = spawn_in_new_space(receiver, far_buffer, the_test_pager());
    L4_Sleep(L4_TimePeriod(1000));
    L4_Set_XferTimeouts(L4_Timeouts(L4_TimePeriod(5000), L4_Never));
    tag = send_string(r, send_buffer, 3 * 4096);
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode() & 0xf, (L4_ErrXferTimeoutPartner << 1) | 0);
    rep = receiver_report();
    CHECK_EQ(rep.error & 0xf, (L4_ErrXferTimeoutSelf << 1) | 1);
    L4_Set_XferTimeouts(0);
    far_mode = far_map;
    L4_Sleep(L4_TimePeriod(30000));   // let the slow pager finish
    reap_space_thread(r);
}

namespace {
volatile L4_Word_t sender_result;
void blocked_sender(L4_Word_t to)
{
    L4_MsgTag_t tag = send_string((L4_ThreadId_t){to}, send_buffer, 3 * 4096);
    sender_result = L4_IpcFailed(tag) ? L4_ErrorCode() : 1;
    park();
}
} // namespace

KTEST(strings, aborting_either_partner_mid_copy)
{
    fill(send_buffer, 3 * 4096, 10);
    // The receiver's pager never answers: the copy hangs in the first page.
    far_mode = far_never;
    L4_ThreadId_t r = spawn_in_new_space(receiver, far_buffer, the_test_pager());
    L4_Sleep(L4_TimePeriod(1000));
    sender_result = 0;
    L4_ThreadId_t s = spawn(blocked_sender, r.raw);
    L4_Sleep(L4_TimePeriod(2000));
    L4_Word_t old;
    CHECK_EQ(L4_Schedule(s, ~0ul, ~0ul, ~0ul, ~0ul, &old), L4_SCHEDRESULT_SENDING);
    // Abort the sender.
    L4_Word_t ctl, d;
    L4_ThreadId_t p;
    L4_ExchangeRegisters(s, 1u << 2, 0, 0, 0, 0, L4_nilthread, &ctl, &d, &d, &d, &d, &p);
    CHECK(ctl & (1u << 2));
    L4_Sleep(L4_TimePeriod(2000));
    CHECK_EQ(sender_result & 0xf, (L4_ErrAborted << 1) | 0);
    Report rep = receiver_report();
    CHECK_EQ(rep.error & 0xf, (L4_ErrAborted << 1) | 1);
    reap(s);
    reap_space_thread(r);

    // Deleting the receiver mid-copy.
    r = spawn_in_new_space(receiver, far_buffer, the_test_pager());
    L4_Sleep(L4_TimePeriod(1000));
    sender_result = 0;
    s = spawn(blocked_sender, r.raw);
    L4_Sleep(L4_TimePeriod(2000));
    reap_space_thread(r);
    L4_Sleep(L4_TimePeriod(2000));
    CHECK_EQ(sender_result & 0xf, (L4_ErrAborted << 1) | 0);
    reap(s);
    far_mode = far_map;
}

namespace {
volatile L4_Word_t aborter_saw_receive;
void abort_receive_of(L4_Word_t t)
{
    L4_Word_t ctl, d;
    L4_ThreadId_t p;
    L4_ExchangeRegisters((L4_ThreadId_t){t}, 1u << 1, 0, 0, 0, 0, L4_nilthread, &ctl, &d, &d, &d, &d, &p);
    aborter_saw_receive = (ctl >> 1) & 1;
    park();
}
} // namespace

KTEST(strings, aborting_the_receive_mid_copy)
{
    // The receiver's own receive phase is aborted while its pager stalls
    // the copy: both sides end with "aborted", each in its phase.
    fill(send_buffer, 3 * 4096, 11);
    far_mode = far_never;
    L4_ThreadId_t r = spawn_in_new_space(receiver, far_buffer, the_test_pager());
    L4_Sleep(L4_TimePeriod(1000));
    sender_result = 0;
    L4_ThreadId_t s = spawn(blocked_sender, r.raw);
    L4_Sleep(L4_TimePeriod(2000));
    L4_Word_t old;
    CHECK_EQ(L4_Schedule(r, ~0ul, ~0ul, ~0ul, ~0ul, &old), L4_SCHEDRESULT_RECEIVING);
    // ExchangeRegisters reaches only threads of the caller's space: a
    // second thread of the receiver's space aborts it.
    aborter_saw_receive = 0;
    L4_ThreadId_t a = spawn_in_space(r, abort_receive_of, r.raw);
    L4_Sleep(L4_TimePeriod(2000));
    CHECK_EQ(aborter_saw_receive, 1);
    CHECK_EQ(sender_result & 0xf, (L4_ErrAborted << 1) | 0);
    Report rep = receiver_report();
    CHECK_EQ(rep.error & 0xf, (L4_ErrAborted << 1) | 1);
    reap(s);
    reap_space_thread(a);
    reap_space_thread(r);
    far_mode = far_map;
}

namespace {
// A receiver whose single buffer is at `address` (hostile placements).
void receiver_at(L4_Word_t address) { receive_one_string_and_report((void*)address, 8192, 2000000); }
} // namespace

KTEST(strings, strings_outside_user_space_overflow_at_once)
{
    // Send strings in kernel memory or wrapping around the address space,
    // and receive buffers there: the message is malformed, both partners get
    // "message overflow" and nothing is copied or faulted for.
    const L4_Word_t kernel = user_space_end(), top = ~0ul & ~0xffful;
    const L4_Word_t sources[] = {kernel, top, kernel - 4096};
    for (L4_Word_t src : sources) {
        L4_ThreadId_t r = spawn(receiver, one_buffer);
        L4_Yield();
        L4_MsgTag_t tag = send_string(r, (const void*)src, 8192);
        CHECK(L4_IpcFailed(tag));
        CHECK_EQ(L4_ErrorCode() & 0xf, (L4_ErrMsgOverflow << 1) | 0);
        Report rep = receiver_report();
        CHECK_EQ(rep.error & 0xf, (L4_ErrMsgOverflow << 1) | 1);
        reap(r);
    }
    fill(send_buffer, 8192, 12);
    const L4_Word_t buffers[] = {kernel, top, kernel - 4096, kernel + 0x10000000};
    for (L4_Word_t dst : buffers) {
        L4_ThreadId_t r = spawn(receiver_at, dst);
        L4_Yield();
        L4_MsgTag_t tag = send_string(r, send_buffer, 8192);
        CHECK(L4_IpcFailed(tag));
        CHECK_EQ(L4_ErrorCode() & 0xf, (L4_ErrMsgOverflow << 1) | 0);
        Report rep = receiver_report();
        CHECK_EQ(rep.error & 0xf, (L4_ErrMsgOverflow << 1) | 1);
        reap(r);
    }
}

namespace {
// A new thread of our space, not started yet, whose start-up message
// carries a string into buffers at far_address (faulted in by the test
// pager, which its UTCB names as pager once its start-up partner is set).
struct Unstarted {
    L4_ThreadId_t id;
    L4_Word_t utcb;
};
L4_ThreadId_t start_up_target;
volatile L4_Word_t start_up_xfer_timeouts;
volatile L4_Word_t started_thread_runs;
L4_Word_t started_thread_stack[512];

[[noreturn]] void run_once_started()
{
    started_thread_runs = started_thread_runs + 1;
    park();
}

// The new thread's start-up partner: sends MR1 = IP, MR2 = SP and a string
// of three pages, then reports the tag and error code (label 0x61).
void start_up_sender(L4_Word_t)
{
    L4_Msg_t m;
    L4_MsgClear(&m);
    L4_MsgAppendWord(&m, (L4_Word_t)&run_once_started);
    L4_MsgAppendWord(&m, (L4_Word_t)&started_thread_stack[500]);
    L4_MsgAppendSimpleStringItem(&m, send_buffer, 3 * 4096);
    L4_MsgLoad(&m);
    L4_Set_XferTimeouts(start_up_xfer_timeouts);
    L4_MsgTag_t tag = L4_Send_Timeout(start_up_target, L4_TimePeriod(2000000));
    L4_LoadMR(1, tag.raw);
    L4_LoadMR(2, L4_IpcFailed(tag) ? L4_ErrorCode() : 0);
    L4_Set_MsgTag(L4_MsgTagMake(0x61, 2, 0));
    L4_Send_Timeout(main_thread(), L4_TimePeriod(2000000));
}

Unstarted unstarted_thread_waiting_for(L4_ThreadId_t sender)
{
    Unstarted t{fresh_thread_id(), free_utcb_slot()};
    if (L4_ThreadControl(t.id, main_thread(), main_thread(), sender, (void*)t.utcb) != 1)
        return {L4_nilthread, t.utcb};
    // Its buffers: BRs below MR0 in its UTCB (of our space), as L4_LoadBR writes them.
    L4_Word_t* mr0 = (L4_Word_t*)(t.utcb + 64 * sizeof(L4_Word_t));
    mr0[__L4_BR0 - 0] = L4_StringItemsAcceptor.raw;
    mr0[__L4_BR0 - 1] = L4_StringHeader(3 * 4096, 1, 0, 0);
    mr0[__L4_BR0 - 2] = far_address;
    L4_Set_PagerOf(t.id, the_test_pager());   // its buffer faults go there
    return t;
}

void reap_unstarted(Unstarted t)
{
    L4_ThreadControl(t.id, L4_nilthread, L4_nilthread, L4_nilthread, (void*)-1);
    release_utcb_slot(t.utcb);
}
} // namespace

KTEST(strings, a_start_up_message_with_strings_faults_the_new_threads_buffers_in)
{
    fill(send_buffer, 3 * 4096, 13);
    // A start-up message whose strings fail (the pager never answers, the
    // transfer times out) starts nothing: the thread still waits.
    far_mode = far_never;
    start_up_xfer_timeouts = L4_Timeouts(L4_TimePeriod(20000), L4_TimePeriod(20000));
    started_thread_runs = 0;
    // The sender runs once we block (it has a lower priority).
    L4_ThreadId_t s = spawn(start_up_sender, 0, 90);
    Unstarted t = unstarted_thread_waiting_for(s);
    CHECK(!L4_IsNilThread(t.id));
    start_up_target = t.id;
    Report rep = receiver_report();
    CHECK(L4_IpcFailed(rep.tag));
    CHECK_EQ(rep.error & 0xf, (L4_ErrXferTimeoutPartner << 1) | 0);
    L4_Sleep(L4_TimePeriod(2000));
    CHECK_EQ(started_thread_runs, 0);
    L4_Word_t ctl, d;
    L4_ThreadId_t p;
    L4_ExchangeRegisters(t.id, 0, 0, 0, 0, 0, L4_nilthread, &ctl, &d, &d, &d, &d, &p);
    CHECK(ctl & (1u << 1));   // in its receive phase
    reap_unstarted(t);
    reap(s);

    // Resolved faults: the new thread gets its strings and starts.
    far_mode = far_map;
    far_faults = 0;
    start_up_xfer_timeouts = 0;
    s = spawn(start_up_sender, 0, 90);
    t = unstarted_thread_waiting_for(s);
    CHECK(!L4_IsNilThread(t.id));
    start_up_target = t.id;
    rep = receiver_report();
    CHECK(L4_IpcSucceeded(rep.tag));
    CHECK_EQ(far_faults, 3);
    CHECK(same(far_pages, 3 * 4096, 13));
    L4_Sleep(L4_TimePeriod(2000));
    CHECK_EQ(started_thread_runs, 1);
    reap_unstarted(t);
    reap(s);
    // Our own alias of far_pages goes again.
    L4_LoadMR(0, L4_FpageAddRights(L4_FpageLog2(far_address, 14), 7).raw);
    L4_Unmap(0x40);
}
