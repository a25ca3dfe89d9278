// Scheduling: priorities, preemption, round robin, Schedule and ThreadSwitch.
#include "ktest.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/thread.h>

using namespace ktest;

namespace {

volatile L4_Word_t order[8];
volatile L4_Word_t order_len;
volatile L4_Word_t spins[2];

void record(L4_Word_t id)
{
    L4_Word_t n = order_len;
    order[n] = id;
    order_len = n + 1;
}

void spin_count(L4_Word_t i)
{
    for (;;)
        spins[i] = spins[i] + 1;
}

} // namespace

KTEST(sched, higher_priority_runs_first)
{
    order_len = 0;
    // Spawned at lower priorities than main (100): none runs until main blocks.
    L4_ThreadId_t low = spawn(record, 1, 50);
    L4_ThreadId_t mid = spawn(record, 2, 70);
    L4_ThreadId_t high = spawn(record, 3, 90);
    CHECK_EQ(order_len, 0);
    L4_Sleep(L4_TimePeriod(1000));
    CHECK_EQ(order_len, 3);
    CHECK_EQ(order[0], 3);
    CHECK_EQ(order[1], 2);
    CHECK_EQ(order[2], 1);
    reap(low);
    reap(mid);
    reap(high);
}

KTEST(sched, higher_priority_thread_preempts_at_once)
{
    order_len = 0;
    L4_ThreadId_t high = spawn(record, 9, 150);
    // Creating a higher-priority runnable thread preempted main right away.
    CHECK_EQ(order_len, 1);
    reap(high);
}

KTEST(sched, round_robin_within_a_priority)
{
    spins[0] = 0;
    spins[1] = 0;
    L4_ThreadId_t a = spawn(spin_count, 0, 60);
    L4_ThreadId_t b = spawn(spin_count, 1, 60);
    // Main sleeps; both spinners share the CPU in time slices.
    L4_Sleep(L4_TimePeriod(60000));
    CHECK(spins[0] > 0);
    CHECK(spins[1] > 0);
    reap(a);
    reap(b);
}

KTEST(sched, schedule_sets_and_reports)
{
    L4_ThreadId_t t = spawn([](L4_Word_t) { park(); }, 0, 60);
    L4_Sleep(L4_TimePeriod(1000));
    L4_Word_t old;
    L4_Word_t state = L4_Schedule(t, ~0ul, ~0ul, 80, ~0ul, &old);
    CHECK_EQ(state, L4_SCHEDRESULT_WAITING);
    // New time slice 2 ms, quantum unlimited; the old values come back.
    L4_Word_t tc = ((L4_Word_t)L4_TimePeriod(2000).raw << 16) | L4_Never.raw;
    CHECK(L4_Schedule(t, tc, ~0ul, ~0ul, ~0ul, &old) != 0);
    CHECK((old >> 16) != 0);
    // Bad parameters: zero time slice, time points, unknown processor.
    tc = ((L4_Word_t)L4_ZeroTime.raw << 16) | L4_Never.raw;
    CHECK_EQ(L4_Schedule(t, tc, ~0ul, ~0ul, ~0ul, &old), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidParam);
    CHECK_EQ(L4_Schedule(t, ~0ul, 77, ~0ul, ~0ul, &old), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidParam);
    // Unknown threads, and threads we do not schedule (sigma0's scheduler is
    // the root task, but a spawned thread is not sigma0's scheduler).
    CHECK_EQ(L4_Schedule(fresh_thread_id(), ~0ul, ~0ul, 10, ~0ul, &old), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrInvalidThread);
    reap(t);
}

KTEST(sched, only_the_scheduler_may_schedule)
{
    // A thread whose scheduler is not the caller.
    L4_ThreadId_t t = fresh_thread_id();
    L4_Word_t utcb = free_utcb_slot();
    L4_ThreadId_t other = spawn([](L4_Word_t) { park(); });
    CHECK_EQ(L4_ThreadControl(t, main_thread(), other, main_thread(), (void*)utcb), 1);
    L4_Word_t old;
    CHECK_EQ(L4_Schedule(t, ~0ul, ~0ul, 10, ~0ul, &old), 0);
    CHECK_EQ(L4_ErrorCode(), L4_ErrNoPrivilege);
    CHECK_EQ(L4_ThreadControl(t, L4_nilthread, L4_nilthread, L4_nilthread, (void*)-1), 1);
    release_utcb_slot(utcb);
    reap(other);
}

KTEST(sched, total_quantum_stops_a_thread)
{
    spins[0] = 0;
    L4_ThreadId_t t = spawn(spin_count, 0, 60);
    L4_Word_t old;
    L4_Word_t tc = ((L4_Word_t)L4_TimePeriod(1000).raw << 16) | L4_TimePeriod(3000).raw;
    CHECK(L4_Schedule(t, tc, ~0ul, ~0ul, ~0ul, &old) != 0);
    L4_Sleep(L4_TimePeriod(20000));
    L4_Word_t after_quantum = spins[0];
    L4_Sleep(L4_TimePeriod(20000));
    CHECK(after_quantum > 0);
    CHECK_EQ(spins[0], after_quantum);   // exhausted: it no longer runs
    tc = ((L4_Word_t)L4_TimePeriod(1000).raw << 16) | L4_Never.raw;
    CHECK(L4_Schedule(t, tc, ~0ul, ~0ul, ~0ul, &old) != 0);   // a new quantum
    L4_Sleep(L4_TimePeriod(5000));
    CHECK(spins[0] > after_quantum);
    reap(t);
}

KTEST(sched, thread_switch_donates_and_yields)
{
    order_len = 0;
    L4_ThreadId_t t = spawn(record, 4, 100);
    L4_ThreadSwitch(t);   // t runs now (same priority, donated)
    CHECK_EQ(order_len, 1);
    L4_ThreadSwitch(L4_nilthread);
    L4_ThreadSwitch(fresh_thread_id());   // a thread that does not exist: plain yield
    reap(t);
}
