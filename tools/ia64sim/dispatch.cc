// Maps each decoded Op to its handler and folds decode-time legality
// (r0 targets, unpredicable instructions with qp != 0) into the handler.
#include "disasm.h"
#include "exec.h"

namespace ia64 {

namespace {

Handler handler_of(Op op) {
    using namespace exec;
    switch (op) {
    case Op::add: case Op::add1: case Op::sub: case Op::sub1: case Op::addp4: case Op::and_: case Op::andcm:
    case Op::or_: case Op::xor_: case Op::shladd: case Op::shladdp4: case Op::sub_imm: case Op::and_imm:
    case Op::andcm_imm: case Op::or_imm: case Op::xor_imm: case Op::adds: case Op::addp4_imm: case Op::addl:
    case Op::shr_var: case Op::shr_u_var: case Op::shl_var: case Op::popcnt:
        return alu;
    case Op::cmp: case Op::cmp_imm: case Op::cmp_zero: return compare;
    case Op::tbit: case Op::tnat: return test_bit;
    case Op::dep: case Op::shrp: case Op::extr: case Op::extr_u: case Op::dep_z: case Op::dep_z_imm:
    case Op::dep_imm:
        return shift_deposit;
    case Op::zxt: case Op::sxt: return extend;
    case Op::movl: return movl;
    case Op::mov_to_br: case Op::mov_from_br: return mov_br;
    case Op::mov_to_pr: case Op::mov_to_pr_rot: case Op::mov_from_pr: return mov_pr;
    case Op::mov_from_ip: return mov_ip;
    case Op::ld: case Op::ld_fill: return load;
    case Op::st: case Op::st_spill: return store;
    case Op::cmpxchg: case Op::xchg: case Op::fetchadd: return semaphore;
    case Op::ldf: case Op::ldf_fill: return fp_load;
    case Op::stf: case Op::stf_spill: return fp_store;
    case Op::setf: case Op::getf: return fp_xfer;
    case Op::fmerge: return exec::fmerge;
    case Op::xma: return exec::xma;
    case Op::br_cond_ind: case Op::br_ia: case Op::br_cond: case Op::brl_cond: return branch;
    case Op::br_wexit: case Op::br_wtop: case Op::br_cloop: case Op::br_cexit: case Op::br_ctop: return loop_branch;
    case Op::br_call: case Op::br_call_ind: case Op::brl_call: return call;
    case Op::br_ret: return ret;
    case Op::epc: return exec::epc;
    case Op::nop_i: case Op::nop_m: case Op::nop_b: case Op::nop_f: case Op::nop_x: case Op::srlz_d:
    case Op::srlz_i: case Op::sync_i: case Op::mf: case Op::mf_a: case Op::fwb: case Op::invala:
        return nop;
    case Op::break_i: case Op::break_m: case Op::break_b: case Op::break_f: case Op::break_x: return brk;
    case Op::mov_to_ar_i: case Op::mov_to_ar_imm_i: case Op::mov_from_ar_i: case Op::mov_to_ar_m:
    case Op::mov_to_ar_imm_m: case Op::mov_from_ar_m:
        return mov_ar;
    case Op::mov_to_cr: case Op::mov_from_cr: return mov_cr;
    case Op::mov_to_psr_l: case Op::mov_to_psr_um: case Op::mov_from_psr: case Op::mov_from_psr_um: return mov_psr;
    case Op::sum: case Op::rum: case Op::ssm: case Op::rsm: return system_mask;
    case Op::alloc: case Op::flushrs: case Op::loadrs: case Op::cover: case Op::clrrrb: case Op::clrrrb_pr:
        return rse_op;
    case Op::itc_d: case Op::itc_i: case Op::mov_to_rr: case Op::itr_d: case Op::itr_i: case Op::mov_from_rr:
    case Op::ptc_l: case Op::ptc_g: case Op::ptc_ga: case Op::ptr_d: case Op::ptr_i: case Op::tpa: case Op::tak:
    case Op::fc: case Op::ptc_e: case Op::mov_from_cpuid:
        return tlb_op;
    case Op::probe: case Op::probe_fault: return exec::probe;
    case Op::rfi: case Op::bsw_0: case Op::bsw_1: return interruption_op;
    default: return unimplemented;
    }
}

}  // namespace

void bind_handler(Insn& in) {
    in.exec = handler_of(in.op);
    if (in.op == Op::unsupported) return;
    // An r0 target and a predicate on an unpredicable instruction are
    // Illegal Operation faults (SDM vol 1 sec 3.1.1; vol 3 "alloc", "br").
    if ((in.writes_gr && in.r1 == 0 && in.op != Op::alloc) || (ignores_qp_in_text(in.op) && in.qp != 0)) {
        in.exec = exec::illegal;
        in.runs_false = true;
    }
    if (in.op == Op::br_wtop || in.op == Op::br_wexit) in.runs_false = true;
    if (in.op == Op::alloc) in.max_gr = 0;   // alloc's target names the new frame
}

}  // namespace ia64
