// X.2 flexpages: base and size (log2, >= 10 bits on every port) of a
// naturally aligned region, with access rights rwx in bits 0-2 and the
// size in bits 4-9; base >> 10 in bits 10 and up.  The nil fpage is 0; the
// complete fpage (size field 1, base 0) stands for the whole address space.
#pragma once

#include "types.h"

class Fpage {
public:
    enum : Word { rights_x = 1, rights_w = 2, rights_r = 4, rights_rwx = 7 };

    constexpr Fpage() = default;
    constexpr explicit Fpage(Word raw) : raw_(raw) {}
    static constexpr Fpage nil() { return Fpage(0); }
    static constexpr Fpage complete(Word rights = 0) { return Fpage((1u << 4) | rights); }
    static constexpr Fpage make(Word base, unsigned size_log2, Word rights = 0)
    {
        return Fpage((base & ~Word(0x3ff)) | (Word(size_log2) << 4) | (rights & 7));
    }

    [[nodiscard]] constexpr Word raw() const { return raw_; }
    [[nodiscard]] constexpr bool is_nil() const { return raw_ == 0; }
    [[nodiscard]] constexpr bool is_complete() const { return size_field() == 1 && base_field() == 0; }
    [[nodiscard]] constexpr unsigned size_field() const { return unsigned((raw_ >> 4) & 0x3f); }
    [[nodiscard]] constexpr Word rights() const { return raw_ & 7; }
    [[nodiscard]] constexpr Word base_field() const { return raw_ & ~Word(0x3ff); }

    // Size in log2 bytes: the complete fpage covers the address space.
    [[nodiscard]] constexpr unsigned size_log2() const { return is_complete() ? word_bits : size_field(); }
    // A usable region: at least 1 KiB (size field >= 10), naturally aligned.
    [[nodiscard]] constexpr bool is_valid_region() const
    {
        if (is_complete())
            return true;
        unsigned s = size_field();
        return s >= 10 && s < word_bits && (base_field() & ((Word(1) << s) - 1)) == 0;
    }
    [[nodiscard]] constexpr Word base() const { return is_complete() ? 0 : base_field(); }
    // The last byte, so the complete fpage does not overflow.
    [[nodiscard]] constexpr Word last() const
    {
        return is_complete() ? ~Word(0) : base_field() + ((Word(1) << size_field()) - 1);
    }
    [[nodiscard]] constexpr bool overlaps(Fpage o) const { return base() <= o.last() && o.base() <= last(); }
    [[nodiscard]] constexpr bool contains(Word lo, Word hi) const { return base() <= lo && hi <= last(); }

    constexpr bool operator==(const Fpage&) const = default;

private:
    Word raw_ = 0;
};
