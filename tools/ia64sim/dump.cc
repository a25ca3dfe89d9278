#include "dump.h"

#include "disasm.h"

namespace ia64 {
namespace {

using ull = unsigned long long;

void dump_tlb(const char* name, const TlbEntry* e, unsigned n, std::FILE* out) {
    for (unsigned i = 0; i < n; ++i) {
        if (!e[i].valid) continue;
        std::fprintf(out, "  %s[%u] va %016llx mask %llx rid %06x pte %016llx itir %llx\n", name, i, (ull)e[i].vpn,
                     (ull)e[i].mask, e[i].rid, (ull)e[i].pte, (ull)e[i].itir);
    }
}

}  // namespace

void dump_state(const Machine& m, std::FILE* out) {
    const Cpu& c = m.cpu;
    std::fprintf(out, "ip %016llx slot %u  icount %llu  checkpoint %#llx\n", (ull)c.ip, c.ri, (ull)c.icount,
                 (ull)m.checkpoint);
    std::fprintf(out, "psr %016llx (cpl %llu ic %llu i %llu dt %llu it %llu rt %llu bn %llu dfl %llu dfh %llu)\n",
                 (ull)c.psr, (ull)((c.psr >> kPsrCpl) & 3), (ull)((c.psr >> kPsrIc) & 1), (ull)((c.psr >> kPsrI) & 1),
                 (ull)((c.psr >> kPsrDt) & 1), (ull)((c.psr >> kPsrIt) & 1), (ull)((c.psr >> kPsrRt) & 1),
                 (ull)((c.psr >> kPsrBn) & 1), (ull)((c.psr >> kPsrDfl) & 1), (ull)((c.psr >> kPsrDfh) & 1));
    uint64_t cfm = c.cfm();
    std::fprintf(out, "cfm %010llx (sof %u sol %u sor %u rrb.gr %u rrb.fr %u rrb.pr %u)\n", (ull)cfm, cfm_sof(cfm),
                 cfm_sol(cfm), cfm_sor(cfm), cfm_rrb_gr(cfm), cfm_rrb_fr(cfm), cfm_rrb_pr(cfm));
    std::fprintf(out, "rse: bsp %016llx bspstore %016llx rnat %016llx rsc %llx  bof %u dirty %u clean %u\n",
                 (ull)c.ar[kArBsp], (ull)c.ar[kArBspstore], (ull)c.ar[kArRnat], (ull)c.ar[kArRsc], c.rse_bof,
                 c.rse_ndirty, c.rse_nclean);
    unsigned top = c.frame_limit();
    for (unsigned r = 0; r < top; ++r) {
        std::fprintf(out, "r%-3u %016llx%s%s", r, (ull)c.gr(r), c.nat(r) ? "*" : " ", r % 4 == 3 ? "\n" : "  ");
    }
    if (top % 4) std::fputc('\n', out);
    std::fprintf(out, "pr  %016llx\n", (ull)c.pr_word());
    for (unsigned b = 0; b < 8; ++b) std::fprintf(out, "b%u %016llx%s", b, (ull)c.br[b], b % 4 == 3 ? "\n" : "  ");
    static constexpr unsigned ars[] = {kArRsc, kArBsp, kArBspstore, kArRnat, kArCcv, kArUnat, kArFpsr, kArItc,
                                       kArPfs, kArLc, kArEc};
    for (unsigned a : ars)
        std::fprintf(out, "%s %llx  ", ar_name(a).c_str(),
                     (ull)(a == kArItc ? c.icount + c.itc_offset : c.ar[a]));
    std::fputc('\n', out);
    static constexpr unsigned crs[] = {kCrDcr, kCrItm, kCrIva, kCrPta, kCrIpsr, kCrIsr, kCrIip, kCrIfa, kCrItir,
                                       kCrIipa, kCrIfs, kCrIim, kCrTpr, kCrItv};
    for (unsigned n : crs) std::fprintf(out, "%s %llx  ", cr_name(n).c_str(), (ull)c.cr[n]);
    std::fputc('\n', out);
    for (unsigned i = 0; i < 8; ++i) std::fprintf(out, "rr%u %llx  ", i, (ull)c.rr[i]);
    std::fputc('\n', out);
    std::fprintf(out, "tlb:\n");
    dump_tlb("itr", c.tlb.itr, Tlb::kTr, out);
    dump_tlb("dtr", c.tlb.dtr, Tlb::kTr, out);
    dump_tlb("itc", c.tlb.itc, Tlb::kTc, out);
    dump_tlb("dtc", c.tlb.dtc, Tlb::kTc, out);
}

}  // namespace ia64
