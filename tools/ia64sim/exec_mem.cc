// Loads, stores (with post-increment), spill/fill with UNAT, semaphores and
// FP memory/transfer instructions (SDM vol 3 "ld", "st", "cmpxchg",
// "xchg", "fetchadd", "ldf", "stf", "setf", "getf", "fmerge").
#include "exec.h"
#include "fp_format.h"

namespace ia64::exec {
namespace {

// Post-increment of the base register after the access (r3 += r2 or imm9).
void post_increment(Cpu& c, const Insn& in) {
    if (in.inc_kind == 0) return;
    uint64_t inc = in.inc_kind == 1 ? c.gr(in.r2) : static_cast<uint64_t>(in.imm);
    bool n = c.nat(in.r3) || (in.inc_kind == 1 && c.nat(in.r2));
    c.set_gr(in.r3, c.gr(in.r3) + inc, n);
}

[[nodiscard]] bool base_ok(Cpu& c, const Insn& in) {
    if (c.nat(in.r3)) {
        c.nat_consumption();
        return false;
    }
    return true;
}

}  // namespace

void load(Cpu& c, const Insn& in) {
    if (in.inc_kind != 0 && in.r1 == in.r3) {   // base update and target collide
        c.illegal_operation();
        return;
    }
    if (!base_ok(c, in)) return;
    uint64_t addr = c.gr(in.r3);
    bool fill = in.op == Op::ld_fill;
    if (!c.check_alignment(addr, in.size, fill, Access::read)) return;
    uint64_t v;
    if (!c.read(addr, in.size, v)) return;
    bool n = fill && ((c.ar[kArUnat] >> ((addr >> 3) & 63)) & 1);
    post_increment(c, in);
    c.set_gr(in.r1, v, n);
}

void store(Cpu& c, const Insn& in) {
    if (!base_ok(c, in)) return;
    bool spill = in.op == Op::st_spill;
    if (!spill && c.nat(in.r2)) {
        c.nat_consumption();
        return;
    }
    uint64_t addr = c.gr(in.r3);
    if (!c.check_alignment(addr, in.size, spill, Access::write)) return;
    if (!c.write(addr, in.size, c.gr(in.r2))) return;
    if (spill) {
        unsigned b = (addr >> 3) & 63;
        c.ar[kArUnat] = (c.ar[kArUnat] & ~(uint64_t{1} << b)) | (uint64_t{c.nat(in.r2)} << b);
    }
    post_increment(c, in);
}

// Semaphores are atomic with respect to this single processor by
// construction; they always require natural alignment.
void semaphore(Cpu& c, const Insn& in) {
    if (!base_ok(c, in)) return;
    if (in.op != Op::fetchadd && c.nat(in.r2)) {
        c.nat_consumption();
        return;
    }
    uint64_t addr = c.gr(in.r3);
    if (!c.check_alignment(addr, in.size, true, Access::semaphore)) return;
    uint64_t pa;
    if (!c.translate(addr, Access::semaphore, pa)) return;
    uint64_t old;
    if (!c.mem.read(pa, in.size, old)) {
        c.stop = Stop::bus_error;
        c.stop_reason = "bus error: semaphore on physical address with no memory";
        c.faulted = true;
        return;
    }
    uint64_t mask = mask_bits(in.size * 8u);
    uint64_t next;
    bool do_write = true;
    switch (in.op) {
    case Op::cmpxchg:
        next = c.gr(in.r2);
        do_write = old == (c.ar[kArCcv] & mask);
        break;
    case Op::xchg: next = c.gr(in.r2); break;
    default: next = old + static_cast<uint64_t>(in.imm); break;
    }
    if (do_write && !c.mem.write(pa, in.size, next & mask)) return;
    c.set_gr(in.r1, old);
}

void fp_load(Cpu& c, const Insn& in) {
    if (in.r1 < 2) {   // f0 and f1 are read-only
        c.illegal_operation();
        return;
    }
    if (!base_ok(c, in)) return;
    uint64_t addr = c.gr(in.r3);
    FpFormat f = static_cast<FpFormat>(in.sub);
    unsigned align = f == FpFormat::fill ? 16 : f == FpFormat::e ? 16 : in.size;
    if (!c.check_alignment(addr, align, f == FpFormat::fill, Access::read)) return;
    uint64_t lo = 0, hi = 0;
    if (!c.read(addr, in.size > 8 ? 8 : in.size, lo)) return;
    if (in.size > 8 && !c.read(addr + 8, in.size - 8, hi)) return;
    Fr r;
    switch (f) {
    case FpFormat::s: r = fr_from_single(static_cast<uint32_t>(lo)); break;
    case FpFormat::d: r = fr_from_double(lo); break;
    case FpFormat::e: r = fr_from_extended(lo, static_cast<uint16_t>(hi)); break;
    case FpFormat::fill:   // spill format: significand, then exponent and sign
        r.sig = lo;
        r.exp = static_cast<uint32_t>(hi & 0x1ffff);
        r.sign = static_cast<uint8_t>((hi >> 17) & 1);
        break;
    default:
        r.sig = lo;
        r.exp = kExpInt;
        break;
    }
    post_increment(c, in);
    c.fr(in.r1) = r;
    c.psr |= bit(in.r1 >= 32 ? kPsrMfh : kPsrMfl);
}

void fp_store(Cpu& c, const Insn& in) {
    if (!base_ok(c, in)) return;
    uint64_t addr = c.gr(in.r3);
    FpFormat f = static_cast<FpFormat>(in.sub);
    const Fr v = c.fr(in.r2);
    if (fr_is_natval(v) && f != FpFormat::fill) {
        c.nat_consumption();
        return;
    }
    unsigned align = f == FpFormat::fill || f == FpFormat::e ? 16 : in.size;
    if (!c.check_alignment(addr, align, f == FpFormat::fill, Access::write)) return;
    uint64_t lo, hi = 0;
    switch (f) {
    case FpFormat::s: lo = fr_to_single(v); break;
    case FpFormat::d: lo = fr_to_double(v); break;
    case FpFormat::e:
        lo = v.sig;
        hi = fr_extended_se(v);
        break;
    case FpFormat::fill:
        lo = v.sig;
        hi = v.exp | (uint64_t{v.sign} << 17);
        break;
    default: lo = v.sig; break;
    }
    if (!c.write(addr, in.size > 8 ? 8 : in.size, lo)) return;
    if (in.size > 8 && !c.write(addr + 8, in.size - 8, hi)) return;
    post_increment(c, in);
}

void fp_xfer(Cpu& c, const Insn& in) {
    FpFormat f = static_cast<FpFormat>(in.sub);
    if (in.op == Op::setf) {
        if (in.r1 < 2) {
            c.illegal_operation();
            return;
        }
        uint64_t v = c.gr(in.r2);
        Fr r;
        if (c.nat(in.r2)) {
            r.exp = kExpNatVal;
        } else if (f == FpFormat::sig) {
            r.sig = v;
            r.exp = kExpInt;
        } else if (f == FpFormat::exp) {
            r.sig = uint64_t{1} << 63;
            r.exp = static_cast<uint32_t>(v & 0x1ffff);
            r.sign = static_cast<uint8_t>((v >> 17) & 1);
        } else {
            r = f == FpFormat::s ? fr_from_single(static_cast<uint32_t>(v)) : fr_from_double(v);
        }
        c.fr(in.r1) = r;
        c.psr |= bit(in.r1 >= 32 ? kPsrMfh : kPsrMfl);
        return;
    }
    const Fr v = c.fr(in.r2);
    uint64_t r;
    switch (f) {
    case FpFormat::sig: r = v.sig; break;
    case FpFormat::exp: r = v.exp | (uint64_t{v.sign} << 17); break;
    case FpFormat::s: r = fr_to_single(v); break;
    default: r = fr_to_double(v); break;
    }
    c.set_gr(in.r1, r, fr_is_natval(v));
}

void fmerge(Cpu& c, const Insn& in) {
    if (in.r1 < 2) {
        c.illegal_operation();
        return;
    }
    const Fr a = c.fr(in.r2), b = c.fr(in.r3);
    Fr r = b;
    switch (in.sub) {
    case 0: r.sign = a.sign; break;
    case 1: r.sign = !a.sign; break;
    default:
        r.sign = a.sign;
        r.exp = a.exp;
        break;
    }
    c.fr(in.r1) = r;
    c.psr |= bit(in.r1 >= 32 ? kPsrMfh : kPsrMfl);
}

}  // namespace ia64::exec

namespace ia64::exec {

// xma: f1.significand = f3.sig * f4.sig + f2.sig, the low 64 bits (.l) or
// the high 64 bits of the signed (.h) or unsigned (.hu) product; the result
// is an integer in register format (SDM vol 3 "xma").
void xma(Cpu& c, const Insn& in) {
    if (in.r1 < 2) {
        c.illegal_operation();
        return;
    }
    const Fr a = c.fr(in.r3), b = c.fr(in.pos), add = c.fr(in.r2);
    Fr r;
    r.exp = kExpInt;
    if (fr_is_natval(a) || fr_is_natval(b) || fr_is_natval(add)) {
        r.exp = kExpNatVal;
    } else if (in.sub == 0) {
        r.sig = a.sig * b.sig + add.sig;
    } else if (in.sub == 2) {
        unsigned __int128 p = static_cast<unsigned __int128>(a.sig) * b.sig + add.sig;
        r.sig = static_cast<uint64_t>(p >> 64);
    } else {
        __int128 p = static_cast<__int128>(static_cast<int64_t>(a.sig)) * static_cast<int64_t>(b.sig) +
                     static_cast<int64_t>(add.sig);
        r.sig = static_cast<uint64_t>(p >> 64);
    }
    c.fr(in.r1) = r;
    c.psr |= bit(in.r1 >= 32 ? kPsrMfh : kPsrMfl);
}

}  // namespace ia64::exec
