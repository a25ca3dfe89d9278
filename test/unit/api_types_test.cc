// X.2 value types: thread ids, message tags, time values, fpages.
#include <generic/fpage.h>
#include <generic/msg_tag.h>
#include <generic/thread_id.h>
#include <generic/time_value.h>
#include <gtest/gtest.h>

TEST(ThreadId, GlobalLocalAndSpecialIds)
{
    ThreadId g = ThreadId::global(0x123, 1);
    EXPECT_EQ(g.number(), 0x123u);
    EXPECT_EQ(g.version(), 1u);
    EXPECT_TRUE(g.is_global());
    EXPECT_FALSE(g.is_local());
    ThreadId l(0xbf000100);
    EXPECT_TRUE(l.is_local());
    EXPECT_FALSE(l.is_global());
    EXPECT_TRUE(ThreadId::nil().is_nil());
    EXPECT_FALSE(ThreadId::nil().is_local());
    EXPECT_TRUE(ThreadId::any().is_any());
    EXPECT_FALSE(ThreadId::any().is_global());
    EXPECT_TRUE(ThreadId::any_local().is_any_local());
    EXPECT_TRUE(ThreadId::any_local().is_local());
    // A version whose low six bits are zero would read as a local id.
    EXPECT_FALSE(ThreadId::global(5, 64).is_global());
}

TEST(MsgTag, FieldsAndFlags)
{
    MsgTag t = MsgTag::make(0xabc, 5, 2);
    EXPECT_EQ(t.label(), 0xabcu);
    EXPECT_EQ(t.untyped(), 5u);
    EXPECT_EQ(t.typed(), 2u);
    EXPECT_FALSE(t.is_error());
    MsgTag f = t.with_flags(MsgTag::flag_propagated | MsgTag::flag_xcpu);
    EXPECT_TRUE(f.is_propagated());
    EXPECT_TRUE(f.has(MsgTag::flag_xcpu));
    EXPECT_EQ(f.label(), 0xabcu);
    EXPECT_TRUE(MsgTag::error().is_error());
    EXPECT_TRUE(MsgTag::make(MsgTag::label_pagefault | 2, 2, 0).label_is(MsgTag::label_pagefault | 2));
    EXPECT_EQ(ipc_error::code(ipc_error::timeout, ipc_error::receive_phase), 3u);
    EXPECT_EQ(ipc_error::code(ipc_error::no_partner, ipc_error::send_phase), 4u);
}

TEST(TimeValue, SpecialValues)
{
    EXPECT_TRUE(TimeValue::never().is_never());
    EXPECT_FALSE(TimeValue::never().is_zero());
    EXPECT_TRUE(TimeValue::zero().is_zero());
    EXPECT_EQ(TimeValue::zero().raw(), 0x0400);
    EXPECT_EQ(TimeValue::never().deadline(1000), TimeValue::never_us);
    EXPECT_EQ(TimeValue::zero().deadline(1000), 1000u);
}

TEST(TimeValue, PeriodsRoundUpAndDecode)
{
    for (u64 us : {1ull, 7ull, 1023ull, 1024ull, 5000ull, 123456ull, 86400000000ull}) {
        TimeValue t = TimeValue::period(us);
        EXPECT_FALSE(t.is_point());
        EXPECT_GE(t.period_us(), us) << us;
        EXPECT_LE(t.period_us(), us * 2 + 1) << us;
    }
    EXPECT_EQ(TimeValue(u16((3 << 10) | 5)).period_us(), 40u);
}

TEST(TimeValue, AbsolutePointsPickTheNearestInstant)
{
    // Encode an instant T with exponent e: bits e..e+10 of T.
    auto point = [](u64 t, unsigned e) { return TimeValue(u16(0x8000 | (e << 11) | ((t >> e) & 0x7ff))); };
    u64 now = 1000000;
    EXPECT_EQ(point(now + 500, 0).deadline(now), now + 500);
    EXPECT_EQ(point(now + 5000, 4).deadline(now), (now + 5000) & ~u64(15));
    // A point just behind now is in the past: expires at once.
    EXPECT_EQ(point(now - 10, 0).deadline(now), now);
    // Across a period boundary of the 11 encoded bits.
    u64 boundary = u64(1) << 20;
    EXPECT_EQ(point(boundary + 100, 0).deadline(boundary - 100), boundary + 100);
}

TEST(Timeouts, SplitsSendAndReceive)
{
    Timeouts t((Word(0x1234) << 16) | 0x0400);
    EXPECT_EQ(t.send().raw(), 0x1234);
    EXPECT_TRUE(t.receive().is_zero());
}

TEST(Fpage, RegionsAndSpecialPages)
{
    Fpage f = Fpage::make(0x400000, 22, Fpage::rights_r | Fpage::rights_w);
    EXPECT_TRUE(f.is_valid_region());
    EXPECT_EQ(f.base(), 0x400000u);
    EXPECT_EQ(f.size_log2(), 22u);
    EXPECT_EQ(f.last(), 0x7fffffu);
    EXPECT_TRUE(Fpage::nil().is_nil());
    EXPECT_TRUE(Fpage::complete().is_complete());
    EXPECT_TRUE(Fpage::complete().is_valid_region());
    EXPECT_EQ(Fpage::complete().last(), ~Word(0));
    EXPECT_FALSE(Fpage::make(0x401000, 22).is_valid_region());   // misaligned base
    EXPECT_FALSE(Fpage::make(0x400000, 9).is_valid_region());    // below 1 KiB
    EXPECT_TRUE(f.overlaps(Fpage::make(0x7ff000, 12)));
    EXPECT_FALSE(f.overlaps(Fpage::make(0x800000, 12)));
}
