// M-unit formats: integer and FP loads/stores with post-increment,
// semaphores, getf/setf, system and memory-management instructions
// (SDM vol 3 sec 4.4).
#include <algorithm>

#include "bits.h"
#include "decode.h"

namespace ia64 {
namespace {


Insn only(Op op, uint64_t raw) {
    Insn in = with_fields(op, raw);
    in.r1 = in.r2 = in.r3 = 0;
    return in;
}

// imm24 of sum/rum/ssm/rsm (M44): i (36), i2d (32:31), imm21a (26:6).
int64_t imm24(uint64_t raw) {
    return static_cast<int64_t>((uint64_t{fld(raw, 36, 1)} << 23) | (uint64_t{fld(raw, 31, 2)} << 21) | fld(raw, 6, 21));
}

Insn decode_sys0(uint64_t raw) {   // major opcode 0
    unsigned x3 = fld(raw, 33, 3), x4 = fld(raw, 27, 4), x2 = fld(raw, 31, 2);
    if (x3 != 0) return Insn{};
    if (x4 >= 4 && x4 <= 7) {
        static constexpr Op ops[4] = {Op::sum, Op::rum, Op::ssm, Op::rsm};
        Insn in = only(ops[x4 - 4], raw);
        in.imm = imm24(raw);
        return in;
    }
    switch (x4 * 4 + x2) {
    case 0 * 4 + 0:
    case 1 * 4 + 0: {
        Insn in = only(x4 == 0 ? Op::break_m : Op::nop_m, raw);
        if (x4 == 1 && fld(raw, 26, 1)) return Insn{};   // hint.m
        in.imm = imm21(raw);
        return in;
    }
    case 0 * 4 + 1: return only(Op::invala, raw);
    case 0 * 4 + 2: return only(Op::fwb, raw);
    case 0 * 4 + 3: return only(Op::srlz_d, raw);
    case 1 * 4 + 3: return only(Op::srlz_i, raw);
    case 2 * 4 + 2: return only(Op::mf, raw);
    case 3 * 4 + 3: return only(Op::sync_i, raw);
    case 3 * 4 + 2: return only(Op::mf_a, raw);
    case 0xa * 4 + 0: return only(Op::loadrs, raw);
    case 0xc * 4 + 0: return only(Op::flushrs, raw);
    case 8 * 4 + 2: {   // M30: mov.m ar3=imm8
        Insn in = with_fields(Op::mov_to_ar_imm_m, raw);
        in.r1 = in.r2 = 0;
        in.imm = sext((uint64_t{fld(raw, 36, 1)} << 7) | fld(raw, 13, 7), 8);
        return in;
    }
    default: return Insn{};
    }
}

struct Sys1 { uint8_t x6; Op op; uint8_t operands; };
// operands: bit0 r1 (GR target), bit1 r2 (GR source), bit2 r3 (GR source)
constexpr Sys1 kSys1[] = {
    {0x00, Op::mov_to_rr, 6},   {0x0e, Op::itr_d, 6},       {0x0f, Op::itr_i, 6},
    {0x10, Op::mov_from_rr, 5}, {0x17, Op::mov_from_cpuid, 5},
    {0x09, Op::ptc_l, 6},       {0x0a, Op::ptc_g, 6},       {0x0b, Op::ptc_ga, 6},
    {0x0c, Op::ptr_d, 6},       {0x0d, Op::ptr_i, 6},       {0x1e, Op::tpa, 5},
    {0x1f, Op::tak, 5},         {0x21, Op::mov_from_psr_um, 1}, {0x22, Op::mov_from_ar_m, 1},
    {0x24, Op::mov_from_cr, 1}, {0x25, Op::mov_from_psr, 1}, {0x29, Op::mov_to_psr_um, 2},
    {0x2a, Op::mov_to_ar_m, 2}, {0x2c, Op::mov_to_cr, 2},   {0x2d, Op::mov_to_psr_l, 2},
    {0x2e, Op::itc_d, 2},       {0x2f, Op::itc_i, 2},       {0x30, Op::fc, 4},
    {0x34, Op::ptc_e, 4},
};

Insn decode_sys1(uint64_t raw) {   // major opcode 1
    unsigned x3 = fld(raw, 33, 3), x6 = fld(raw, 27, 6);
    if (x3 == 6) {   // M34: alloc r1=ar.pfs,sof,sol,sor
        Insn in = with_fields(Op::alloc, raw);
        in.writes_gr = true;
        in.r2 = static_cast<uint8_t>(fld(raw, 13, 7));   // sof
        in.r3 = static_cast<uint8_t>(fld(raw, 20, 7));   // sol
        in.len = static_cast<uint8_t>(fld(raw, 27, 4));  // sor / 8
        in.max_gr = in.r1;
        return in;
    }
    if (x3 != 0) return Insn{};
    if (x6 == 0x30 && fld(raw, 36, 1)) return Insn{};   // fc.i
    if (x6 == 0x38 || x6 == 0x39 || x6 == 0x18 || x6 == 0x19 || (x6 >= 0x31 && x6 <= 0x33)) {
        // M38-M40 probe: sub bit 0 = read, bit 1 = write, bit 2 = immediate level
        bool fault = x6 >= 0x31 && x6 <= 0x33;
        bool imm = fault || x6 < 0x20;
        Insn in = with_fields(fault ? Op::probe_fault : Op::probe, raw);
        static constexpr uint8_t fault_kind[3] = {3, 1, 2};
        in.sub = static_cast<uint8_t>((fault ? fault_kind[x6 - 0x31] : (x6 & 1) ? 2 : 1) | (imm ? 4 : 0));
        if (imm) {
            in.imm = fld(raw, 13, 2);
            in.r2 = 0;
        }
        in.writes_gr = !fault;
        if (fault) in.r1 = 0;
        in.max_gr = std::max({in.r1, in.r2, in.r3});
        return in;
    }
    for (const Sys1& s : kSys1) {
        if (s.x6 != x6) continue;
        Insn in = with_fields(s.op, raw);
        in.writes_gr = (s.operands & 1) != 0;
        if (!(s.operands & 1)) in.r1 = 0;
        if (!(s.operands & 2)) in.r2 = 0;
        if (!(s.operands & 4) && s.op != Op::mov_to_ar_m && s.op != Op::mov_from_ar_m &&
            s.op != Op::mov_to_cr && s.op != Op::mov_from_cr)
            in.r3 = 0;
        uint8_t r3_gr = (s.operands & 4) ? in.r3 : 0;
        in.max_gr = std::max({in.writes_gr ? in.r1 : uint8_t{0}, in.r2, r3_gr});
        return in;
    }
    return Insn{};
}

// Integer load/store/semaphore x6 values (SDM vol 3 tables 4-30, 4-32, 4-33).
bool int_load(Insn& in, unsigned x6) {
    unsigned kind = x6 >> 2;
    in.size = static_cast<uint8_t>(1u << (x6 & 3));
    if (x6 == 0x1b) {
        in.op = Op::ld_fill;
        in.size = 8;
        return true;
    }
    switch (kind) {
    case 0: in.sub = static_cast<uint8_t>(MemSem::none); break;
    case 4: in.sub = static_cast<uint8_t>(MemSem::bias); break;
    case 5: in.sub = static_cast<uint8_t>(MemSem::acq); break;
    default: return false;   // speculative/advanced/check loads need the ALAT
    }
    in.op = Op::ld;
    return true;
}

bool int_store(Insn& in, unsigned x6) {
    in.size = static_cast<uint8_t>(1u << (x6 & 3));
    if (x6 == 0x3b) {
        in.op = Op::st_spill;
        in.size = 8;
        return true;
    }
    if (x6 >= 0x30 && x6 <= 0x37) {
        in.op = Op::st;
        in.sub = static_cast<uint8_t>(x6 >= 0x34 ? MemSem::rel : MemSem::none);
        return true;
    }
    return false;
}

int64_t imm9_load(uint64_t raw) {
    return sext((uint64_t{fld(raw, 36, 1)} << 8) | (uint64_t{fld(raw, 27, 1)} << 7) | fld(raw, 13, 7), 9);
}
int64_t imm9_store(uint64_t raw) {
    return sext((uint64_t{fld(raw, 36, 1)} << 8) | (uint64_t{fld(raw, 27, 1)} << 7) | fld(raw, 6, 7), 9);
}

Insn decode_int_mem(uint64_t raw) {   // major opcodes 4 and 5
    unsigned op = major_op(raw), m = fld(raw, 36, 1), x = fld(raw, 27, 1), x6 = fld(raw, 30, 6);
    Insn in = with_fields(Op::unsupported, raw);
    in.hint = static_cast<uint8_t>(fld(raw, 28, 2));
    if (in.hint == 2) return Insn{};   // no .nt2 hint exists
    if (op == 4 && m == 0 && x == 1) {   // semaphores and getf
        if (x6 <= 0x0b) {
            in.op = x6 < 8 ? Op::cmpxchg : Op::xchg;
            in.size = static_cast<uint8_t>(1u << (x6 & 3));
            in.sub = static_cast<uint8_t>(x6 < 4 ? MemSem::acq : x6 < 8 ? MemSem::rel : MemSem::acq);
        } else if (x6 == 0x12 || x6 == 0x13 || x6 == 0x16 || x6 == 0x17) {
            in.op = Op::fetchadd;
            in.size = (x6 & 1) ? 8 : 4;
            in.sub = static_cast<uint8_t>(x6 < 0x16 ? MemSem::acq : MemSem::rel);
            static constexpr int64_t incs[4] = {16, 8, 4, 1};
            in.imm = fld(raw, 15, 1) ? -incs[fld(raw, 13, 2)] : incs[fld(raw, 13, 2)];
            in.r2 = 0;
        } else if (x6 >= 0x1c && x6 <= 0x1f) {
            in.op = Op::getf;
            static constexpr FpFormat fmts[4] = {FpFormat::sig, FpFormat::exp, FpFormat::s, FpFormat::d};
            in.sub = static_cast<uint8_t>(fmts[x6 - 0x1c]);
            in.r3 = 0;
            in.fp_parts = static_cast<uint8_t>(in.r2 >= 32 ? 2 : in.r2 >= 2 ? 1 : 0);
            in.writes_gr = true;
            in.max_gr = in.r1;
            return in;
        } else {
            return Insn{};
        }
        in.writes_gr = true;
        in.max_gr = std::max({in.r1, in.r2, in.r3});
        return in;
    }
    if (x == 1 && op == 4) return Insn{};
    if (op == 4 && m == 1 && x6 >= 0x30) return Insn{};   // stores have no register increment
    if (x6 < 0x30) {
        if (!int_load(in, x6)) return Insn{};
        in.writes_gr = true;
        in.inc_kind = op == 5 ? 2 : m ? 1 : 0;
        if (op == 5) {
            in.imm = imm9_load(raw);
            in.r2 = 0;
        } else if (!m) {
            if (in.r2 != 0) return Insn{};
        }
    } else {
        // Stores take no .nt1 hint; the r1 field of M4 is unused and must be 0.
        if (!int_store(in, x6) || in.hint == 1 || (op == 4 && in.r1 != 0)) return Insn{};
        in.r1 = 0;
        in.inc_kind = op == 5 ? 2 : 0;
        if (op == 5) in.imm = imm9_store(raw);
    }
    in.max_gr = std::max({in.r1, in.r2, in.r3});
    return in;
}

bool fp_format(unsigned x6, Insn& in) {
    static constexpr FpFormat fmts[4] = {FpFormat::e, FpFormat::sig, FpFormat::s, FpFormat::d};
    static constexpr uint8_t sizes[4] = {10, 8, 4, 8};
    if ((x6 & 0x0f) == 0x0b && (x6 == 0x1b || x6 == 0x3b)) {
        in.sub = static_cast<uint8_t>(FpFormat::fill);
        in.size = 16;
        return true;
    }
    if (x6 > 3 && !(x6 >= 0x30 && x6 <= 0x33)) return false;
    in.sub = static_cast<uint8_t>(fmts[x6 & 3]);
    in.size = sizes[x6 & 3];
    return true;
}

uint8_t fp_part(unsigned f) { return static_cast<uint8_t>(f >= 32 ? 2 : f >= 2 ? 1 : 0); }

Insn decode_fp_mem(uint64_t raw) {   // major opcodes 6 and 7
    unsigned op = major_op(raw), m = fld(raw, 36, 1), x = fld(raw, 27, 1), x6 = fld(raw, 30, 6);
    Insn in = with_fields(Op::unsupported, raw);
    in.hint = static_cast<uint8_t>(fld(raw, 28, 2));
    if (op == 6 && x == 1) {   // setf (M18); ldfp pairs are not implemented
        if (m != 0 || x6 < 0x1c || x6 > 0x1f) return Insn{};
        static constexpr FpFormat fmts[4] = {FpFormat::sig, FpFormat::exp, FpFormat::s, FpFormat::d};
        in.op = Op::setf;
        in.sub = static_cast<uint8_t>(fmts[x6 - 0x1c]);
        in.r3 = 0;
        in.fp_parts = fp_part(in.r1);
        in.max_gr = in.r2;
        return in;
    }
    if (in.hint == 2) return Insn{};
    if (!fp_format(x6, in)) return Insn{};
    bool store = x6 >= 0x30;
    if (store) {
        if ((op == 6 && (m || in.r1 != 0)) || in.hint == 1) return Insn{};
        in.op = in.sub == static_cast<uint8_t>(FpFormat::fill) ? Op::stf_spill : Op::stf;
        in.r1 = 0;
        in.inc_kind = op == 7 ? 2 : 0;
        if (op == 7) in.imm = imm9_store(raw);
        in.fp_parts = fp_part(in.r2);
        in.max_gr = in.r3;
    } else {
        in.op = in.sub == static_cast<uint8_t>(FpFormat::fill) ? Op::ldf_fill : Op::ldf;
        in.inc_kind = op == 7 ? 2 : m ? 1 : 0;
        if (op == 7) in.imm = imm9_load(raw);
        if (op == 6 && !m && in.r2 != 0) return Insn{};
        if (op == 7 || !m) in.r2 = 0;
        in.fp_parts = fp_part(in.r1);
        in.max_gr = std::max(in.r2, in.r3);
    }
    return in;
}

}  // namespace

Insn decode_m(uint64_t raw) {
    switch (major_op(raw)) {
    case 0: return decode_sys0(raw);
    case 1: return decode_sys1(raw);
    case 4:
    case 5: return decode_int_mem(raw);
    case 6:
    case 7: return decode_fp_mem(raw);
    default: return Insn{};
    }
}

}  // namespace ia64
