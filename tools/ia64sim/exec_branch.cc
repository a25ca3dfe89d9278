// Branches (SDM vol 3 "br", "brl"), the modulo-scheduled loop branches
// with register rotation (vol 1 sec 4.5.1) and epc (vol 2 sec 4.1.1.6,
// vol 3 "epc").
#include "exec.h"

namespace ia64::exec {

void branch(Cpu& c, const Insn& in) {
    switch (in.op) {
    case Op::br_cond_ind: c.branch_to(c.br[in.r2]); break;
    case Op::br_cond:
    case Op::brl_cond: c.branch_to(c.ip + static_cast<uint64_t>(in.imm)); break;
    default: unimplemented(c, in); break;   // br.ia: no IA-32 instruction set
    }
}

void loop_branch(Cpu& c, const Insn& in) {
    uint64_t& lc = c.ar[kArLc];
    uint64_t& ec = c.ar[kArEc];
    uint64_t target = c.ip + static_cast<uint64_t>(in.imm);
    if (in.op == Op::br_cloop) {
        if (lc != 0) {
            --lc;
            c.branch_to(target);
        }
        return;
    }
    // ctop/cexit count with LC then EC; wtop/wexit test the qualifying
    // predicate then count EC.  p63 is written before the rotation, which
    // turns it into p16.
    bool counted = in.op == Op::br_ctop || in.op == Op::br_cexit;
    bool go_on = counted ? lc != 0 : c.pr(in.qp);
    bool taken;
    if (go_on) {
        if (counted) --lc;
        c.set_pr(63, counted);
        c.rse_rotate();
        taken = true;
    } else if ((ec & 0x3f) > 1) {
        --ec;
        c.set_pr(63, false);
        c.rse_rotate();
        taken = true;
    } else if ((ec & 0x3f) == 1) {
        --ec;
        c.set_pr(63, false);
        c.rse_rotate();
        taken = false;
    } else {
        taken = false;
    }
    bool exit_form = in.op == Op::br_cexit || in.op == Op::br_wexit;
    if (taken != exit_form) c.branch_to(target);
}

void call(Cpu& c, const Insn& in) {
    uint64_t target = in.op == Op::br_call_ind ? c.br[in.r2] : c.ip + static_cast<uint64_t>(in.imm);
    c.br[in.r1] = c.ip + 16;
    c.rse_call();
    c.branch_to(target);
}

void ret(Cpu& c, const Insn& in) {
    uint64_t target = c.br[in.r2];
    uint64_t pfs = c.ar[kArPfs];
    if (!c.rse_return(pfs & kCfmMask)) return;
    c.ar[kArEc] = (pfs >> 52) & 0x3f;
    unsigned ppl = static_cast<unsigned>(pfs >> 62), cpl = (c.psr >> kPsrCpl) & 3;
    if (ppl > cpl) c.psr = deposit(c.psr, kPsrCpl, 2, ppl);   // br.ret only ever demotes
    c.branch_to(target);
}

// epc promotes to the page's privilege level when it executes from an
// execute-only (TLB.ar 7) page of higher privilege, and to level 0 when
// instruction translation is off; elsewhere it changes nothing.  A PFS.ppl
// more privileged than the current level is an Illegal Operation fault.
void epc(Cpu& c, const Insn&) {
    unsigned cpl = (c.psr >> kPsrCpl) & 3;
    if ((c.ar[kArPfs] >> 62) < cpl) {
        c.illegal_operation();
        return;
    }
    if (!((c.psr >> kPsrIt) & 1)) {
        c.psr = deposit(c.psr, kPsrCpl, 2, 0);
        return;
    }
    const TlbEntry* e = c.tlb.lookup(true, c.ip, c.rid_of(c.ip));
    if (e && pte_ar(e->pte) == 7 && cpl > pte_pl(e->pte)) c.psr = deposit(c.psr, kPsrCpl, 2, pte_pl(e->pte));
}

}  // namespace ia64::exec
