// B-unit (B1-B9), F-unit (break/nop/fmerge only) and X-unit (L+X) formats
// (SDM vol 3 sec 4.5, 4.6, 4.7).
#include "bits.h"
#include "decode.h"

namespace ia64 {
namespace {

Insn with_qp(Op op, uint64_t raw) {
    Insn in;
    in.op = op;
    in.qp = static_cast<uint8_t>(fld(raw, 0, 6));
    return in;
}

// Branch hint byte: bits 1:0 whether hint (sptk/spnt/dptk/dpnt), bit 2
// .many (ph), bit 3 .clr (dh).
uint8_t branch_hints(unsigned wh, uint64_t raw) {
    return static_cast<uint8_t>(wh | (fld(raw, 12, 1) << 2) | (fld(raw, 35, 1) << 3));
}

Insn decode_b0(uint64_t raw) {
    unsigned x6 = fld(raw, 27, 6);
    switch (x6) {
    case 0x00: { Insn in = with_qp(Op::break_b, raw); in.imm = imm21(raw); return in; }
    case 0x02: return with_qp(Op::cover, raw);
    case 0x04: return with_qp(Op::clrrrb, raw);
    case 0x05: return with_qp(Op::clrrrb_pr, raw);
    case 0x08: return with_qp(Op::rfi, raw);
    case 0x0c: return with_qp(Op::bsw_0, raw);
    case 0x0d: return with_qp(Op::bsw_1, raw);
    case 0x10: return with_qp(Op::epc, raw);
    case 0x20:
    case 0x21: {   // B4: indirect br.cond / br.ia / br.ret
        unsigned btype = fld(raw, 6, 3);
        Op op;
        if (x6 == 0x20 && btype == 0) op = Op::br_cond_ind;
        else if (x6 == 0x20 && btype == 1) op = Op::br_ia;
        else if (x6 == 0x21 && btype == 4) op = Op::br_ret;
        else return Insn{};
        Insn in = with_qp(op, raw);
        in.r2 = static_cast<uint8_t>(fld(raw, 13, 3));
        in.hint = branch_hints(fld(raw, 33, 2), raw);
        return in;
    }
    default: return Insn{};
    }
}

// B3/B5 br.call whether hints use 3 bits, odd values only (SDM vol 3 table 4-53).
bool call_hint(unsigned wh3, unsigned& wh) {
    if ((wh3 & 1) == 0) return false;
    wh = wh3 >> 1;
    return true;
}

Insn decode_iprel(uint64_t raw) {   // B1: IP-relative branches
    unsigned btype = fld(raw, 6, 3);
    static constexpr Op ops[8] = {Op::br_cond, Op::unsupported, Op::br_wexit, Op::br_wtop,
                                  Op::unsupported, Op::br_cloop, Op::br_cexit, Op::br_ctop};
    if (ops[btype] == Op::unsupported) return Insn{};
    Insn in = with_qp(ops[btype], raw);
    in.hint = branch_hints(fld(raw, 33, 2), raw);
    in.imm = sext((uint64_t{fld(raw, 36, 1)} << 20) | fld(raw, 13, 20), 21) * 16;
    return in;
}

}  // namespace

Insn decode_b(uint64_t raw) {
    switch (major_op(raw)) {
    case 0: return decode_b0(raw);
    case 1: {   // B5: br.call b1=b2
        unsigned wh;
        if (!call_hint(fld(raw, 32, 3), wh)) return Insn{};
        Insn in = with_qp(Op::br_call_ind, raw);
        in.r1 = static_cast<uint8_t>(fld(raw, 6, 3));
        in.r2 = static_cast<uint8_t>(fld(raw, 13, 3));
        in.hint = branch_hints(wh, raw);
        return in;
    }
    case 2: {
        if (fld(raw, 27, 6) != 0) return Insn{};
        Insn in = with_qp(Op::nop_b, raw);
        in.imm = imm21(raw);
        return in;
    }
    case 4: return decode_iprel(raw);
    case 5: {   // B3: br.call b1=target25
        unsigned wh = fld(raw, 33, 2);
        Insn in = with_qp(Op::br_call, raw);
        in.r1 = static_cast<uint8_t>(fld(raw, 6, 3));
        in.hint = branch_hints(wh, raw);
        in.imm = sext((uint64_t{fld(raw, 36, 1)} << 20) | fld(raw, 13, 20), 21) * 16;
        return in;
    }
    default: return Insn{};
    }
}

// F2: xma.l/.h/.hu f1=f3,f4,f2, the integer multiply-add on significands.
Insn decode_xma(uint64_t raw) {
    unsigned x2 = fld(raw, 34, 2);
    if (fld(raw, 36, 1) != 1 || x2 == 1) return Insn{};   // bit 36 clear: fselect
    Insn in = with_fields(Op::xma, raw);
    in.pos = static_cast<uint8_t>(fld(raw, 27, 7));   // f4
    in.sub = static_cast<uint8_t>(x2);
    auto part = [](unsigned f) { return f >= 32 ? 2 : f >= 2 ? 1 : 0; };
    in.fp_parts = static_cast<uint8_t>(part(in.r1) | part(in.r2) | part(in.r3) | part(in.pos));
    return in;
}

Insn decode_f(uint64_t raw) {
    if (major_op(raw) == 0xe) return decode_xma(raw);
    if (major_op(raw) != 0 || fld(raw, 33, 1) != 0) return Insn{};
    unsigned x6 = fld(raw, 27, 6);
    if (x6 == 0 || (x6 == 1 && fld(raw, 26, 1) == 0)) {
        Insn in = with_qp(x6 == 0 ? Op::break_f : Op::nop_f, raw);
        in.imm = imm21(raw);
        return in;
    }
    if (x6 >= 0x10 && x6 <= 0x12) {   // F9: fmerge.s/.ns/.se
        Insn in = with_qp(Op::fmerge, raw);
        in.sub = static_cast<uint8_t>(x6 - 0x10);
        in.r1 = static_cast<uint8_t>(fld(raw, 6, 7));
        in.r2 = static_cast<uint8_t>(fld(raw, 13, 7));
        in.r3 = static_cast<uint8_t>(fld(raw, 20, 7));
        auto part = [](unsigned f) { return f >= 32 ? 2 : f >= 2 ? 1 : 0; };
        in.fp_parts = static_cast<uint8_t>(part(in.r1) | part(in.r2) | part(in.r3));
        return in;
    }
    return Insn{};
}

Insn decode_x(uint64_t raw, uint64_t l) {
    switch (major_op(raw)) {
    case 0: {   // X1: break.x / nop.x imm62
        unsigned x3 = fld(raw, 33, 3), x6 = fld(raw, 27, 6);
        if (x3 != 0 || x6 > 1 || (x6 == 1 && fld(raw, 26, 1))) return Insn{};
        Insn in = with_qp(x6 == 0 ? Op::break_x : Op::nop_x, raw);
        in.imm = static_cast<int64_t>((l << 21) | (uint64_t{fld(raw, 36, 1)} << 20) | fld(raw, 6, 20));
        return in;
    }
    case 6: {   // X2: movl r1=imm64
        if (fld(raw, 20, 1)) return Insn{};   // vc must be 0
        Insn in = with_qp(Op::movl, raw);
        in.r1 = static_cast<uint8_t>(fld(raw, 6, 7));
        in.writes_gr = true;
        in.max_gr = in.r1;
        in.imm = static_cast<int64_t>((uint64_t{fld(raw, 36, 1)} << 63) | (l << 22) |
                                      (uint64_t{fld(raw, 21, 1)} << 21) | (uint64_t{fld(raw, 22, 5)} << 16) |
                                      (uint64_t{fld(raw, 27, 9)} << 7) | fld(raw, 13, 7));
        return in;
    }
    case 0xc:
    case 0xd: {   // X3 brl.cond / X4 brl.call
        bool call = major_op(raw) == 0xd;
        if (!call && fld(raw, 6, 3) != 0) return Insn{};
        Insn in = with_qp(call ? Op::brl_call : Op::brl_cond, raw);
        if (call) in.r1 = static_cast<uint8_t>(fld(raw, 6, 3));
        in.hint = branch_hints(fld(raw, 33, 2), raw);
        uint64_t imm60 = (uint64_t{fld(raw, 36, 1)} << 59) | ((l >> 2) << 20) | fld(raw, 13, 20);
        in.imm = sext(imm60, 60) * 16;
        return in;
    }
    default: return Insn{};
    }
}

}  // namespace ia64
