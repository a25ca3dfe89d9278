// Bit-field helpers for IA-64 instruction and register formats.
#pragma once
#include <cstdint>

namespace ia64 {

// Bits [pos, pos+len) of v.
[[nodiscard]] constexpr uint64_t field(uint64_t v, unsigned pos, unsigned len) {
    return len >= 64 ? v >> pos : (v >> pos) & ((uint64_t{1} << len) - 1);
}

// Sign-extends the low `bits` bits of v.
[[nodiscard]] constexpr int64_t sext(uint64_t v, unsigned bits) {
    unsigned shift = 64 - bits;
    return static_cast<int64_t>(v << shift) >> shift;
}

[[nodiscard]] constexpr uint64_t mask_bits(unsigned len) {
    return len >= 64 ? ~uint64_t{0} : (uint64_t{1} << len) - 1;
}

// Replaces bits [pos, pos+len) of v with x.
[[nodiscard]] constexpr uint64_t deposit(uint64_t v, unsigned pos, unsigned len, uint64_t x) {
    uint64_t m = mask_bits(len) << pos;
    return (v & ~m) | ((x << pos) & m);
}

}  // namespace ia64
