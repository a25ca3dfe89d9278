// I-unit formats I1-I29 that this simulator implements: deposit/extract,
// test bit/NaT, variable shifts, moves to and from BR/PR/AR/IP, sign and
// zero extension, break/nop (SDM vol 3 sec 4.3).
#include <algorithm>

#include "bits.h"
#include "decode.h"

namespace ia64 {
namespace {


Insn gr_result(Op op, uint64_t raw) {
    Insn in = with_fields(op, raw);
    in.writes_gr = true;
    return in;
}

Insn decode_misc(uint64_t raw) {   // major opcode 0
    unsigned x3 = fld(raw, 33, 3), x6 = fld(raw, 27, 6);
    if (x3 == 3) {   // I23: mov pr=r2,mask17
        Insn in = with_fields(Op::mov_to_pr, raw);
        in.r1 = 0;
        in.r3 = 0;
        in.imm = sext((uint64_t{fld(raw, 36, 1)} << 16) | (uint64_t{fld(raw, 24, 8)} << 8) |
                          (uint64_t{fld(raw, 6, 7)} << 1),
                      17);
        return in;
    }
    if (x3 == 2) {   // I24: mov pr.rot=imm44
        Insn in = with_fields(Op::mov_to_pr_rot, raw);
        in.r1 = in.r2 = in.r3 = 0;
        in.imm = sext((uint64_t{fld(raw, 36, 1)} << 43) | (uint64_t{fld(raw, 6, 27)} << 16), 44);
        return in;
    }
    if (x3 == 7) {   // I21: mov b1=r2 with hints and tag
        Insn in = with_fields(Op::mov_to_br, raw);
        unsigned wh = fld(raw, 20, 2);
        if (wh == 3) return Insn{};
        in.r1 = static_cast<uint8_t>(fld(raw, 6, 3));
        in.r3 = 0;
        in.hint = static_cast<uint8_t>(wh | (fld(raw, 23, 1) << 2) | (fld(raw, 22, 1) << 3));
        in.imm = sext(fld(raw, 24, 9), 9) * 16;
        return in;
    }
    if (x3 != 0) return Insn{};
    switch (x6) {
    case 0x00: {
        Insn in = with_fields(Op::break_i, raw);
        in.r1 = in.r2 = in.r3 = 0;
        in.imm = imm21(raw);
        return in;
    }
    case 0x01: {
        if (fld(raw, 26, 1)) return Insn{};   // hint.i
        Insn in = with_fields(Op::nop_i, raw);
        in.r1 = in.r2 = in.r3 = 0;
        in.imm = imm21(raw);
        return in;
    }
    case 0x0a: {   // I27: mov.i ar3=imm8
        Insn in = with_fields(Op::mov_to_ar_imm_i, raw);
        in.r1 = in.r2 = 0;
        in.imm = sext((uint64_t{fld(raw, 36, 1)} << 7) | fld(raw, 13, 7), 8);
        return in;
    }
    case 0x10: case 0x11: case 0x12: case 0x14: case 0x15: case 0x16: {   // I29
        Insn in = gr_result((x6 & 4) ? Op::sxt : Op::zxt, raw);
        in.r2 = 0;
        in.size = static_cast<uint8_t>(1u << (x6 & 3));
        return in;
    }
    case 0x2a: {   // I26: mov.i ar3=r2
        Insn in = with_fields(Op::mov_to_ar_i, raw);
        in.r1 = 0;
        return in;
    }
    case 0x30: {
        Insn in = gr_result(Op::mov_from_ip, raw);
        in.r2 = in.r3 = 0;
        return in;
    }
    case 0x31: {   // I22: mov r1=b2
        Insn in = gr_result(Op::mov_from_br, raw);
        in.r2 = static_cast<uint8_t>(fld(raw, 13, 3));
        in.r3 = 0;
        return in;
    }
    case 0x32: {   // I28: mov.i r1=ar3
        Insn in = gr_result(Op::mov_from_ar_i, raw);
        in.r2 = 0;
        return in;
    }
    case 0x33: {
        Insn in = gr_result(Op::mov_from_pr, raw);
        in.r2 = in.r3 = 0;
        return in;
    }
    default: return Insn{};
    }
}

Insn decode_test(uint64_t raw) {   // I16/I17: tbit, tnat
    unsigned ya = fld(raw, 13, 1);
    if (ya && fld(raw, 19, 1)) return Insn{};   // tf
    Insn in = with_fields(ya ? Op::tnat : Op::tbit, raw);
    in.p1 = static_cast<uint8_t>(fld(raw, 6, 6));
    in.p2 = static_cast<uint8_t>(fld(raw, 27, 6));
    in.r1 = in.r2 = 0;
    in.pos = static_cast<uint8_t>(fld(raw, 14, 6));
    if (ya) in.pos = 0;
    unsigned ta = fld(raw, 33, 1), tb = fld(raw, 36, 1), c = fld(raw, 12, 1);
    static constexpr Ctype types[4] = {Ctype::none, Ctype::and_, Ctype::or_, Ctype::or_andcm};
    Ctype ct = types[ta * 2 + tb];
    if (ct == Ctype::none && c) ct = Ctype::unc;
    // For parallel types c selects .nz (bit/NaT set); for none/unc it selects .unc.
    in.sub = static_cast<uint8_t>(ct != Ctype::none && ct != Ctype::unc && c);
    in.ctype = static_cast<uint8_t>(ct);
    in.runs_false = ct == Ctype::unc;
    return in;
}

Insn decode_op5(uint64_t raw) {
    unsigned x2 = fld(raw, 34, 2), x = fld(raw, 33, 1);
    unsigned len = fld(raw, 27, 6) + 1;
    if (x2 == 0) return decode_test(raw);
    if (x2 == 3 && x == 0) {   // I10: shrp
        Insn in = gr_result(Op::shrp, raw);
        in.pos = static_cast<uint8_t>(fld(raw, 27, 6));
        return in;
    }
    if (x2 == 1 && x == 0) {   // I11: extr / extr.u
        Insn in = gr_result(fld(raw, 13, 1) ? Op::extr : Op::extr_u, raw);
        in.r2 = 0;
        in.pos = static_cast<uint8_t>(fld(raw, 14, 6));
        in.len = static_cast<uint8_t>(len);
        return in;
    }
    if (x2 == 1 && x == 1) {   // I12 dep.z r1=r2 / I13 dep.z r1=imm8
        bool imm = fld(raw, 26, 1) != 0;
        Insn in = gr_result(imm ? Op::dep_z_imm : Op::dep_z, raw);
        in.r3 = 0;
        in.pos = static_cast<uint8_t>(63 - fld(raw, 20, 6));
        in.len = static_cast<uint8_t>(len);
        if (imm) {
            in.r2 = 0;
            in.imm = sext((uint64_t{fld(raw, 36, 1)} << 7) | fld(raw, 13, 7), 8);
        }
        return in;
    }
    if (x2 == 3 && x == 1) {   // I14: dep r1=imm1,r3
        Insn in = gr_result(Op::dep_imm, raw);
        in.r2 = 0;
        in.pos = static_cast<uint8_t>(63 - fld(raw, 14, 6));
        in.len = static_cast<uint8_t>(len);
        in.imm = fld(raw, 36, 1) ? -1 : 0;
        return in;
    }
    return Insn{};
}

Insn decode_op7(uint64_t raw) {   // I5/I7 variable shifts, I9 popcnt
    unsigned za = fld(raw, 36, 1), zb = fld(raw, 33, 1), ve = fld(raw, 32, 1), x2a = fld(raw, 34, 2),
             x2b = fld(raw, 28, 2), x2c = fld(raw, 30, 2);
    if (ve != 0) return Insn{};
    if (za == 1 && zb == 1 && x2a == 0) {
        if (x2c == 0 && x2b == 2) return gr_result(Op::shr_var, raw);
        if (x2c == 0 && x2b == 0) return gr_result(Op::shr_u_var, raw);
        if (x2c == 1 && x2b == 0) return gr_result(Op::shl_var, raw);
    }
    if (za == 0 && zb == 1 && x2a == 1 && x2b == 1 && x2c == 2) {
        Insn in = gr_result(Op::popcnt, raw);
        in.r2 = 0;
        return in;
    }
    return Insn{};
}

}  // namespace

Insn decode_i(uint64_t raw) {
    Insn in;
    switch (major_op(raw)) {
    case 0: in = decode_misc(raw); break;
    case 4: {   // I15: dep r1=r2,r3,pos,len (len 1-16)
        in = gr_result(Op::dep, raw);
        in.pos = static_cast<uint8_t>(63 - fld(raw, 31, 6));
        in.len = static_cast<uint8_t>(fld(raw, 27, 4) + 1);
        break;
    }
    case 5: in = decode_op5(raw); break;
    case 7: in = decode_op7(raw); break;
    default: break;
    }
    if (in.op == Op::unsupported) return Insn{};
    // Fields that name a branch or application register are not GRs.
    uint8_t gr_src2 = in.op == Op::mov_from_br ? 0 : in.r2;
    uint8_t gr_src3 = (in.op == Op::mov_to_ar_i || in.op == Op::mov_to_ar_imm_i || in.op == Op::mov_from_ar_i)
                          ? 0 : in.r3;
    in.max_gr = std::max({in.writes_gr ? in.r1 : uint8_t{0}, gr_src2, gr_src3});
    return in;
}

}  // namespace ia64
