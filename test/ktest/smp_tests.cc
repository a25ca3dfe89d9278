// Multiprocessor behaviour (seed 002): processor numbers, migration through
// Schedule only, every IPC form across CPUs with the X flag and the option
// to fail instead, timeouts, aborts and deletions from another CPU, string
// IPC with page faults on both sides across CPUs, migration under IPC load
// and TLB shootdown.  On one CPU each case checks the single-CPU rules.
#include "fpu_worker.h"
#include "ktest.h"
#include "spaces.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/kdebug.h>
#include <l4/kip.h>
#include <l4/thread.h>

using namespace ktest;

namespace {

L4_Word_t cpus() { return L4_NumProcessors(L4_GetKernelInterface()); }
// The n-th CPU other than CPU 0 (wrapping), or 0 on one CPU.
L4_Word_t other_cpu(L4_Word_t n = 0) { return cpus() == 1 ? 0 : 1 + n % (cpus() - 1); }

bool move_to(L4_ThreadId_t t, L4_Word_t cpu)
{
    L4_Word_t result = L4_Set_ProcessorNo(t, cpu);
    return result != L4_SCHEDRESULT_ERROR;
}

// Answers every call with its CPU as the kernel sees it and as the UTCB
// says, the words it got plus one, and whether the request had the X flag.
void where_server(L4_Word_t)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait(&from);
    for (;;) {
        if (L4_IpcFailed(tag)) {
            tag = L4_Wait(&from);
            continue;
        }
        L4_Word_t u = L4_UntypedWords(tag);
        for (L4_Word_t i = u; i >= 1; i--) {   // top down: MR i + 3 is read first
            L4_Word_t w;
            L4_StoreMR((int)i, &w);
            L4_LoadMR((int)i + 3, w + 1);
        }
        L4_LoadMR(1, L4_KDB_CurrentProcessor());
        L4_LoadMR(2, L4_ProcessorNo());
        L4_LoadMR(3, L4_IpcXcpu(tag));
        L4_Set_MsgTag(L4_MsgTagMake(0x3e, u + 3 > 63 ? 63 : u + 3, 0));
        tag = L4_ReplyWait(from, &from);
    }
}

struct Where {
    bool ok;
    L4_Word_t cpu, processor_no, request_xcpu;
    bool reply_xcpu;
};

Where ask(L4_ThreadId_t server)
{
    L4_Set_MsgTag(L4_MsgTagMake(0x3d, 0, 0));
    L4_MsgTag_t tag = L4_Call_Timeouts(server, L4_TimePeriod(1000000), L4_TimePeriod(1000000));
    Where w{L4_IpcSucceeded(tag) && L4_Label(tag) == 0x3e, 0, 0, 0, L4_IpcXcpu(tag) != 0};
    L4_StoreMR(1, &w.cpu);
    L4_StoreMR(2, &w.processor_no);
    L4_StoreMR(3, &w.request_xcpu);
    return w;
}

volatile L4_Word_t spin_count[4];
volatile L4_Word_t spin_cpu[4];
volatile bool spin_stop;

// Spins (never blocking) and publishes where it runs.
void spinner(L4_Word_t slot)
{
    while (!spin_stop) {
        spin_count[slot] = spin_count[slot] + 1;
        spin_cpu[slot] = L4_KDB_CurrentProcessor();
    }
    park();
}

void sleeper(L4_Word_t) { park(); }

void wait_until(volatile L4_Word_t& v, L4_Word_t value, unsigned ms)
{
    for (unsigned i = 0; i < ms && v != value; i++)
        L4_Sleep(L4_TimePeriod(1000));
}

} // namespace

KTEST(smp, processor_numbers_are_published)
{
    L4_KernelInterfacePage_t* kip = L4_GetKernelInterface();
    L4_Word_t n = cpus();
    CHECK(n >= 1 && n <= 32);
    CHECK_EQ(L4_ProcessorNo(), 0);           // the root task starts on the boot CPU
    CHECK_EQ(L4_KDB_CurrentProcessor(), 0);
    // Every CPU has a processor descriptor with its internal frequency.
    const L4_Word_t* pd = (const L4_Word_t*)((const char*)kip + kip->processor_descriptors);
    L4_Word_t desc_words = (1ul << (kip->processor_info >> (8 * sizeof(L4_Word_t) - 4))) / sizeof(L4_Word_t);
    for (L4_Word_t i = 0; i < n; i++)
        CHECK(pd[i * desc_words + 1] != 0);
    // Processor numbers run from 0 to n - 1.
    L4_ThreadId_t t = spawn(where_server);
    L4_Word_t old;
    CHECK_EQ(L4_Schedule(t, ~0ul, n, ~0ul, ~0ul, &old), L4_SCHEDRESULT_ERROR);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidParam);
    CHECK_EQ(L4_ProcessorControl(n, 0, 0, 0), 0);
    CHECK_EQ(L4_ProcessorControl(n - 1, 0, 0, 0), 1);
    Where w = ask(t);
    CHECK(w.ok && w.cpu == 0 && w.processor_no == 0);
    reap(t);
}

KTEST(smp, migration_moves_threads_between_cpus)
{
    // A waiting server, to every CPU and back: its user code runs where
    // its ProcessorNo says.
    L4_ThreadId_t t = spawn(where_server);
    for (L4_Word_t round = 0; round < 2; round++)
        for (L4_Word_t cpu = 0; cpu < cpus(); cpu++) {
            CHECK(move_to(t, cpu));
            Where w = ask(t);
            CHECK(w.ok);
            CHECK_EQ(w.cpu, cpu);
            CHECK_EQ(w.processor_no, cpu);
        }
    reap(t);
    // A thread that never blocks moves too.
    spin_stop = false;
    spin_count[0] = 0;
    spin_cpu[0] = ~0ul;
    L4_ThreadId_t s = spawn(spinner, 0, 90);
    for (L4_Word_t cpu = cpus(); cpu-- > 0;) {
        CHECK(move_to(s, cpu));
        wait_until(spin_cpu[0], cpu, 200);
        CHECK_EQ(spin_cpu[0], cpu);
    }
    L4_Word_t before = spin_count[0];
    L4_Sleep(L4_TimePeriod(5000));
    CHECK(spin_count[0] != before);   // still running
    spin_stop = true;
    L4_Sleep(L4_TimePeriod(2000));
    reap(s);
}

KTEST(smp, fpu_state_travels_with_a_migrating_thread)
{
    // Workers keeping values in FPU registers, moved between CPUs while
    // they compute (ready or preempted, with their FPU state perhaps still
    // live in the old CPU's FPU): the state is saved before they leave.
    L4_ThreadId_t t[fpu_workers];
    for (L4_Word_t i = 0; i < fpu_workers; i++) {
        fpu_errors[i] = 0;
        fpu_rounds[i] = 0;
        t[i] = spawn(fpu_worker, i, 60);
    }
    for (L4_Word_t step = 0; step < 40; step++) {
        CHECK(move_to(t[step % fpu_workers], (step / fpu_workers) % cpus()));
        L4_Sleep(L4_TimePeriod(1000));
    }
    // Halted first: QEMU's single-threaded icount scheduler can starve a
    // CPU spinning in the kernel (the TLB shootdown of a deletion) while
    // another runs a thread that never blocks.
    for (L4_Word_t i = 0; i < fpu_workers; i++)
        L4_Stop(t[i]);
    for (L4_Word_t i = 0; i < fpu_workers; i++) {
        CHECK(fpu_rounds[i] > 2);
        CHECK_EQ(fpu_errors[i], 0);
        reap(t[i]);
    }
}

KTEST(smp, a_thread_does_not_migrate_itself)
{
    // Seed 002, implementation decision 4: the request is ignored.  The
    // root task is its own scheduler.
    L4_Word_t old;
    CHECK(L4_Schedule(main_thread(), ~0ul, other_cpu(), ~0ul, ~0ul, &old) != L4_SCHEDRESULT_ERROR);
    CHECK_EQ(L4_ProcessorNo(), 0);
    CHECK_EQ(L4_KDB_CurrentProcessor(), 0);
}

namespace {
L4_Word_t child_utcb;
} // namespace

KTEST(smp, new_threads_start_on_the_creators_cpu)
{
    struct Creator {
        static void run(L4_Word_t id)
        {
            L4_ThreadId_t me = L4_Myself(), t = {id};
            L4_Word_t utcb = child_utcb;
            L4_Word_t ok = L4_ThreadControl(t, me, me, me, (void*)utcb);
            // The kernel wrote its processor number into its UTCB (ours to read).
            const L4_Word_t* child_mrs = (const L4_Word_t*)(utcb + 64 * sizeof(L4_Word_t));
            L4_Word_t where = ok == 1 ? child_mrs[__L4_TCR_PROCESSOR_NO] : ~0ul;
            L4_ThreadControl(t, L4_nilthread, L4_nilthread, L4_nilthread, (void*)-1);
            L4_LoadMR(1, ok);
            L4_LoadMR(2, where);
            L4_LoadMR(3, L4_ProcessorNo());
            L4_Set_MsgTag(L4_MsgTagMake(0x5d, 3, 0));
            L4_Send(main_thread());
            park();
        }
    };
    L4_ThreadId_t child = fresh_thread_id();
    child_utcb = free_utcb_slot();
    L4_ThreadId_t c = spawn(Creator::run, child.raw);
    CHECK(move_to(c, other_cpu()));
    L4_MsgTag_t tag = L4_Receive_Timeout(c, L4_TimePeriod(2000000));
    CHECK(L4_IpcSucceeded(tag) && L4_Label(tag) == 0x5d);
    L4_Word_t ok, where, creator_cpu;
    L4_StoreMR(1, &ok);
    L4_StoreMR(2, &where);
    L4_StoreMR(3, &creator_cpu);
    CHECK_EQ(ok, 1);
    CHECK_EQ(creator_cpu, other_cpu());
    CHECK_EQ(where, other_cpu());
    reap(c);
    release_utcb_slot(child_utcb);
}

KTEST(smp, every_ipc_form_across_cpus)
{
    L4_ThreadId_t server = spawn(where_server);
    CHECK(move_to(server, other_cpu()));
    bool cross = cpus() > 1;
    // Call with 0 and all 60 free untyped words; the X flag on both sides.
    const L4_Word_t sizes[] = {0, 60};
    for (L4_Word_t u : sizes) {
        for (L4_Word_t i = 1; i <= u; i++)
            L4_LoadMR((int)i, i * 3);
        L4_Set_MsgTag(L4_MsgTagMake(0x3d, u, 0));
        L4_MsgTag_t tag = L4_Call(server);
        CHECK(L4_IpcSucceeded(tag));
        CHECK_EQ(L4_UntypedWords(tag), u + 3);
        CHECK_EQ(L4_IpcXcpu(tag) != 0, cross);
        L4_Word_t w;
        L4_StoreMR(3, &w);
        CHECK_EQ(w != 0, cross);
        bool words_ok = true;
        for (L4_Word_t i = 1; i <= u; i++) {
            L4_StoreMR((int)i + 3, &w);
            words_ok = words_ok && w == i * 3 + 1;
        }
        CHECK(words_ok);
    }
    // Local ids work across CPUs too (same space).
    L4_ThreadId_t local = L4_LocalIdOf(server);
    L4_Set_MsgTag(L4_MsgTagMake(0x3d, 0, 0));
    CHECK(L4_IpcSucceeded(L4_Call(local)));
    // Send and receive as two operations, and an open receive.
    struct Sender {
        static void run(L4_Word_t w)
        {
            L4_LoadMR(1, w);
            L4_Set_MsgTag(L4_MsgTagMake(0x55, 1, 0));
            L4_Send(main_thread());
            park();
        }
    };
    L4_ThreadId_t s = spawn(Sender::run, 0x5eed);
    CHECK(move_to(s, other_cpu(1)));   // before it ran: it moves at once
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait_Timeout(L4_TimePeriod(1000000), &from);
    CHECK(L4_IpcSucceeded(tag));
    CHECK_EQ(from.raw, L4_LocalIdOf(s).raw);   // same space: named locally
    CHECK_EQ(L4_IpcXcpu(tag) != 0, cross);
    L4_Word_t w;
    L4_StoreMR(1, &w);
    CHECK_EQ(w, 0x5eed);
    reap(s);
    reap(server);
}

KTEST(smp, the_sender_may_refuse_a_cross_cpu_ipc)
{
    // Design decision 4: with X set in the tag, a cross-CPU send fails
    // (canceled, offset = the receiver's processor) and nothing is sent.
    L4_ThreadId_t server = spawn(where_server);
    CHECK(move_to(server, other_cpu()));
    L4_Set_MsgTag((L4_MsgTag_t){L4_MsgTagMake(0x3d, 0, 0).raw | (1u << 14)});
    L4_MsgTag_t tag = L4_Call_Timeouts(server, L4_TimePeriod(1000000), L4_TimePeriod(1000000));
    if (cpus() > 1) {
        CHECK(L4_IpcFailed(tag));
        CHECK(L4_IpcXcpu(tag));
        CHECK_EQ(L4_ErrorCode(), (other_cpu() << 4) | (L4_ErrCanceled << 1) | 0);
        CHECK(move_to(server, 0));   // on our CPU the same IPC goes through
        L4_Set_MsgTag((L4_MsgTag_t){L4_MsgTagMake(0x3d, 0, 0).raw | (1u << 14)});
        tag = L4_Call_Timeouts(server, L4_TimePeriod(1000000), L4_TimePeriod(1000000));
    }
    CHECK(L4_IpcSucceeded(tag));
    CHECK(!L4_IpcXcpu(tag));
    reap(server);
}

namespace {
volatile L4_Word_t reported[4];
// Receives from `from` with a 20 ms timeout and reports the error code.
void closed_receiver(L4_Word_t from)
{
    L4_MsgTag_t tag = L4_Receive_Timeout((L4_ThreadId_t){from}, L4_TimePeriod(20000));
    reported[0] = L4_IpcFailed(tag) ? L4_ErrorCode() : 1;
    park();
}
// Sends to `to` with no timeout and reports the error code.
void blocked_sender(L4_Word_t to)
{
    L4_Set_MsgTag(L4_MsgTagMake(0x57, 0, 0));
    L4_MsgTag_t tag = L4_Send((L4_ThreadId_t){to});
    reported[1] = L4_IpcFailed(tag) ? L4_ErrorCode() : 1;
    park();
}
// Receives from `from` with no timeout and reports the error code.
void blocked_receiver(L4_Word_t from)
{
    L4_MsgTag_t tag = L4_Receive((L4_ThreadId_t){from});
    reported[2] = L4_IpcFailed(tag) ? L4_ErrorCode() : 1;
    park();
}
} // namespace

KTEST(smp, timeouts_across_cpus)
{
    // A receive timeout expires on the receiver's CPU.
    reported[0] = 0;
    L4_ThreadId_t quiet = spawn(sleeper);
    L4_ThreadId_t r = spawn(closed_receiver, quiet.raw);
    CHECK(move_to(r, other_cpu()));
    wait_until(reported[0], (L4_ErrTimeout << 1) | 1, 500);
    CHECK_EQ(reported[0], (L4_ErrTimeout << 1) | 1);
    // A send timeout expires while the sender polls on the receiver's CPU.
    L4_ThreadId_t busy = spawn(sleeper);
    CHECK(move_to(busy, other_cpu(1)));
    L4_Set_MsgTag(L4_MsgTagMake(0x58, 0, 0));
    L4_MsgTag_t tag = L4_Send_Timeout(busy, L4_TimePeriod(15000));
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode(), (L4_ErrTimeout << 1) | 0);
    reap(busy);
    reap(r);
    reap(quiet);
}

KTEST(smp, aborts_from_a_third_cpu)
{
    // The blocked thread on one CPU, its partner on another, and the
    // ExchangeRegisters caller (us) on a third when there is one.
    L4_ThreadId_t partner = spawn(sleeper);
    CHECK(move_to(partner, other_cpu(1)));
    reported[1] = 0;
    reported[2] = 0;
    L4_ThreadId_t r = spawn(blocked_receiver, partner.raw);
    L4_ThreadId_t s = spawn(blocked_sender, partner.raw);
    CHECK(move_to(r, other_cpu()));
    CHECK(move_to(s, other_cpu()));
    L4_Sleep(L4_TimePeriod(5000));
    L4_Word_t old;
    CHECK_EQ(L4_Schedule(r, ~0ul, ~0ul, ~0ul, ~0ul, &old), L4_SCHEDRESULT_WAITING);
    CHECK_EQ(L4_Schedule(s, ~0ul, ~0ul, ~0ul, ~0ul, &old), L4_SCHEDRESULT_PENDING_SEND);
    L4_Word_t ctl, d;
    L4_ThreadId_t p;
    L4_ExchangeRegisters(r, 1u << 1, 0, 0, 0, 0, L4_nilthread, &ctl, &d, &d, &d, &d, &p);
    CHECK(ctl & (1u << 1));
    L4_ExchangeRegisters(s, 1u << 2, 0, 0, 0, 0, L4_nilthread, &ctl, &d, &d, &d, &d, &p);
    CHECK(ctl & (1u << 2));
    wait_until(reported[2], (L4_ErrCanceled << 1) | 1, 500);
    wait_until(reported[1], (L4_ErrCanceled << 1) | 0, 500);
    CHECK_EQ(reported[2], (L4_ErrCanceled << 1) | 1);
    CHECK_EQ(reported[1], (L4_ErrCanceled << 1) | 0);
    reap(r);
    reap(s);
    reap(partner);
}

KTEST(smp, deleting_a_partner_on_another_cpu)
{
    // A sender polling on a receiver elsewhere fails with "no partner" when
    // the receiver is deleted; so does a sender whose receiver migrates
    // away and is then deleted.
    for (int migrate_first = 0; migrate_first < 2; migrate_first++) {
        L4_ThreadId_t target = spawn(sleeper);
        CHECK(move_to(target, other_cpu()));
        reported[1] = 0;
        L4_ThreadId_t s = spawn(blocked_sender, target.raw);
        CHECK(move_to(s, other_cpu(1)));
        L4_Sleep(L4_TimePeriod(5000));
        if (migrate_first)
            CHECK(move_to(target, other_cpu(2)));
        L4_Sleep(L4_TimePeriod(2000));
        reap(target);
        wait_until(reported[1], (L4_ErrNonExist << 1) | 0, 500);
        CHECK_EQ(reported[1], (L4_ErrNonExist << 1) | 0);
        reap(s);
    }
}

namespace {
alignas(4096) char xcpu_source[3 * 4096 + 512];
alignas(4096) char xcpu_target[3 * 4096 + 512];

// In a new space: accepts one string into xcpu_target (pages this space
// never touched: each is a tunnelled fault) and reports tag and error.
void string_receiver(L4_Word_t)
{
    receive_one_string_and_report(xcpu_target, sizeof xcpu_target, 3000000);
    park();
}

// In a new space: sends xcpu_source (untouched here: sender faults too).
void string_sender(L4_Word_t to)
{
    L4_Msg_t m;
    L4_MsgClear(&m);
    L4_MsgAppendSimpleStringItem(&m, xcpu_source, sizeof xcpu_source);
    L4_MsgLoad(&m);
    L4_MsgTag_t tag = L4_Send_Timeout((L4_ThreadId_t){to}, L4_TimePeriod(3000000));
    L4_LoadMR(1, L4_IpcFailed(tag) ? L4_ErrorCode() : 0);
    L4_Set_MsgTag(L4_MsgTagMake(0x62, 1, 0));
    L4_Send_Timeout(main_thread(), L4_TimePeriod(3000000));
    park();
}
} // namespace

KTEST(smp, string_ipc_with_faults_on_both_sides_across_cpus)
{
    for (L4_Word_t i = 0; i < sizeof xcpu_source; i++)
        xcpu_source[i] = char(i * 13 + 5);
    for (char& c : xcpu_target)
        c = 0;
    L4_Word_t faults_before = pager_faults.count;
    (void)faults_before;
    L4_ThreadId_t r = spawn_in_new_space(string_receiver);
    CHECK(move_to(r, other_cpu()));
    L4_Sleep(L4_TimePeriod(2000));
    L4_ThreadId_t s = spawn_in_new_space(string_sender, r.raw);
    L4_Word_t sender_cpu = cpus() > 2 ? other_cpu(1) : 0;
    CHECK(move_to(s, sender_cpu));
    L4_MsgTag_t tag = L4_Receive_Timeout(s, L4_TimePeriod(5000000));
    CHECK(L4_IpcSucceeded(tag) && L4_Label(tag) == 0x62);
    L4_Word_t err = ~0ul;
    L4_StoreMR(1, &err);
    CHECK_EQ(err, 0);
    tag = L4_Receive_Timeout(r, L4_TimePeriod(5000000));
    CHECK(L4_IpcSucceeded(tag) && L4_Label(tag) == 0x61);
    L4_Word_t rtag = 0;
    L4_StoreMR(1, &rtag);
    L4_StoreMR(2, &err);
    CHECK_EQ(err, 0);
    CHECK_EQ(L4_IpcXcpu((L4_MsgTag_t){rtag}) != 0, sender_cpu != other_cpu());
    bool same = true;
    for (L4_Word_t i = 0; i < sizeof xcpu_target; i++)
        same = same && xcpu_target[i] == char(i * 13 + 5);
    CHECK(same);
    reap_space_thread(s);
    reap_space_thread(r);
}

namespace {
volatile L4_Word_t pings, ping_errors;
volatile bool ping_stop;

void ponger(L4_Word_t)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait(&from);
    for (;;) {
        L4_Word_t w = 0;
        L4_StoreMR(1, &w);
        L4_LoadMR(1, ~w);
        L4_Set_MsgTag(L4_MsgTagMake(0x71, 1, 0));
        tag = L4_ReplyWait(from, &from);
        (void)tag;
    }
}

void pinger(L4_Word_t to)
{
    for (L4_Word_t i = 1; !ping_stop; i++) {
        L4_LoadMR(1, i);
        L4_Set_MsgTag(L4_MsgTagMake(0x70, 1, 0));
        L4_MsgTag_t tag = L4_Call_Timeouts((L4_ThreadId_t){to}, L4_TimePeriod(2000000), L4_TimePeriod(2000000));
        L4_Word_t w = 0;
        L4_StoreMR(1, &w);
        if (L4_IpcFailed(tag) || w != ~i)
            ping_errors = ping_errors + 1;
        pings = i;
    }
    L4_Set_MsgTag(L4_MsgTagMake(0x72, 0, 0));
    L4_Send(main_thread());
    park();
}
} // namespace

KTEST(smp, migration_under_ipc_load)
{
    pings = 0;
    ping_errors = 0;
    ping_stop = false;
    L4_ThreadId_t pong = spawn(ponger);
    L4_ThreadId_t ping = spawn(pinger, pong.raw);
    L4_Word_t seed = 12345, last = 0, stalls = 0;
    for (unsigned step = 0; step < 60; step++) {
        seed = seed * 1103515245 + 12345;
        L4_ThreadId_t t = (seed >> 8) & 1 ? ping : pong;
        CHECK(move_to(t, (seed >> 12) % cpus()));
        L4_Sleep(L4_TimePeriod(2000));
        if (pings == last)
            stalls++;
        last = pings;
    }
    ping_stop = true;
    L4_MsgTag_t tag = L4_Receive_Timeout(ping, L4_TimePeriod(3000000));
    CHECK(L4_IpcSucceeded(tag) && L4_Label(tag) == 0x72);
    printf("    %lu round trips while migrating, %lu stalled steps\n", (L4_Word_t)pings, stalls);
    CHECK_EQ(ping_errors, 0);
    CHECK(pings > 100);
    CHECK(stalls < 10);
    reap(ping);
    reap(pong);
}

namespace {
extern "C" char __image_start[], _end[];
alignas(4096) char watched_page[4096];
volatile L4_Word_t toucher_rounds, watched_faults;

// In a new space: reads watched_page forever.
void toucher(L4_Word_t)
{
    for (;;) {
        (void)*(volatile char*)watched_page;
        toucher_rounds = toucher_rounds + 1;
    }
}

// The toucher's pager: our image 1:1, counting the faults on watched_page.
[[noreturn]] void counting_pager(L4_Word_t)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait(&from);
    for (;;) {
        L4_Word_t address = 0;
        L4_StoreMR(1, &address);
        L4_Word_t page = address & ~0xffful;
        if (L4_IpcFailed(tag) || (L4_Label(tag) >> 4) != (kernel_label(-2) >> 4) ||
            address < (L4_Word_t)__image_start || address >= (L4_Word_t)_end) {
            tag = L4_Wait(&from);
            continue;
        }
        if (page == (L4_Word_t)watched_page)
            watched_faults = watched_faults + 1;
        L4_Msg_t m;
        L4_MsgClear(&m);
        L4_MsgAppendMapItem(&m, L4_MapItem(L4_FpageAddRights(L4_FpageLog2(page, 12), 7), page));
        L4_MsgLoad(&m);
        tag = L4_ReplyWait(from, &from);
    }
}
} // namespace

KTEST(smp, unmap_reaches_the_tlb_of_every_cpu)
{
    // A thread on another CPU keeps reading a page; once Unmap returned,
    // its next access must fault: no CPU keeps a stale TLB entry.
    watched_page[0] = 1;
    toucher_rounds = 0;
    watched_faults = 0;
    L4_ThreadId_t pager = spawn(counting_pager, 0, 120);
    L4_ThreadId_t t = spawn_in_new_space(toucher, 0, pager);
    CHECK(move_to(t, other_cpu()));
    for (unsigned i = 0; i < 500 && toucher_rounds < 1000; i++)
        L4_Sleep(L4_TimePeriod(1000));
    CHECK(toucher_rounds >= 1000);
    for (int round = 0; round < 3; round++) {
        L4_Word_t faults = watched_faults;
        // Take the page from the child (not from us: no flush bit).
        L4_LoadMR(0, L4_FpageAddRights(L4_FpageLog2((L4_Word_t)watched_page, 12), 7).raw);
        L4_Unmap(0);
        for (unsigned i = 0; i < 200 && watched_faults == faults; i++)
            L4_Sleep(L4_TimePeriod(1000));
        CHECK_EQ(watched_faults, faults + 1);
        L4_Word_t after = toucher_rounds;
        for (unsigned i = 0; i < 200 && toucher_rounds < after + 100; i++)
            L4_Sleep(L4_TimePeriod(1000));
        CHECK(toucher_rounds >= after + 100);   // mapped again, it goes on
    }
    reap_space_thread(t);
    reap(pager);
}

KTEST(smp, thread_switch_to_another_cpu_yields)
{
    spin_stop = false;
    spin_count[1] = 0;
    L4_ThreadId_t s = spawn(spinner, 1, 90);
    CHECK(move_to(s, other_cpu()));
    for (unsigned i = 0; i < 200 && spin_count[1] == 0; i++)
        L4_Sleep(L4_TimePeriod(1000));
    // Donating to a thread elsewhere is a plain yield: we go on here.
    L4_ThreadSwitch(s);
    CHECK_EQ(L4_KDB_CurrentProcessor(), 0);
    L4_Word_t old;
    CHECK_EQ(L4_Schedule(s, ~0ul, ~0ul, ~0ul, ~0ul, &old), L4_SCHEDRESULT_RUNNING);
    spin_stop = true;
    L4_Sleep(L4_TimePeriod(2000));
    reap(s);
}

namespace {
volatile L4_Word_t irq_rounds;
// Receives and acknowledges interrupt 0 until told to stop (label 0x7f).
void irq_handler(L4_Word_t)
{
    L4_ThreadId_t irq0 = L4_GlobalId(0, 1);
    for (;;) {
        L4_ThreadId_t from;
        L4_MsgTag_t tag = L4_Wait_Timeout(L4_TimePeriod(200000), &from);
        if (L4_IpcFailed(tag))
            continue;
        if (L4_Label(tag) == 0x7f)
            break;
        if (from.raw == irq0.raw && L4_Label(tag) == kernel_label(-1)) {
            irq_rounds = irq_rounds + 1;
            L4_Set_MsgTag(L4_Niltag);
            L4_Reply(irq0);
        }
    }
    L4_Set_MsgTag(L4_MsgTagMake(0x7e, 0, 0));
    L4_Send(main_thread());
    park();
}

L4_Word_t rounds_after(L4_Word_t n, unsigned ms)
{
    L4_Word_t start = irq_rounds;
    for (unsigned i = 0; i < ms && irq_rounds < start + n; i++)
        L4_Sleep(L4_TimePeriod(1000));
    return irq_rounds - start;
}
} // namespace

KTEST(smp, interrupts_go_to_the_cpu_of_their_handler)
{
    // The PIT's line 0 (1 kHz) with its handler on another CPU: the
    // interrupts are taken there, and follow the handler when it moves.
    irq_rounds = 0;
    L4_ThreadId_t h = spawn(irq_handler, 0, 150);
    L4_ThreadId_t irq0 = L4_GlobalId(0, 1);
    const L4_Word_t where[] = {other_cpu(), 0, other_cpu(1)};
    for (L4_Word_t cpu : where) {
        CHECK(move_to(h, cpu));
        L4_Sleep(L4_TimePeriod(2000));
        L4_Word_t taken = L4_KDB_InterruptsTaken(cpu);
        if (cpu == other_cpu() && irq_rounds == 0)
            CHECK_EQ(L4_ThreadControl(irq0, irq0, L4_nilthread, h, (void*)-1), 1);
        CHECK(rounds_after(20, 1000) >= 20);
        CHECK(L4_KDB_InterruptsTaken(cpu) >= taken + 20);
    }
    CHECK_EQ(L4_ThreadControl(irq0, irq0, L4_nilthread, irq0, (void*)-1), 1);   // detach
    L4_Set_MsgTag(L4_MsgTagMake(0x7f, 0, 0));
    CHECK(L4_IpcSucceeded(L4_Send_Timeout(h, L4_TimePeriod(1000000))));
    L4_MsgTag_t tag = L4_Receive_Timeout(h, L4_TimePeriod(1000000));
    CHECK(L4_IpcSucceeded(tag) && L4_Label(tag) == 0x7e);
    reap(h);
}
