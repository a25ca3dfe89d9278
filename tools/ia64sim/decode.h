// Bundle and instruction decoding (SDM vol 3 ch 4, "Instruction Formats").
#pragma once
#include <cstdint>

#include "insn.h"

namespace ia64 {

// One of the 32 bundle templates (SDM vol 1 sec 3.3, template field encoding).
struct Template {
    const char* name;        // "MII", or nullptr for a reserved template
    Unit unit[3];
    uint8_t stop_after;      // bit i: a stop follows slot i
};

[[nodiscard]] const Template& template_of(unsigned tmpl);

struct DecodedBundle {
    Insn slot[3];
    uint8_t tmpl = 0;
    bool reserved = false;   // reserved template: Illegal Operation fault
};

// Splits a 128-bit bundle into its template and three 41-bit slots.
struct RawBundle {
    uint64_t lo, hi;
    [[nodiscard]] unsigned tmpl() const { return static_cast<unsigned>(lo & 0x1f); }
    [[nodiscard]] uint64_t slot(unsigned i) const;
};

void decode_bundle(const RawBundle& raw, DecodedBundle& out);

// Per-unit decoders; each returns an Insn with op == Op::unsupported for an
// encoding this simulator does not implement.
[[nodiscard]] Insn decode_a(uint64_t raw);
[[nodiscard]] Insn decode_i(uint64_t raw);
[[nodiscard]] Insn decode_m(uint64_t raw);
[[nodiscard]] Insn decode_b(uint64_t raw);
[[nodiscard]] Insn decode_f(uint64_t raw);
[[nodiscard]] Insn decode_x(uint64_t raw, uint64_t l_slot);

// Instruction field at bit `pos`, `len` bits wide.
[[nodiscard]] constexpr unsigned fld(uint64_t raw, unsigned pos, unsigned len) {
    return static_cast<unsigned>((raw >> pos) & ((uint64_t{1} << len) - 1));
}
[[nodiscard]] constexpr unsigned major_op(uint64_t raw) { return fld(raw, 37, 4); }

// An Insn with the common fields: qp (5:0), r1 (12:6), r2 (19:13), r3 (26:20).
[[nodiscard]] inline Insn with_fields(Op op, uint64_t raw) {
    Insn in;
    in.op = op;
    in.qp = static_cast<uint8_t>(fld(raw, 0, 6));
    in.r1 = static_cast<uint8_t>(fld(raw, 6, 7));
    in.r2 = static_cast<uint8_t>(fld(raw, 13, 7));
    in.r3 = static_cast<uint8_t>(fld(raw, 20, 7));
    return in;
}

// imm21 of break/nop: i (bit 36) and imm20a (bits 25:6).
[[nodiscard]] constexpr int64_t imm21(uint64_t raw) {
    return static_cast<int64_t>((uint64_t{fld(raw, 36, 1)} << 20) | fld(raw, 6, 20));
}

// Fills the handler from the op (dispatch.cc).
void bind_handler(Insn& insn);

}  // namespace ia64
