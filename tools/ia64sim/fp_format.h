// Conversions between memory formats and the 82-bit FP register format
// (SDM vol 1 sec 5.1, figs 5-5 to 5-9).  Stores truncate; this simulator
// has no FP arithmetic, so register values always come from loads and setf
// and round-trip exactly.
#pragma once
#include <cstdint>

#include "cpu.h"

namespace ia64 {

constexpr uint32_t kExpInf = 0x1ffff, kExpBias = 0xffff, kExpInt = 0x1003e, kExpNatVal = 0x1fffe;

[[nodiscard]] Fr fr_from_single(uint32_t v);
[[nodiscard]] Fr fr_from_double(uint64_t v);
[[nodiscard]] Fr fr_from_extended(uint64_t sig, uint16_t se);
[[nodiscard]] uint32_t fr_to_single(const Fr& f);
[[nodiscard]] uint64_t fr_to_double(const Fr& f);
[[nodiscard]] uint16_t fr_extended_se(const Fr& f);
[[nodiscard]] inline bool fr_is_natval(const Fr& f) { return f.exp == kExpNatVal && f.sig == 0 && f.sign == 0; }

}  // namespace ia64
