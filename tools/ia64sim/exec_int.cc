// Integer ALU, compare, test-bit, shift/deposit/extract and register moves
// (SDM vol 3 instruction pages: add ... zxt).  Results are written after
// all sources are read; a NaT source makes the result NaT.
#include "exec.h"

namespace ia64::exec {
namespace {

uint64_t addp4_result(uint64_t a, uint64_t b) {   // SDM vol 3 "addp4"
    uint64_t sum = (a + b) & 0xffffffff;
    return sum | ((b >> 30) & 3) << 61;
}

}  // namespace

void alu(Cpu& c, const Insn& in) {
    uint64_t a = c.gr(in.r2), b = c.gr(in.r3);
    bool n = c.nat(in.r2) || c.nat(in.r3);
    uint64_t imm = static_cast<uint64_t>(in.imm);
    uint64_t r;
    switch (in.op) {
    case Op::add: r = a + b; break;
    case Op::add1: r = a + b + 1; break;
    case Op::sub: r = a - b; break;
    case Op::sub1: r = a - b - 1; break;
    case Op::addp4: r = addp4_result(a, b); break;
    case Op::and_: r = a & b; break;
    case Op::andcm: r = a & ~b; break;
    case Op::or_: r = a | b; break;
    case Op::xor_: r = a ^ b; break;
    case Op::shladd: r = (a << in.len) + b; break;
    case Op::shladdp4: r = addp4_result(a << in.len, b); break;
    case Op::sub_imm: r = imm - b; break;
    case Op::and_imm: r = imm & b; break;
    case Op::andcm_imm: r = imm & ~b; break;
    case Op::or_imm: r = imm | b; break;
    case Op::xor_imm: r = imm ^ b; break;
    case Op::adds:
    case Op::addl: r = imm + b; break;
    case Op::addp4_imm: r = addp4_result(imm, b); break;
    // shr r1=r3,r2 and shl r1=r2,r3: the count is r2 for shr, r3 for shl.
    case Op::shr_var: r = a >= 64 ? static_cast<uint64_t>(static_cast<int64_t>(b) >> 63)
                                  : static_cast<uint64_t>(static_cast<int64_t>(b) >> a); break;
    case Op::shr_u_var: r = a >= 64 ? 0 : b >> a; break;
    case Op::shl_var: r = b >= 64 ? 0 : a << b; break;
    case Op::popcnt: r = static_cast<uint64_t>(__builtin_popcountll(b)); break;
    default: r = 0; break;
    }
    c.set_gr(in.r1, r, n);
}

// cmp/cmp4 and tbit/tnat share the predicate-writing rules of SDM vol 3
// "cmp" (its compare-type table): normal and unc types write both targets (unc clears
// both when qp is 0 or a source is NaT), parallel types write only when
// the relation holds.
static void write_predicates(Cpu& c, const Insn& in, Ctype ct, bool rel, bool nat) {
    if (in.p1 == in.p2) {
        c.illegal_operation();
        return;
    }
    if (!c.pr(in.qp)) {   // only reached for .unc
        c.set_pr(in.p1, false);
        c.set_pr(in.p2, false);
        return;
    }
    switch (ct) {
    case Ctype::none:
    case Ctype::unc:
        c.set_pr(in.p1, !nat && rel);
        c.set_pr(in.p2, !nat && !rel);
        break;
    case Ctype::and_:
        if (nat || !rel) {
            c.set_pr(in.p1, false);
            c.set_pr(in.p2, false);
        }
        break;
    case Ctype::or_:
        if (!nat && rel) {
            c.set_pr(in.p1, true);
            c.set_pr(in.p2, true);
        }
        break;
    case Ctype::or_andcm:
        if (!nat && rel) {
            c.set_pr(in.p1, true);
            c.set_pr(in.p2, false);
        }
        break;
    }
}

void compare(Cpu& c, const Insn& in) {
    bool wide4 = in.ctype & 0x10;
    Ctype ct = static_cast<Ctype>(in.ctype & 0xf);
    uint64_t a = in.op == Op::cmp ? c.gr(in.r2) : in.op == Op::cmp_imm ? static_cast<uint64_t>(in.imm) : 0;
    uint64_t b = c.gr(in.r3);
    bool nat = (in.op == Op::cmp && c.nat(in.r2)) || c.nat(in.r3);
    Rel rel = static_cast<Rel>(in.sub);
    if (wide4) {   // cmp4 compares the low 32 bits, sign- or zero-extended
        if (rel == Rel::ltu) {
            a &= 0xffffffff;
            b &= 0xffffffff;
        } else {
            a = static_cast<uint64_t>(sext(a, 32));
            b = static_cast<uint64_t>(sext(b, 32));
        }
    }
    int64_t sa = static_cast<int64_t>(a), sb = static_cast<int64_t>(b);
    bool r = false;
    switch (rel) {
    case Rel::lt: r = sa < sb; break;
    case Rel::ltu: r = a < b; break;
    case Rel::eq: r = a == b; break;
    case Rel::ne: r = a != b; break;
    case Rel::gt: r = sa > sb; break;
    case Rel::le: r = sa <= sb; break;
    case Rel::ge: r = sa >= sb; break;
    }
    write_predicates(c, in, ct, r, nat);
}

void test_bit(Cpu& c, const Insn& in) {
    Ctype ct = static_cast<Ctype>(in.ctype);
    bool value;
    bool nat = false;
    if (in.op == Op::tnat) {
        value = c.nat(in.r3);
    } else {
        value = (c.gr(in.r3) >> in.pos) & 1;
        nat = c.nat(in.r3);
    }
    // .z tests for 0; .nz (in.sub) for 1.  For none/unc types .nz is the pseudo-op
    // with swapped targets and was already folded by the assembler.
    bool rel = in.sub ? value : !value;
    write_predicates(c, in, ct, rel, nat);
}

void shift_deposit(Cpu& c, const Insn& in) {
    uint64_t r = 0;
    bool n = false;
    uint64_t m = mask_bits(in.len);
    switch (in.op) {
    case Op::dep: {
        uint64_t src = c.gr(in.r2), dst = c.gr(in.r3);
        n = c.nat(in.r2) || c.nat(in.r3);
        unsigned len = in.pos + in.len > 64 ? 64 - in.pos : in.len;
        r = deposit(dst, in.pos, len, src);
        break;
    }
    case Op::dep_imm: {
        uint64_t dst = c.gr(in.r3);
        n = c.nat(in.r3);
        unsigned len = in.pos + in.len > 64 ? 64 - in.pos : in.len;
        r = deposit(dst, in.pos, len, static_cast<uint64_t>(in.imm));
        break;
    }
    case Op::dep_z: {
        n = c.nat(in.r2);
        r = (c.gr(in.r2) & m) << in.pos;
        break;
    }
    case Op::dep_z_imm: r = (static_cast<uint64_t>(in.imm) & m) << in.pos; break;
    case Op::extr_u: {
        n = c.nat(in.r3);
        r = (c.gr(in.r3) >> in.pos) & m;
        break;
    }
    case Op::extr: {
        n = c.nat(in.r3);
        unsigned len = in.pos + in.len > 64 ? 64 - in.pos : in.len;
        r = static_cast<uint64_t>(sext(c.gr(in.r3) >> in.pos, len));
        break;
    }
    case Op::shrp: {
        n = c.nat(in.r2) || c.nat(in.r3);
        uint64_t lo = c.gr(in.r3), hi = c.gr(in.r2);
        r = in.pos == 0 ? lo : (lo >> in.pos) | (hi << (64 - in.pos));
        break;
    }
    default: break;
    }
    c.set_gr(in.r1, r, n);
}

void extend(Cpu& c, const Insn& in) {
    uint64_t v = c.gr(in.r3);
    unsigned bits = in.size * 8u;
    uint64_t r = in.op == Op::sxt ? static_cast<uint64_t>(sext(v, bits)) : v & mask_bits(bits);
    c.set_gr(in.r1, r, c.nat(in.r3));
}

void movl(Cpu& c, const Insn& in) { c.set_gr(in.r1, static_cast<uint64_t>(in.imm)); }

void mov_br(Cpu& c, const Insn& in) {
    if (in.op == Op::mov_from_br) {
        c.set_gr(in.r1, c.br[in.r2]);
        return;
    }
    if (c.nat(in.r2)) {
        c.nat_consumption();
        return;
    }
    c.br[in.r1] = c.gr(in.r2);
}

void mov_pr(Cpu& c, const Insn& in) {
    switch (in.op) {
    case Op::mov_from_pr: c.set_gr(in.r1, c.pr_word()); break;
    case Op::mov_to_pr:
        if (c.nat(in.r2)) {
            c.nat_consumption();
            return;
        }
        c.set_pr_word(c.gr(in.r2), static_cast<uint64_t>(in.imm));
        break;
    default:   // mov pr.rot=imm44 writes p16-p63 from imm bits 63:16
        c.set_pr_word(static_cast<uint64_t>(in.imm), ~uint64_t{0xffff});
        break;
    }
}

void mov_ip(Cpu& c, const Insn& in) { c.set_gr(in.r1, c.ip); }

}  // namespace ia64::exec
