// Instruction text matching binutils' IA-64 disassembler: canonical
// mnemonics with completers, and the pseudo-ops objdump prefers (mov for
// adds 0, shl/shr for full-width deposit/extract).
#include "disasm.h"

#include <cinttypes>
#include <cstdarg>
#include <cstdio>

namespace ia64 {
namespace {

std::string fmt(const char* f, ...) __attribute__((format(printf, 1, 2)));
std::string fmt(const char* f, ...) {
    char buf[160];
    va_list ap;
    va_start(ap, f);
    vsnprintf(buf, sizeof buf, f, ap);
    va_end(ap);
    return buf;
}

std::string hex(uint64_t v) { return fmt("0x%" PRIx64, v); }

const char* const kWhether[4] = {".sptk", ".spnt", ".dptk", ".dpnt"};

// Branch completers: whether hint, .few/.many, .clr.
std::string branch_hints(uint8_t hint) {
    std::string s = kWhether[hint & 3];
    s += (hint & 4) ? ".many" : ".few";
    if (hint & 8) s += ".clr";
    return s;
}

const char* rel_name(Rel r) {
    switch (r) {
    case Rel::lt: return "lt";
    case Rel::ltu: return "ltu";
    case Rel::eq: return "eq";
    case Rel::ne: return "ne";
    case Rel::gt: return "gt";
    case Rel::le: return "le";
    case Rel::ge: return "ge";
    }
    return "?";
}

const char* ctype_name(Ctype c) {
    switch (c) {
    case Ctype::none: return "";
    case Ctype::unc: return ".unc";
    case Ctype::and_: return ".and";
    case Ctype::or_: return ".or";
    case Ctype::or_andcm: return ".or.andcm";
    }
    return "";
}

std::string cmp_text(const Insn& in) {
    std::string name = (in.ctype & 0x10) ? "cmp4." : "cmp.";
    name += rel_name(static_cast<Rel>(in.sub));
    name += ctype_name(static_cast<Ctype>(in.ctype & 0xf));
    std::string lhs;
    if (in.op == Op::cmp) lhs = fmt("r%u", in.r2);
    else if (in.op == Op::cmp_zero) lhs = "r0";
    else lhs = fmt("%" PRId64, in.imm);
    return fmt("%s p%u,p%u=%s,r%u", name.c_str(), in.p1, in.p2, lhs.c_str(), in.r3);
}

std::string test_text(const Insn& in) {
    Ctype ct = static_cast<Ctype>(in.ctype);
    std::string name = in.op == Op::tbit ? "tbit" : "tnat";
    name += in.sub ? ".nz" : ".z";
    name += ctype_name(ct);
    std::string s = fmt("%s p%u,p%u=r%u", name.c_str(), in.p1, in.p2, in.r3);
    if (in.op == Op::tbit) s += fmt(",%u", in.pos);
    return s;
}

const char* hint_name(uint8_t hint) { return hint == 1 ? ".nt1" : hint == 3 ? ".nta" : hint == 2 ? ".nt2" : ""; }

std::string post_inc(const Insn& in) {
    if (in.inc_kind == 1) return fmt(",r%u", in.r2);
    if (in.inc_kind == 2) return fmt(",%" PRId64, in.imm);
    return "";
}

const char* sem_name(uint8_t sub) {
    switch (static_cast<MemSem>(sub)) {
    case MemSem::acq: return ".acq";
    case MemSem::rel: return ".rel";
    case MemSem::bias: return ".bias";
    default: return "";
    }
}

const char* fp_name(uint8_t sub) {
    switch (static_cast<FpFormat>(sub)) {
    case FpFormat::e: return "e";
    case FpFormat::s: return "s";
    case FpFormat::d: return "d";
    case FpFormat::sig: return "8";
    case FpFormat::exp: return ".exp";
    case FpFormat::fill: return ".fill";
    }
    return "";
}

const char* xf_name(uint8_t sub) {   // setf/getf
    switch (static_cast<FpFormat>(sub)) {
    case FpFormat::sig: return "sig";
    case FpFormat::exp: return "exp";
    case FpFormat::s: return "s";
    default: return "d";
    }
}

std::string mov_to_br_text(const Insn& in, uint64_t ip) {
    unsigned wh = in.hint & 3;
    bool imp = in.hint & 4, ret = in.hint & 8;
    // objdump's pseudo-op form leaves out the tag whenever the hints are the defaults.
    if (wh == 1 && !imp && !ret) return fmt("mov b%u=r%u", in.r1, in.r2);
    std::string name = ret ? "mov.ret" : "mov";
    if (wh == 0) name += ".sptk";
    if (wh == 2) name += ".dptk";
    if (imp) name += ".imp";
    return fmt("%s b%u=r%u,%s", name.c_str(), in.r1, in.r2, hex(ip + static_cast<uint64_t>(in.imm)).c_str());
}

std::string a_text(const Insn& in) {
    switch (in.op) {
    case Op::add: return fmt("add r%u=r%u,r%u", in.r1, in.r2, in.r3);
    case Op::add1: return fmt("add r%u=r%u,r%u,1", in.r1, in.r2, in.r3);
    case Op::sub: return fmt("sub r%u=r%u,r%u", in.r1, in.r2, in.r3);
    case Op::sub1: return fmt("sub r%u=r%u,r%u,1", in.r1, in.r2, in.r3);
    case Op::addp4: return fmt("addp4 r%u=r%u,r%u", in.r1, in.r2, in.r3);
    case Op::and_: return fmt("and r%u=r%u,r%u", in.r1, in.r2, in.r3);
    case Op::andcm: return fmt("andcm r%u=r%u,r%u", in.r1, in.r2, in.r3);
    case Op::or_: return fmt("or r%u=r%u,r%u", in.r1, in.r2, in.r3);
    case Op::xor_: return fmt("xor r%u=r%u,r%u", in.r1, in.r2, in.r3);
    case Op::shladd: return fmt("shladd r%u=r%u,%u,r%u", in.r1, in.r2, in.len, in.r3);
    case Op::shladdp4: return fmt("shladdp4 r%u=r%u,%u,r%u", in.r1, in.r2, in.len, in.r3);
    case Op::sub_imm: return fmt("sub r%u=%" PRId64 ",r%u", in.r1, in.imm, in.r3);
    case Op::and_imm: return fmt("and r%u=%" PRId64 ",r%u", in.r1, in.imm, in.r3);
    case Op::andcm_imm: return fmt("andcm r%u=%" PRId64 ",r%u", in.r1, in.imm, in.r3);
    case Op::or_imm: return fmt("or r%u=%" PRId64 ",r%u", in.r1, in.imm, in.r3);
    case Op::xor_imm: return fmt("xor r%u=%" PRId64 ",r%u", in.r1, in.imm, in.r3);
    case Op::adds:
        if (in.imm == 0) return fmt("mov r%u=r%u", in.r1, in.r3);
        return fmt("adds r%u=%" PRId64 ",r%u", in.r1, in.imm, in.r3);
    case Op::addp4_imm: return fmt("addp4 r%u=%" PRId64 ",r%u", in.r1, in.imm, in.r3);
    case Op::addl:
        if (in.r3 == 0) return fmt("mov r%u=%" PRId64, in.r1, in.imm);
        return fmt("addl r%u=%" PRId64 ",r%u", in.r1, in.imm, in.r3);
    case Op::cmp:
    case Op::cmp_imm:
    case Op::cmp_zero: return cmp_text(in);
    default: return "";
    }
}

std::string i_text(const Insn& in, uint64_t ip) {
    switch (in.op) {
    case Op::break_i: return "break.i " + hex(static_cast<uint64_t>(in.imm));
    case Op::nop_i: return "nop.i " + hex(static_cast<uint64_t>(in.imm));
    case Op::mov_to_br: return mov_to_br_text(in, ip);
    case Op::mov_from_br: return fmt("mov r%u=b%u", in.r1, in.r2);
    case Op::mov_to_pr: return fmt("mov pr=r%u,", in.r2) + hex(static_cast<uint64_t>(in.imm));
    case Op::mov_to_pr_rot: return "mov pr.rot=" + hex(static_cast<uint64_t>(in.imm));
    case Op::mov_from_ip: return fmt("mov r%u=ip", in.r1);
    case Op::mov_from_pr: return fmt("mov r%u=pr", in.r1);
    case Op::mov_to_ar_i: return fmt("mov.i %s=r%u", ar_name(in.r3).c_str(), in.r2);
    case Op::mov_to_ar_imm_i: return fmt("mov.i %s=%" PRId64, ar_name(in.r3).c_str(), in.imm);
    case Op::mov_from_ar_i: return fmt("mov.i r%u=%s", in.r1, ar_name(in.r3).c_str());
    case Op::zxt: return fmt("zxt%u r%u=r%u", in.size, in.r1, in.r3);
    case Op::sxt: return fmt("sxt%u r%u=r%u", in.size, in.r1, in.r3);
    case Op::dep: return fmt("dep r%u=r%u,r%u,%u,%u", in.r1, in.r2, in.r3, in.pos, in.len);
    case Op::shrp: return fmt("shrp r%u=r%u,r%u,%u", in.r1, in.r2, in.r3, in.pos);
    case Op::extr:
    case Op::extr_u: {
        const char* u = in.op == Op::extr_u ? ".u" : "";
        if (in.pos + in.len == 64) return fmt("shr%s r%u=r%u,%u", u, in.r1, in.r3, in.pos);
        return fmt("extr%s r%u=r%u,%u,%u", u, in.r1, in.r3, in.pos, in.len);
    }
    case Op::dep_z:
        if (in.pos + in.len == 64) return fmt("shl r%u=r%u,%u", in.r1, in.r2, in.pos);
        return fmt("dep.z r%u=r%u,%u,%u", in.r1, in.r2, in.pos, in.len);
    case Op::dep_z_imm: return fmt("dep.z r%u=%" PRId64 ",%u,%u", in.r1, in.imm, in.pos, in.len);
    case Op::dep_imm: return fmt("dep r%u=%d,r%u,%u,%u", in.r1, in.imm ? -1 : 0, in.r3, in.pos, in.len);
    case Op::tbit:
    case Op::tnat: return test_text(in);
    case Op::shr_var: return fmt("shr r%u=r%u,r%u", in.r1, in.r3, in.r2);
    case Op::shr_u_var: return fmt("shr.u r%u=r%u,r%u", in.r1, in.r3, in.r2);
    case Op::shl_var: return fmt("shl r%u=r%u,r%u", in.r1, in.r2, in.r3);
    case Op::popcnt: return fmt("popcnt r%u=r%u", in.r1, in.r3);
    default: return "";
    }
}

std::string m_sys_text(const Insn& in) {
    switch (in.op) {
    case Op::invala: return "invala";
    case Op::fwb: return "fwb";
    case Op::mf: return "mf";
    case Op::mf_a: return "mf.a";
    case Op::srlz_d: return "srlz.d";
    case Op::srlz_i: return "srlz.i";
    case Op::sync_i: return "sync.i";
    case Op::flushrs: return "flushrs";
    case Op::loadrs: return "loadrs";
    case Op::mov_to_ar_imm_m: return fmt("mov.m %s=%" PRId64, ar_name(in.r3).c_str(), in.imm);
    case Op::break_m: return "break.m " + hex(static_cast<uint64_t>(in.imm));
    case Op::nop_m: return "nop.m " + hex(static_cast<uint64_t>(in.imm));
    case Op::sum: return "sum " + hex(static_cast<uint64_t>(in.imm));
    case Op::rum: return "rum " + hex(static_cast<uint64_t>(in.imm));
    case Op::ssm: return "ssm " + hex(static_cast<uint64_t>(in.imm));
    case Op::rsm: return "rsm " + hex(static_cast<uint64_t>(in.imm));
    case Op::mov_to_ar_m: return fmt("mov.m %s=r%u", ar_name(in.r3).c_str(), in.r2);
    case Op::mov_from_ar_m: return fmt("mov.m r%u=%s", in.r1, ar_name(in.r3).c_str());
    case Op::mov_to_cr: return fmt("mov %s=r%u", cr_name(in.r3).c_str(), in.r2);
    case Op::mov_from_cr: return fmt("mov r%u=%s", in.r1, cr_name(in.r3).c_str());
    case Op::alloc: return fmt("alloc r%u=ar.pfs,%u,%u,%u", in.r1, in.r2, in.r3, in.len * 8u);
    case Op::mov_to_psr_l: return fmt("mov psr.l=r%u", in.r2);
    case Op::mov_to_psr_um: return fmt("mov psr.um=r%u", in.r2);
    case Op::mov_from_psr: return fmt("mov r%u=psr", in.r1);
    case Op::mov_from_psr_um: return fmt("mov r%u=psr.um", in.r1);
    case Op::itc_d: return fmt("itc.d r%u", in.r2);
    case Op::itc_i: return fmt("itc.i r%u", in.r2);
    case Op::mov_to_rr: return fmt("mov rr[r%u]=r%u", in.r3, in.r2);
    case Op::itr_d: return fmt("itr.d dtr[r%u]=r%u", in.r3, in.r2);
    case Op::itr_i: return fmt("itr.i itr[r%u]=r%u", in.r3, in.r2);
    case Op::mov_from_rr: return fmt("mov r%u=rr[r%u]", in.r1, in.r3);
    case Op::mov_from_cpuid: return fmt("mov r%u=cpuid[r%u]", in.r1, in.r3);
    case Op::ptc_l: return fmt("ptc.l r%u,r%u", in.r3, in.r2);
    case Op::ptc_g: return fmt("ptc.g r%u,r%u", in.r3, in.r2);
    case Op::ptc_ga: return fmt("ptc.ga r%u,r%u", in.r3, in.r2);
    case Op::ptr_d: return fmt("ptr.d r%u,r%u", in.r3, in.r2);
    case Op::ptr_i: return fmt("ptr.i r%u,r%u", in.r3, in.r2);
    case Op::tpa: return fmt("tpa r%u=r%u", in.r1, in.r3);
    case Op::tak: return fmt("tak r%u=r%u", in.r1, in.r3);
    case Op::fc: return fmt("fc r%u", in.r3);
    case Op::ptc_e: return fmt("ptc.e r%u", in.r3);
    case Op::probe: {
        const char* rw = (in.sub & 2) ? "w" : "r";
        if (in.sub & 4) return fmt("probe.%s r%u=r%u,%" PRId64, rw, in.r1, in.r3, in.imm);
        return fmt("probe.%s r%u=r%u,r%u", rw, in.r1, in.r3, in.r2);
    }
    case Op::probe_fault: {
        const char* rw = (in.sub & 3) == 3 ? "rw" : (in.sub & 2) ? "w" : "r";
        return fmt("probe.%s.fault r%u,%" PRId64, rw, in.r3, in.imm);
    }
    default: return "";
    }
}

std::string m_mem_text(const Insn& in) {
    switch (in.op) {
    case Op::ld:
        return fmt("ld%u%s%s r%u=[r%u]", in.size, sem_name(in.sub), hint_name(in.hint), in.r1, in.r3) + post_inc(in);
    case Op::ld_fill: return fmt("ld8.fill%s r%u=[r%u]", hint_name(in.hint), in.r1, in.r3) + post_inc(in);
    case Op::st:
        return fmt("st%u%s%s [r%u]=r%u", in.size, sem_name(in.sub), hint_name(in.hint), in.r3, in.r2) + post_inc(in);
    case Op::st_spill: return fmt("st8.spill%s [r%u]=r%u", hint_name(in.hint), in.r3, in.r2) + post_inc(in);
    case Op::cmpxchg:
        return fmt("cmpxchg%u%s%s r%u=[r%u],r%u,ar.ccv", in.size, sem_name(in.sub), hint_name(in.hint), in.r1,
                   in.r3, in.r2);
    case Op::xchg: return fmt("xchg%u%s r%u=[r%u],r%u", in.size, hint_name(in.hint), in.r1, in.r3, in.r2);
    case Op::fetchadd:
        return fmt("fetchadd%u%s%s r%u=[r%u],%" PRId64, in.size, sem_name(in.sub), hint_name(in.hint), in.r1, in.r3,
                   in.imm);
    case Op::ldf: return fmt("ldf%s%s f%u=[r%u]", fp_name(in.sub), hint_name(in.hint), in.r1, in.r3) + post_inc(in);
    case Op::ldf_fill: return fmt("ldf.fill%s f%u=[r%u]", hint_name(in.hint), in.r1, in.r3) + post_inc(in);
    case Op::stf: return fmt("stf%s%s [r%u]=f%u", fp_name(in.sub), hint_name(in.hint), in.r3, in.r2) + post_inc(in);
    case Op::stf_spill: return fmt("stf.spill%s [r%u]=f%u", hint_name(in.hint), in.r3, in.r2) + post_inc(in);
    case Op::setf: return fmt("setf.%s f%u=r%u", xf_name(in.sub), in.r1, in.r2);
    case Op::getf: return fmt("getf.%s r%u=f%u", xf_name(in.sub), in.r1, in.r2);
    default: return m_sys_text(in);
    }
}

std::string f_text(const Insn& in) {
    switch (in.op) {
    case Op::break_f: return "break.f " + hex(static_cast<uint64_t>(in.imm));
    case Op::nop_f: return "nop.f " + hex(static_cast<uint64_t>(in.imm));
    case Op::fmerge: {
        // objdump prefers the pseudo-ops whose operand constraints match.
        if (in.sub < 2 && in.r2 == in.r3) return fmt("%s f%u=f%u", in.sub ? "fneg" : "mov", in.r1, in.r3);
        if (in.sub < 2 && in.r2 == 0) return fmt("%s f%u=f%u", in.sub ? "fnegabs" : "fabs", in.r1, in.r3);
        static const char* const names[3] = {"fmerge.s", "fmerge.ns", "fmerge.se"};
        return fmt("%s f%u=f%u,f%u", names[in.sub], in.r1, in.r2, in.r3);
    }
    case Op::xma: {   // xmpy is the pseudo-op objdump prints when f2 is f0
        static const char* const forms[4] = {".l", "", ".hu", ".h"};
        if (in.r2 == 0) return fmt("xmpy%s f%u=f%u,f%u", forms[in.sub], in.r1, in.r3, in.pos);
        return fmt("xma%s f%u=f%u,f%u,f%u", forms[in.sub], in.r1, in.r3, in.pos, in.r2);
    }
    default: return "";
    }
}

std::string b_text(const Insn& in, uint64_t ip) {
    uint64_t target = ip + static_cast<uint64_t>(in.imm);
    std::string h = branch_hints(in.hint);
    // Unpredicated .sptk conditional branches print as the br/brl pseudo-op.
    bool plain = in.qp == 0 && (in.hint & 3) == 0;
    std::string cond = plain ? h.substr(5) : ".cond" + h;
    switch (in.op) {
    case Op::br_cond_ind: return "br" + cond + fmt(" b%u", in.r2);
    case Op::br_ia: return "br.ia" + h + fmt(" b%u", in.r2);
    case Op::br_ret: return "br.ret" + h + fmt(" b%u", in.r2);
    case Op::cover: return "cover";
    case Op::clrrrb: return "clrrrb";
    case Op::clrrrb_pr: return "clrrrb.pr";
    case Op::rfi: return "rfi";
    case Op::bsw_0: return "bsw.0";
    case Op::bsw_1: return "bsw.1";
    case Op::epc: return "epc";
    case Op::break_b: return "break.b " + hex(static_cast<uint64_t>(in.imm));
    case Op::nop_b: return "nop.b " + hex(static_cast<uint64_t>(in.imm));
    case Op::br_call_ind: return "br.call" + h + fmt(" b%u=b%u", in.r1, in.r2);
    case Op::br_cond: return "br" + cond + " " + hex(target);
    case Op::br_wexit: return "br.wexit" + h + " " + hex(target);
    case Op::br_wtop: return "br.wtop" + h + " " + hex(target);
    case Op::br_cloop: return "br.cloop" + h + " " + hex(target);
    case Op::br_cexit: return "br.cexit" + h + " " + hex(target);
    case Op::br_ctop: return "br.ctop" + h + " " + hex(target);
    case Op::br_call: return "br.call" + h + fmt(" b%u=", in.r1) + hex(target);
    case Op::break_x: return "break.x " + hex(static_cast<uint64_t>(in.imm));
    case Op::nop_x: return "nop.x " + hex(static_cast<uint64_t>(in.imm));
    case Op::movl: return fmt("movl r%u=", in.r1) + hex(static_cast<uint64_t>(in.imm));
    case Op::brl_cond: return "brl" + cond + " " + hex(target);
    case Op::brl_call: return "brl.call" + h + fmt(" b%u=", in.r1) + hex(target);
    default: return "";
    }
}

}  // namespace

bool ignores_qp_in_text(Op op) {
    switch (op) {
    case Op::alloc: case Op::cover: case Op::clrrrb: case Op::clrrrb_pr: case Op::rfi: case Op::bsw_0:
    case Op::bsw_1: case Op::epc: case Op::flushrs: case Op::loadrs: case Op::br_cloop: case Op::br_cexit:
    case Op::br_ctop:
        return true;
    default: return false;
    }
}

std::string ar_name(unsigned ar) {
    switch (ar) {
    case 16: return "ar.rsc";
    case 17: return "ar.bsp";
    case 18: return "ar.bspstore";
    case 19: return "ar.rnat";
    case 21: return "ar.fcr";
    case 24: return "ar.eflag";
    case 25: return "ar.csd";
    case 26: return "ar.ssd";
    case 27: return "ar.cflg";
    case 28: return "ar.fsr";
    case 29: return "ar.fir";
    case 30: return "ar.fdr";
    case 32: return "ar.ccv";
    case 36: return "ar.unat";
    case 40: return "ar.fpsr";
    case 44: return "ar.itc";
    case 45: return "ar.ruc";
    case 64: return "ar.pfs";
    case 65: return "ar.lc";
    case 66: return "ar.ec";
    default: return ar < 8 ? fmt("ar.k%u", ar) : fmt("ar%u", ar);
    }
}

std::string cr_name(unsigned cr) {
    switch (cr) {
    case 0: return "cr.dcr";
    case 1: return "cr.itm";
    case 2: return "cr.iva";
    case 8: return "cr.pta";
    case 16: return "cr.ipsr";
    case 17: return "cr.isr";
    case 19: return "cr.iip";
    case 20: return "cr.ifa";
    case 21: return "cr.itir";
    case 22: return "cr.iipa";
    case 23: return "cr.ifs";
    case 24: return "cr.iim";
    case 25: return "cr.iha";
    case 26: return "cr.iib0";
    case 27: return "cr.iib1";
    case 64: return "cr.lid";
    case 65: return "cr.ivr";
    case 66: return "cr.tpr";
    case 67: return "cr.eoi";
    case 68: case 69: case 70: case 71: return fmt("cr.irr%u", cr - 68);
    case 72: return "cr.itv";
    case 73: return "cr.pmv";
    case 74: return "cr.cmcv";
    case 80: return "cr.lrr0";
    case 81: return "cr.lrr1";
    default: return fmt("cr%u", cr);
    }
}

std::string disasm_insn(const Insn& in, uint64_t ip) {
    if (in.op == Op::unsupported) return "";
    switch (in.unit) {
    case Unit::F: return f_text(in);
    case Unit::B:
    case Unit::L: return b_text(in, ip);
    default: break;
    }
    if (major_op(in.raw) >= 8 && major_op(in.raw) <= 0xe) return a_text(in);
    return in.unit == Unit::I ? i_text(in, ip) : m_mem_text(in);
}

BundleText disasm_bundle(const DecodedBundle& b, const RawBundle& raw, uint64_t ip) {
    BundleText out;
    const Template& t = template_of(b.tmpl);
    for (unsigned i = 0; i < 3; ++i) {
        if (t.unit[i] == Unit::X) continue;
        std::string prefix = i == 0 ? (b.reserved ? fmt("[-%x-] ", b.tmpl >> 1) : fmt("[%s] ", t.name)) : "      ";
        std::string text;
        const Insn& in = b.slot[i];
        if (b.reserved) {
            text = fmt("      data8 %#011" PRIx64, raw.slot(i));   // objdump's format, 0 without "0x"
        } else {
            std::string body = disasm_insn(in, ip);
            if (body.empty()) out.supported = false;
            bool show_qp = in.qp != 0 && !ignores_qp_in_text(in.op);
            text = (show_qp ? fmt("(p%02u) ", in.qp) : std::string("      ")) + body;
            unsigned stop_slot = t.unit[i] == Unit::L ? 2 : i;
            if (t.stop_after & (1u << stop_slot)) text += ";;";
        }
        out.line[out.count++] = prefix + text;
    }
    return out;
}

}  // namespace ia64
