// Instruction handlers, one per Op; dispatch.cc maps Ops to them.
#pragma once
#include "cpu.h"
#include "insn.h"

namespace ia64::exec {

#define IA64_HANDLER(name) void name(Cpu& c, const Insn& in)

// exec_int.cc: A-unit and I-unit integer operations
IA64_HANDLER(alu);
IA64_HANDLER(compare);
IA64_HANDLER(test_bit);
IA64_HANDLER(shift_deposit);
IA64_HANDLER(extend);
IA64_HANDLER(movl);
IA64_HANDLER(mov_br);
IA64_HANDLER(mov_pr);
IA64_HANDLER(mov_ip);
// exec_mem.cc: loads, stores, semaphores, FP memory
IA64_HANDLER(load);
IA64_HANDLER(store);
IA64_HANDLER(semaphore);
IA64_HANDLER(fp_load);
IA64_HANDLER(fp_store);
IA64_HANDLER(fp_xfer);
IA64_HANDLER(fmerge);
IA64_HANDLER(xma);
// exec_branch.cc
IA64_HANDLER(branch);
IA64_HANDLER(loop_branch);
IA64_HANDLER(call);
IA64_HANDLER(ret);
IA64_HANDLER(epc);
// exec_sys.cc: AR/CR/PSR/RR moves, RSE, TLB, break/nop, interruption control
IA64_HANDLER(nop);
IA64_HANDLER(brk);
IA64_HANDLER(mov_ar);
IA64_HANDLER(mov_cr);
IA64_HANDLER(mov_psr);
IA64_HANDLER(system_mask);
IA64_HANDLER(rse_op);
IA64_HANDLER(tlb_op);
IA64_HANDLER(probe);
IA64_HANDLER(interruption_op);
IA64_HANDLER(illegal);
IA64_HANDLER(unimplemented);

#undef IA64_HANDLER

}  // namespace ia64::exec
