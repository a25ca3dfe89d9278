// A-unit formats A1-A8: integer ALU, shift-left-add, add immediate and the
// integer compares (SDM vol 3 sec 4.2, tables 4-8 to 4-12).
#include <algorithm>

#include "bits.h"
#include "decode.h"

namespace ia64 {
namespace {

Insn alu3(Op op, uint64_t raw) {
    Insn in = with_fields(op, raw);
    in.writes_gr = true;
    return in;
}

// imm8 of A3/A8: s (bit 36) and imm7b (bits 19:13).
int64_t imm8(uint64_t raw) { return sext((uint64_t{fld(raw, 36, 1)} << 7) | fld(raw, 13, 7), 8); }

Insn decode_op8(uint64_t raw) {
    unsigned x2a = fld(raw, 34, 2), ve = fld(raw, 33, 1), x4 = fld(raw, 29, 4), x2b = fld(raw, 27, 2);
    if (ve != 0) return Insn{};
    if (x2a == 2 || x2a == 3) {   // A4: adds / addp4 with imm14
        Insn in = alu3(x2a == 2 ? Op::adds : Op::addp4_imm, raw);
        in.imm = sext((uint64_t{fld(raw, 36, 1)} << 13) | (uint64_t{fld(raw, 27, 6)} << 7) | fld(raw, 13, 7), 14);
        in.r2 = 0;
        return in;
    }
    if (x2a != 0) return Insn{};   // x2a == 1: multimedia ALU, not implemented
    static constexpr Op logic[4] = {Op::and_, Op::andcm, Op::or_, Op::xor_};
    static constexpr Op logic_imm[4] = {Op::and_imm, Op::andcm_imm, Op::or_imm, Op::xor_imm};
    switch (x4) {
    case 0:
        if (x2b > 1) return Insn{};
        return alu3(x2b == 0 ? Op::add : Op::add1, raw);
    case 1:
        if (x2b > 1) return Insn{};
        return alu3(x2b == 1 ? Op::sub : Op::sub1, raw);
    case 2:
        if (x2b != 0) return Insn{};
        return alu3(Op::addp4, raw);
    case 3: return alu3(logic[x2b], raw);
    case 4:
    case 6: {
        Insn in = alu3(x4 == 4 ? Op::shladd : Op::shladdp4, raw);
        in.len = static_cast<uint8_t>(x2b + 1);   // count2 = ct2d + 1
        return in;
    }
    case 9: {
        if (x2b != 1) return Insn{};
        Insn in = alu3(Op::sub_imm, raw);
        in.imm = imm8(raw);
        in.r2 = 0;
        return in;
    }
    case 0xb: {
        Insn in = alu3(logic_imm[x2b], raw);
        in.imm = imm8(raw);
        in.r2 = 0;
        return in;
    }
    default: return Insn{};
    }
}

// A6/A7/A8 compares.  Opcode C/D/E with ta=0 selects the relation (lt, ltu,
// eq) with .unc chosen by c; with ta=1 the relation is eq/ne (by c) and the
// opcode selects the parallel type and/or/or.andcm.  tb=1 (register form
// only) compares r0 with r3: gt/le/ge/lt chosen by ta:c (SDM vol 3 table 4-11).
Insn decode_cmp(uint64_t raw) {
    unsigned op = major_op(raw), x2 = fld(raw, 34, 2), tb = fld(raw, 36, 1), ta = fld(raw, 33, 1),
             c = fld(raw, 12, 1);
    Insn in = with_fields(Op::unsupported, raw);
    in.r1 = 0;
    in.p1 = static_cast<uint8_t>(fld(raw, 6, 6));
    in.p2 = static_cast<uint8_t>(fld(raw, 27, 6));
    bool wide4 = (x2 & 1) != 0;
    bool immediate = x2 >= 2;
    static constexpr Ctype parallel[3] = {Ctype::and_, Ctype::or_, Ctype::or_andcm};
    static constexpr Rel base_rel[3] = {Rel::lt, Rel::ltu, Rel::eq};
    Ctype ct;
    Rel rel;
    if (!immediate && tb) {
        static constexpr Rel zero_rel[4] = {Rel::gt, Rel::le, Rel::ge, Rel::lt};
        rel = zero_rel[ta * 2 + c];
        ct = parallel[op - 0xc];
        in.op = Op::cmp_zero;
        in.r2 = 0;
    } else {
        if (ta) {
            rel = c ? Rel::ne : Rel::eq;
            ct = parallel[op - 0xc];
        } else {
            rel = base_rel[op - 0xc];
            ct = c ? Ctype::unc : Ctype::none;
        }
        in.op = immediate ? Op::cmp_imm : Op::cmp;
        if (immediate) {
            in.imm = imm8(raw);
            in.r2 = 0;
        }
    }
    in.sub = static_cast<uint8_t>(rel);
    in.ctype = static_cast<uint8_t>(static_cast<unsigned>(ct) | (wide4 ? 0x10 : 0));
    in.runs_false = ct == Ctype::unc;
    return in;
}

}  // namespace

Insn decode_a(uint64_t raw) {
    Insn in;
    switch (major_op(raw)) {
    case 8: in = decode_op8(raw); break;
    case 9:   // A5: addl r1=imm22,r3 with r3 in r0-r3
        in = alu3(Op::addl, raw);
        in.r3 = static_cast<uint8_t>(fld(raw, 20, 2));
        in.r2 = 0;
        in.imm = sext((uint64_t{fld(raw, 36, 1)} << 21) | (uint64_t{fld(raw, 22, 5)} << 16) |
                          (uint64_t{fld(raw, 27, 9)} << 7) | fld(raw, 13, 7),
                      22);
        break;
    case 0xc:
    case 0xd:
    case 0xe: in = decode_cmp(raw); break;
    default: break;
    }
    if (in.op == Op::unsupported) return Insn{};
    in.max_gr = std::max({in.r1, in.r2, in.r3});
    if (!in.writes_gr) in.max_gr = std::max(in.r2, in.r3);
    return in;
}

}  // namespace ia64
