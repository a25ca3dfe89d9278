// System instructions: moves to and from application and control
// registers and the PSR, system-mask and user-mask changes, the RSE
// control instructions, TLB management, interruption control, break/nop
// (SDM vol 3 instruction pages; vol 2 ch 3 for register semantics).
#include <cstdio>

#include "decode.h"
#include "exec.h"

namespace ia64::exec {
namespace {

[[nodiscard]] unsigned cpl_of(const Cpu& c) { return (c.psr >> kPsrCpl) & 3; }

[[nodiscard]] bool privileged(Cpu& c) {
    if (cpl_of(c) == 0) return true;
    c.privileged_operation();
    return false;
}

[[nodiscard]] bool ar_exists(unsigned a) {
    return a < 8 || (a >= 16 && a <= 19) || a == 21 || (a >= 24 && a <= 30) || a == 32 || a == 36 || a == 40 ||
           a == 44 || (a >= 64 && a <= 66);
}

[[nodiscard]] bool cr_exists(unsigned n) {
    return n <= 2 || n == 8 || (n >= 16 && n <= 25 && n != 18) || (n >= 64 && n <= 74) || n == 80 || n == 81;
}

// Interruption control registers are accessible only with PSR.ic = 0 (SDM vol 2 sec 3.3.5).
[[nodiscard]] bool interruption_cr(unsigned n) { return n >= 16 && n <= 25; }

void write_ar(Cpu& c, unsigned a, uint64_t v) {
    unsigned cpl = cpl_of(c);
    switch (a) {
    case kArRsc: {
        unsigned pl = (v >> 2) & 3;
        if (pl < cpl) pl = cpl;   // RSC.pl cannot be made more privileged than PSR.cpl
        c.ar[a] = (v & 0x3fff0013) | (uint64_t{pl} << 2);
        return;
    }
    case kArBsp: c.illegal_operation(); return;
    case kArBspstore:
        if (c.ar[kArRsc] & 3) {
            c.illegal_operation();
            return;
        }
        c.rse_write_bspstore(v);
        return;
    case kArRnat:
        if (c.ar[kArRsc] & 3) {
            c.illegal_operation();
            return;
        }
        c.ar[a] = v;
        return;
    case kArItc:
        if (cpl != 0) {
            c.privileged_register();
            return;
        }
        c.itc_offset = v - c.icount;
        c.update_timer();
        return;
    case kArEc: c.ar[a] = v & 0x3f; return;
    default:
        if (a < 8 && cpl != 0) {
            c.privileged_register();
            return;
        }
        c.ar[a] = v;
        return;
    }
}

[[nodiscard]] bool read_ar(Cpu& c, unsigned a, uint64_t& v) {
    if (a == kArItc) {
        if (((c.psr >> kPsrSi) & 1) && cpl_of(c) != 0) {
            c.privileged_register();
            return false;
        }
        v = c.icount + c.itc_offset;
        return true;
    }
    v = c.ar[a];
    return true;
}

void write_cr(Cpu& c, unsigned n, uint64_t v) {
    switch (n) {
    case kCrIvr:
    case kCrIrr0: case kCrIrr0 + 1: case kCrIrr0 + 2: case kCrIrr0 + 3:   // read-only
        c.illegal_operation();
        return;
    case kCrEoi: c.write_eoi(); return;
    case kCrTpr: c.cr[n] = v & 0x100f0; c.schedule_event_now(); return;
    case kCrItm: case kCrItv: c.cr[n] = v; c.update_timer(); return;
    case kCrIva: c.cr[n] = v & ~uint64_t{0x7fff}; return;
    default: c.cr[n] = v; return;
    }
}

[[nodiscard]] uint64_t read_cr(Cpu& c, unsigned n) {
    switch (n) {
    case kCrIvr: return c.read_ivr();
    case kCrEoi: return 0;
    case kCrIrr0: case kCrIrr0 + 1: case kCrIrr0 + 2: case kCrIrr0 + 3: return c.irr[n - kCrIrr0];
    default: return c.cr[n];
    }
}

TlbEntry entry_from(Cpu& c, uint64_t pte) {
    TlbEntry e;
    uint64_t ifa = c.cr[kCrIfa], itir = c.cr[kCrItir];
    unsigned ps = (itir >> 2) & 0x3f;
    e.valid = true;
    e.mask = mask_bits(ps);
    e.vpn = ifa & ((uint64_t{1} << 61) - 1) & ~e.mask;
    e.rid = c.rid_of(ifa);
    e.pte = pte;
    e.itir = itir;
    return e;
}

}  // namespace

void nop(Cpu&, const Insn&) {}

// IIM receives the immediate: 21 bits, or 62 for break.x (SDM vol 3 "break").
void brk(Cpu& c, const Insn& in) { c.break_fault(static_cast<uint64_t>(in.imm)); }

void illegal(Cpu& c, const Insn&) { c.illegal_operation(); }

void unimplemented(Cpu& c, const Insn& in) {
    if (c.illegal_faults) {
        c.illegal_operation();
        return;
    }
    static constexpr char kUnits[] = "MIFBLX";
    char buf[128];
    std::snprintf(buf, sizeof buf, "unimplemented: %c-unit slot %#llx (major opcode %u) at %#llx slot %u",
                  kUnits[static_cast<unsigned>(in.unit)], static_cast<unsigned long long>(in.raw), major_op(in.raw),
                  static_cast<unsigned long long>(c.ip), c.ri);
    c.stop = Stop::unimplemented;
    c.stop_reason = buf;
    c.faulted = true;   // not retired
}

void mov_ar(Cpu& c, const Insn& in) {
    unsigned a = in.r3;
    bool i_unit = in.op == Op::mov_to_ar_i || in.op == Op::mov_to_ar_imm_i || in.op == Op::mov_from_ar_i;
    // I-unit moves reach ar64-ar127 only, M-unit moves ar0-ar63 (SDM vol 1 sec 3.1.8).
    if (!ar_exists(a) || i_unit != (a >= 64)) {
        c.illegal_operation();
        return;
    }
    if (in.op == Op::mov_from_ar_i || in.op == Op::mov_from_ar_m) {
        uint64_t v;
        if (read_ar(c, a, v)) c.set_gr(in.r1, v);
        return;
    }
    bool imm = in.op == Op::mov_to_ar_imm_i || in.op == Op::mov_to_ar_imm_m;
    if (!imm && c.nat(in.r2)) {
        c.nat_consumption();
        return;
    }
    write_ar(c, a, imm ? static_cast<uint64_t>(in.imm) : c.gr(in.r2));
}

void mov_cr(Cpu& c, const Insn& in) {
    if (!privileged(c)) return;
    unsigned n = in.r3;
    if (!cr_exists(n) || (interruption_cr(n) && ((c.psr >> kPsrIc) & 1))) {
        c.illegal_operation();
        return;
    }
    if (in.op == Op::mov_from_cr) {
        c.set_gr(in.r1, read_cr(c, n));
        return;
    }
    if (c.nat(in.r2)) {
        c.nat_consumption();
        return;
    }
    write_cr(c, n, c.gr(in.r2));
}

void mov_psr(Cpu& c, const Insn& in) {
    switch (in.op) {
    case Op::mov_from_psr_um: c.set_gr(in.r1, c.psr & 0x3f); return;
    case Op::mov_to_psr_um:
        if (c.nat(in.r2)) {
            c.nat_consumption();
            return;
        }
        c.psr = (c.psr & ~kPsrUserMask) | (c.gr(in.r2) & kPsrUserMask);
        return;
    default: break;
    }
    if (!privileged(c)) return;
    if (in.op == Op::mov_from_psr) {   // reads PSR{36:35} and {31:0}
        c.set_gr(in.r1, c.psr & (0xffffffffull | bit(kPsrMc) | bit(kPsrIt)));
        return;
    }
    if (c.nat(in.r2)) {
        c.nat_consumption();
        return;
    }
    c.psr = (c.psr & ~0xffffffffull) | (c.gr(in.r2) & 0xffffffffull);
    c.schedule_event_now();
}

void system_mask(Cpu& c, const Insn& in) {
    uint64_t m = static_cast<uint64_t>(in.imm) & 0xffffff;
    if (in.op == Op::sum || in.op == Op::rum) {
        m &= kPsrUserMask;
    } else if (!privileged(c)) {
        return;
    }
    if (in.op == Op::ssm || in.op == Op::sum) c.psr |= m;
    else c.psr &= ~m;
    c.schedule_event_now();
}

void rse_op(Cpu& c, const Insn& in) {
    switch (in.op) {
    case Op::alloc: {
        unsigned sof = in.r2, sol = in.r3, sor = in.len * 8u;
        uint64_t cfm = c.cfm();
        bool rotating = cfm_rrb_gr(cfm) || cfm_rrb_fr(cfm) || cfm_rrb_pr(cfm);
        if (sof > 96 || sol > sof || sor > sof || (sor != cfm_sor(cfm) && rotating) || in.r1 >= 32 + sof ||
            in.r1 == 0) {
            c.illegal_operation();
            return;
        }
        uint64_t pfs = c.ar[kArPfs];
        if (!c.rse_alloc(sof, sol, sor)) return;
        c.set_gr(in.r1, pfs);
        return;
    }
    case Op::flushrs: (void)c.rse_flush(); return;
    case Op::loadrs:
        // loadrs needs enforced lazy mode, and an empty frame unless it loads nothing.
        if ((c.ar[kArRsc] & 3) || (c.frame_size() != 0 && ((c.ar[kArRsc] >> 16) & 0x3fff) != 0)) {
            c.illegal_operation();
            return;
        }
        (void)c.rse_loadrs();
        return;
    case Op::cover: c.rse_cover(); return;
    case Op::clrrrb: c.set_cfm(c.cfm() & 0x3ffff); return;
    case Op::clrrrb_pr: c.set_cfm(c.cfm() & ~(uint64_t{0x3f} << 32)); return;
    default: return;
    }
}

void tlb_op(Cpu& c, const Insn& in) {
    if (in.op == Op::fc) return;
    if (in.op == Op::mov_from_cpuid) {
        uint64_t idx = c.gr(in.r3);
        static constexpr uint64_t cpuid[5] = {0x6d6973343661692dull, 0x0074756e74736568ull, 0, 4, 0};
        if (idx > 4) {
            c.reserved_register_field();
            return;
        }
        c.set_gr(in.r1, cpuid[idx]);
        return;
    }
    if (!privileged(c)) return;
    uint64_t r2 = c.gr(in.r2), r3 = c.gr(in.r3);
    if ((in.r2 && c.nat(in.r2)) || (in.r3 && c.nat(in.r3))) {
        c.nat_consumption();
        return;
    }
    uint64_t size_mask = mask_bits((r2 >> 2) & 0x3f);
    switch (in.op) {
    case Op::itc_d:
    case Op::itc_i:
        if ((c.psr >> kPsrIc) & 1) {   // insertions need PSR.ic = 0 (SDM vol 3 "itc")
            c.illegal_operation();
            return;
        }
        c.tlb.insert_tc(in.op == Op::itc_i, entry_from(c, r2));
        return;
    case Op::itr_d:
    case Op::itr_i:
        if ((c.psr >> kPsrIc) & 1) {
            c.illegal_operation();
            return;
        }
        if (r3 >= Tlb::kTr) {
            c.reserved_register_field();
            return;
        }
        c.tlb.insert_tr(in.op == Op::itr_i, static_cast<unsigned>(r3), entry_from(c, r2));
        return;
    case Op::ptc_l:
    case Op::ptc_g:
    case Op::ptc_ga: c.tlb.purge_tc(r3, size_mask, c.rid_of(r3)); return;
    case Op::ptc_e: c.tlb.purge_all_tc(); return;
    case Op::ptr_d:
    case Op::ptr_i: c.tlb.purge_tr(in.op == Op::ptr_i, r3, size_mask, c.rid_of(r3)); return;
    case Op::mov_to_rr:
        c.rr[r3 >> 61] = r2 & 0xfffffffd;   // ve, ps, rid
        c.tlb.changed();
        return;
    case Op::mov_from_rr: c.set_gr(in.r1, c.rr[r3 >> 61]); return;
    case Op::tpa: {
        uint64_t pa;
        if (c.translate(r3, Access::read, pa, 0)) c.set_gr(in.r1, pa);
        return;
    }
    case Op::tak: {
        const TlbEntry* e = c.tlb.lookup(false, r3, c.rid_of(r3));
        c.set_gr(in.r1, e && pte_p(e->pte) ? e->itir & 0xffffff00 : 1);
        return;
    }
    default: return;
    }
}

void probe(Cpu& c, const Insn& in) {
    if (c.nat(in.r3) || (!(in.sub & 4) && c.nat(in.r2))) {
        c.nat_consumption();
        return;
    }
    // The level probed is never more privileged than the current one.
    unsigned pl = static_cast<unsigned>((in.sub & 4) ? in.imm : c.gr(in.r2) & 3);
    if (pl < cpl_of(c)) pl = cpl_of(c);
    uint8_t need = static_cast<uint8_t>(((in.sub & 1) ? kRightR : 0) | ((in.sub & 2) ? kRightW : 0));
    bool allowed;
    if (!c.probe(c.gr(in.r3), need, pl, in.op == Op::probe_fault, allowed)) return;
    if (in.op == Op::probe) c.set_gr(in.r1, allowed ? 1 : 0);
}

void interruption_op(Cpu& c, const Insn& in) {
    switch (in.op) {
    case Op::rfi:
        if (privileged(c)) c.rfi();
        return;
    case Op::bsw_0:
    case Op::bsw_1:
        if (privileged(c)) c.set_bank(in.op == Op::bsw_1);
        return;
    default: return;   // srlz, sync, mf, fwb, invala: ordering is sequential here
    }
}

}  // namespace ia64::exec
