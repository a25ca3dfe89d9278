// The ready queue with lazy removal (seed 004), driven by a plain struct.
#include <generic/ready_queue.h>
#include <gtest/gtest.h>
#include <vector>

namespace {

struct T {
    unsigned priority = 0;
    bool runnable = true;
    bool in_ready_queue = false;
    T* ready_next = nullptr;
    T* ready_prev = nullptr;
    bool is_runnable() const { return runnable; }
};

} // namespace

TEST(ReadyQueue, EmptySelectsNothing)
{
    ReadyQueue<T> q;
    EXPECT_EQ(q.select(), nullptr);
    EXPECT_EQ(q.highest_hint(), -1);
}

TEST(ReadyQueue, HighestPriorityFirstFifoWithin)
{
    ReadyQueue<T> q;
    T a{10}, b{200}, c{10}, d{200};
    for (T* t : {&a, &b, &c, &d})
        q.insert(t);
    EXPECT_EQ(q.select(), &b);
    q.rotate(&b);
    EXPECT_EQ(q.select(), &d);
    q.rotate(&d);
    EXPECT_EQ(q.select(), &b);
    q.remove(&b);
    q.remove(&d);
    EXPECT_EQ(q.select(), &a);
}

TEST(ReadyQueue, InsertIsIdempotent)
{
    ReadyQueue<T> q;
    T a{5};
    q.insert(&a);
    q.insert(&a);
    q.remove(&a);
    EXPECT_EQ(q.select(), nullptr);
    EXPECT_FALSE(a.in_ready_queue);
}

TEST(ReadyQueue, LazilyDropsBlockedThreads)
{
    ReadyQueue<T> q;
    T a{50}, b{50}, c{40};
    q.insert(&a);
    q.insert(&b);
    q.insert(&c);
    a.runnable = false;   // blocked since it was queued
    EXPECT_EQ(q.select(), &b);
    EXPECT_FALSE(a.in_ready_queue);
    b.runnable = false;
    EXPECT_EQ(q.select(), &c);
    EXPECT_EQ(q.highest_hint(), 40);
    c.runnable = false;
    EXPECT_EQ(q.select(), nullptr);
    EXPECT_EQ(q.highest_hint(), -1);
}

TEST(ReadyQueue, HintIsAnUpperBound)
{
    ReadyQueue<T> q;
    T a{100}, b{20};
    q.insert(&a);
    q.insert(&b);
    a.runnable = false;
    EXPECT_TRUE(q.is_highest(100));   // stale-high until select() cleans up
    EXPECT_EQ(q.select(), &b);
    EXPECT_TRUE(q.is_highest(20));
    EXPECT_FALSE(q.is_highest(19));
}

TEST(ReadyQueue, RoundRobinVisitsEveryone)
{
    ReadyQueue<T> q;
    std::vector<T> ts(5, T{7});
    for (T& t : ts)
        q.insert(&t);
    std::vector<T*> seen;
    for (int i = 0; i < 5; i++) {
        T* t = q.select();
        seen.push_back(t);
        q.rotate(t);
    }
    for (T& t : ts)
        EXPECT_NE(std::find(seen.begin(), seen.end(), &t), seen.end());
    EXPECT_EQ(q.select(), &ts[0]);
}
