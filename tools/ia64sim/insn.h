// A decoded IA-64 instruction: the operation, its operand fields and the
// handler that executes it.  Decoding happens once per bundle (see
// bundle_cache.h); execution only reads these fields.
#pragma once
#include <cstdint>

namespace ia64 {

class Cpu;
struct Insn;
using Handler = void (*)(Cpu&, const Insn&);

enum class Unit : uint8_t { M, I, F, B, L, X };   // the slot types of a template

enum class Op : uint16_t {
    unsupported,
    // A unit
    add, add1, sub, sub1, addp4, and_, andcm, or_, xor_, shladd, shladdp4,
    sub_imm, and_imm, andcm_imm, or_imm, xor_imm, adds, addp4_imm, addl,
    cmp, cmp_imm, cmp_zero,
    // I unit
    break_i, nop_i, mov_to_br, mov_from_br, mov_to_pr, mov_to_pr_rot, mov_from_ip,
    mov_from_pr, mov_to_ar_i, mov_to_ar_imm_i, mov_from_ar_i, zxt, sxt,
    dep, shrp, extr, extr_u, dep_z, dep_z_imm, dep_imm, tbit, tnat,
    shr_var, shr_u_var, shl_var, popcnt,
    // M unit
    invala, fwb, mf, mf_a, srlz_d, srlz_i, sync_i, flushrs, loadrs, mov_to_ar_imm_m,
    break_m, nop_m, sum, rum, ssm, rsm, mov_to_ar_m, mov_from_ar_m, mov_to_cr,
    mov_from_cr, alloc, mov_to_psr_l, mov_to_psr_um, mov_from_psr, mov_from_psr_um,
    itc_d, itc_i, mov_to_rr, itr_d, itr_i, mov_from_rr, ptc_l, ptc_g, ptc_ga, ptr_d,
    ptr_i, tpa, tak, fc, ptc_e, mov_from_cpuid, probe, probe_fault,
    ld, ld_fill, st, st_spill, cmpxchg, xchg, fetchadd, ldf, ldf_fill, stf, stf_spill,
    setf, getf,
    // F unit
    break_f, nop_f, fmerge, xma,
    // B unit
    br_cond_ind, br_ia, br_ret, cover, clrrrb, clrrrb_pr, rfi, bsw_0, bsw_1, epc,
    break_b, br_call_ind, nop_b, br_cond, br_wexit, br_wtop, br_cloop, br_cexit,
    br_ctop, br_call,
    // X unit (L+X)
    break_x, nop_x, movl, brl_cond, brl_call,
    count
};

// Compare relations and types (SDM vol 3 "cmp", tables 4-10..4-12).
enum class Rel : uint8_t { lt, ltu, eq, ne, gt, le, ge };
enum class Ctype : uint8_t { none, unc, and_, or_, or_andcm };

// Memory-access completers.
enum class MemSem : uint8_t { none, acq, rel, bias };
enum class FpFormat : uint8_t { e, s, d, sig, exp, fill };

struct Insn {
    Handler exec = nullptr;
    Op op = Op::unsupported;
    Unit unit = Unit::M;
    uint8_t qp = 0;
    uint8_t r1 = 0, r2 = 0, r3 = 0;   // GR/FR/BR/AR/CR numbers, by instruction
    uint8_t p1 = 0, p2 = 0;
    uint8_t pos = 0, len = 0;         // dep/extr/tbit positions, shladd count
    uint8_t size = 0;                 // memory access size in bytes
    uint8_t hint = 0;                 // load/store locality hint, branch hints
    uint8_t sub = 0;                  // op-specific selector (Rel, MemSem, FpFormat, btype...)
    uint8_t ctype = 0;                // compare type, compare width (bit 4: cmp4)
    uint8_t inc_kind = 0;             // 0 none, 1 register, 2 immediate post-increment
    uint8_t max_gr = 0;               // highest GR referenced, for the frame check
    uint8_t fp_parts = 0;             // bit 0: f2-f31 used, bit 1: f32-f127 used
    bool runs_false = false;          // must run even when the qualifying predicate is 0
    bool writes_gr = false;           // r1 is a GR target (r0 target is illegal)
    int64_t imm = 0;
    uint64_t raw = 0;                 // the 41-bit slot (L+X: the X slot)
    uint64_t raw_l = 0;               // L slot of an MLX bundle
};

}  // namespace ia64
