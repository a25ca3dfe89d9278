// X.2 thread identifiers (L4 X.2 reference manual, "Thread Ids").
//
// A global id holds a thread number and a version: 18 + 14 bits on 32-bit
// machines, 32 + 32 on 64-bit ones.  A local id is the address of the
// thread's UTCB (its MR0); its low six bits are zero, which is how the two
// kinds are told apart: a global id's version never has six zero low bits.
#pragma once

#include "types.h"

class ThreadId {
public:
    static constexpr unsigned version_bits = word_bits == 32 ? 14 : 32;
    static constexpr unsigned number_bits = word_bits - version_bits;
    static constexpr Word version_mask = (Word(1) << version_bits) - 1;
    static constexpr Word local_zero_bits_mask = 0x3f;

    constexpr ThreadId() = default;
    constexpr explicit ThreadId(Word raw) : raw_(raw) {}

    static constexpr ThreadId nil() { return ThreadId(0); }
    static constexpr ThreadId any() { return ThreadId(~Word(0)); }
    static constexpr ThreadId any_local() { return ThreadId(~local_zero_bits_mask); }
    static constexpr ThreadId global(Word number, Word version)
    {
        return ThreadId((number << version_bits) | (version & version_mask));
    }

    [[nodiscard]] constexpr Word raw() const { return raw_; }
    [[nodiscard]] constexpr Word number() const { return raw_ >> version_bits; }
    [[nodiscard]] constexpr Word version() const { return raw_ & version_mask; }

    [[nodiscard]] constexpr bool is_nil() const { return raw_ == 0; }
    [[nodiscard]] constexpr bool is_any() const { return raw_ == ~Word(0); }
    [[nodiscard]] constexpr bool is_any_local() const { return raw_ == ~local_zero_bits_mask; }
    [[nodiscard]] constexpr bool is_local() const
    {
        return (raw_ & local_zero_bits_mask) == 0 && raw_ != 0;
    }
    [[nodiscard]] constexpr bool is_global() const
    {
        return (raw_ & local_zero_bits_mask) != 0 && !is_any();
    }

    constexpr bool operator==(const ThreadId&) const = default;

private:
    Word raw_ = 0;
};
