// Bundle templates and slot extraction (SDM vol 1 sec 3.3, vol 3 sec 4.1).
#include "decode.h"

namespace ia64 {
namespace {

constexpr Unit M = Unit::M, I = Unit::I, F = Unit::F, B = Unit::B, L = Unit::L, X = Unit::X;

// Stop bits: bit i set = a stop after slot i (SDM vol 1 table 3-10).
constexpr Template kTemplates[32] = {
    {"MII", {M, I, I}, 0}, {"MII", {M, I, I}, 4}, {"MII", {M, I, I}, 2}, {"MII", {M, I, I}, 6},
    {"MLX", {M, L, X}, 0}, {"MLX", {M, L, X}, 4}, {nullptr, {M, M, M}, 0}, {nullptr, {M, M, M}, 0},
    {"MMI", {M, M, I}, 0}, {"MMI", {M, M, I}, 4}, {"MMI", {M, M, I}, 1}, {"MMI", {M, M, I}, 5},
    {"MFI", {M, F, I}, 0}, {"MFI", {M, F, I}, 4}, {"MMF", {M, M, F}, 0}, {"MMF", {M, M, F}, 4},
    {"MIB", {M, I, B}, 0}, {"MIB", {M, I, B}, 4}, {"MBB", {M, B, B}, 0}, {"MBB", {M, B, B}, 4},
    {nullptr, {M, M, M}, 0}, {nullptr, {M, M, M}, 0}, {"BBB", {B, B, B}, 0}, {"BBB", {B, B, B}, 4},
    {"MMB", {M, M, B}, 0}, {"MMB", {M, M, B}, 4}, {nullptr, {M, M, M}, 0}, {nullptr, {M, M, M}, 0},
    {"MFB", {M, F, B}, 0}, {"MFB", {M, F, B}, 4}, {nullptr, {M, M, M}, 0}, {nullptr, {M, M, M}, 0},
};

constexpr uint64_t kSlotMask = (uint64_t{1} << 41) - 1;

// A-type opcodes (8-E) execute on both M and I slots (SDM vol 3 table 4-1).
Insn decode_unit(Unit unit, uint64_t raw) {
    unsigned op = major_op(raw);
    if (unit != Unit::B && unit != Unit::F && op >= 8 && op <= 0xe) return decode_a(raw);
    switch (unit) {
    case Unit::M: return decode_m(raw);
    case Unit::I: return decode_i(raw);
    case Unit::B: return decode_b(raw);
    case Unit::F: return decode_f(raw);
    default: return Insn{};
    }
}

}  // namespace

const Template& template_of(unsigned tmpl) { return kTemplates[tmpl & 31]; }

uint64_t RawBundle::slot(unsigned i) const {
    switch (i) {
    case 0: return (lo >> 5) & kSlotMask;
    case 1: return ((lo >> 46) | (hi << 18)) & kSlotMask;
    default: return hi >> 23;
    }
}

void decode_bundle(const RawBundle& raw, DecodedBundle& out) {
    out.tmpl = static_cast<uint8_t>(raw.tmpl());
    const Template& t = template_of(out.tmpl);
    out.reserved = t.name == nullptr;
    for (unsigned i = 0; i < 3; ++i) {
        Insn insn;
        if (!out.reserved) {
            // The L+X instruction of an MLX bundle executes as slot 1; slot 2
            // holds its opcode and is never executed on its own.
            if (t.unit[i] == Unit::L) {
                insn = decode_x(raw.slot(2), raw.slot(1));
                insn.raw_l = raw.slot(1);
                insn.raw = raw.slot(2);
            } else if (t.unit[i] != Unit::X) {
                insn = decode_unit(t.unit[i], raw.slot(i));
                insn.raw = raw.slot(i);
            }
        } else {
            insn.raw = raw.slot(i);
        }
        insn.unit = t.unit[i];
        bind_handler(insn);
        out.slot[i] = insn;
    }
}

}  // namespace ia64
