// X.2 time values (16 bits) and IPC timeouts.
//
// A relative time ("period", bit 15 clear) is m * 2^e microseconds with m in
// bits 0-9 and e in bits 10-14; 0 means never, m == 0 with e != 0 means zero.
// An absolute time ("point", bit 15 set) names the next instant T with
// (T >> e) & 0x7ff == c:m, where m is bits 0-9, c bit 10 and e bits 11-14:
// the 11 bits of T from bit e up, which pins T within 2^(e+10) us of now.
#pragma once

#include "types.h"

class TimeValue {
public:
    static constexpr u64 never_us = ~u64(0);

    constexpr TimeValue() = default;
    constexpr explicit TimeValue(u16 raw) : raw_(raw) {}
    static constexpr TimeValue never() { return TimeValue(0); }
    static constexpr TimeValue zero() { return TimeValue(1u << 10); }
    // The shortest period of at least `us` microseconds (saturating to the
    // longest representable one).
    static constexpr TimeValue period(u64 us)
    {
        unsigned e = 0;
        while (us > 0x3ff && e < 31) {
            us = (us + 1) >> 1;
            e++;
        }
        if (us > 0x3ff)
            us = 0x3ff;
        if (us == 0)
            return zero();
        return TimeValue(u16((e << 10) | us));
    }

    [[nodiscard]] constexpr u16 raw() const { return raw_; }
    [[nodiscard]] constexpr bool is_never() const { return raw_ == 0; }
    [[nodiscard]] constexpr bool is_point() const { return (raw_ & 0x8000) != 0; }
    [[nodiscard]] constexpr bool is_zero() const { return !is_point() && raw_ != 0 && (raw_ & 0x3ff) == 0; }
    [[nodiscard]] constexpr u64 period_us() const { return u64(raw_ & 0x3ff) << ((raw_ >> 10) & 0x1f); }

    // The absolute deadline in microseconds given the current clock, or
    // never_us.  A zero timeout, and a point already passed, give `now`.
    [[nodiscard]] constexpr u64 deadline(u64 now) const
    {
        if (is_never())
            return never_us;
        if (!is_point())
            return now + period_us();
        unsigned e = (raw_ >> 11) & 0xf;
        u64 span = u64(1) << (e + 11);
        u64 point = (now & ~(span - 1)) | (u64(raw_ & 0x7ff) << e);
        if (point + span / 2 < now)
            point += span;          // wrapped into the next period
        else if (point > now + span / 2)
            point -= span;          // belongs to the previous period
        return point < now ? now : point;
    }

private:
    u16 raw_ = 0;
};

// The Timeouts word of Ipc: send timeout in bits 16-31, receive in 0-15.
class Timeouts {
public:
    constexpr explicit Timeouts(Word raw) : raw_(raw) {}
    [[nodiscard]] constexpr TimeValue send() const { return TimeValue(u16(raw_ >> 16)); }
    [[nodiscard]] constexpr TimeValue receive() const { return TimeValue(u16(raw_)); }

private:
    Word raw_;
};
