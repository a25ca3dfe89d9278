// The register stack engine (SDM vol 2 ch 6).  The 96 physical stacked
// registers hold the current frame at rse_bof, below it the dirty partition
// (rse_ndirty registers not yet stored, from AR.BSPSTORE up to AR.BSP) and
// below that the clean partition (stored, still valid).  The rest are
// invalid.  Spills and fills happen only when mandatory (lazy mode); every
// 64th backing-store doubleword (address bits 8:3 all ones) is an RNAT
// collection (sec 6.5.2).  Each spill or fill is committed on its own, so a
// fault in one leaves a consistent state and the instruction restarts.
#include "cpu.h"

namespace ia64 {
namespace {

[[nodiscard]] bool rnat_slot(uint64_t addr) { return ((addr >> 3) & 0x3f) == 0x3f; }

// The backing-store address n registers above (n > 0) or below (n < 0) addr.
[[nodiscard]] uint64_t bs_skip(uint64_t addr, int n) {
    if (n >= 0) {
        unsigned slot = (addr >> 3) & 0x3f;
        return addr + 8 * (static_cast<uint64_t>(n) + (slot + static_cast<unsigned>(n)) / 63);
    }
    unsigned from_top = 62 - ((addr >> 3) & 0x3f);
    unsigned m = static_cast<unsigned>(-n);
    return addr - 8 * (uint64_t{m} + (from_top + m) / 63);
}

}  // namespace

bool Cpu::rse_spill_one() {
    unsigned phys = stack_phys(kStacked - rse_ndirty);   // the oldest dirty register
    uint64_t addr = ar[kArBspstore];
    if (rnat_slot(addr)) {   // software pointed BSPSTORE at a collection slot
        if (!write(addr, 8, ar[kArRnat], Access::rse_write)) return false;
        addr += 8;
        ar[kArBspstore] = addr;
    }
    if (!write(addr, 8, grf_[phys], Access::rse_write)) return false;
    unsigned b = (addr >> 3) & 0x3f;
    ar[kArRnat] = (ar[kArRnat] & ~(uint64_t{1} << b)) | (uint64_t{natf_[phys]} << b);
    addr += 8;
    if (rnat_slot(addr)) {
        if (!write(addr, 8, ar[kArRnat], Access::rse_write)) return false;
        addr += 8;
    }
    ar[kArBspstore] = addr;
    --rse_ndirty;
    if (cfm_sof(cfm_) + rse_ndirty + rse_nclean < kStacked) ++rse_nclean;
    return true;
}

// Moves the register just below BSPSTORE back into the dirty partition,
// from the clean partition when it is still there, else from memory.
bool Cpu::rse_fill_one(unsigned frame_in_use) {
    if (frame_in_use + rse_ndirty >= kStacked) {
        illegal_operation();
        return false;
    }
    uint64_t addr = ar[kArBspstore];
    uint64_t rnat = ar[kArRnat];
    if (rnat_slot(addr - 8)) {
        addr -= 8;
        if (!read(addr, 8, rnat, Access::rse_read)) return false;
    }
    addr -= 8;
    unsigned phys = stack_phys(kStacked - rse_ndirty - 1);
    if (rse_nclean > 0) {
        --rse_nclean;
    } else {
        uint64_t v;
        if (!read(addr, 8, v, Access::rse_read)) return false;
        grf_[phys] = v;
        natf_[phys] = (rnat >> ((addr >> 3) & 0x3f)) & 1;
    }
    ar[kArRnat] = rnat;
    ar[kArBspstore] = addr;
    ++rse_ndirty;
    if (frame_in_use + rse_ndirty + rse_nclean > kStacked) rse_nclean = kStacked - frame_in_use - rse_ndirty;
    return true;
}

bool Cpu::rse_alloc(unsigned sof, unsigned sol, unsigned sor) {
    while (sof + rse_ndirty > kStacked)
        if (!rse_spill_one()) return false;
    if (sof + rse_ndirty + rse_nclean > kStacked) rse_nclean = kStacked - sof - rse_ndirty;
    uint64_t keep_rrb = cfm_ & ~uint64_t{0x3ffff};
    set_cfm(keep_rrb | sof | (uint64_t{sol} << 7) | (uint64_t{sor / 8} << 14));
    return true;
}

// br.call: the caller's locals join the dirty partition; the outputs
// become the callee's frame (SDM vol 2 sec 6.1, vol 3 "br").
void Cpu::rse_call() {
    unsigned sof = cfm_sof(cfm_), sol = cfm_sol(cfm_);
    ar[kArPfs] = (cfm_ & kCfmMask) | ((ar[kArEc] & 0x3f) << 52) | (((psr >> kPsrCpl) & 3) << 62);
    rse_bof = (rse_bof + sol) % kStacked;
    ar[kArBsp] = bs_skip(ar[kArBsp], static_cast<int>(sol));
    rse_ndirty += sol;
    set_cfm(sof - sol);
}

// br.ret and rfi: the frame being returned to starts `below` registers
// under the current one; fill until they are all in the register file,
// then make `cfm` current.  `in_use` is how much of the register file the
// returning code still occupies during the fills.
bool Cpu::rse_reenter(unsigned below, unsigned in_use, uint64_t cfm) {
    if (cfm_sof(cfm) > kStacked || cfm_sol(cfm) > cfm_sof(cfm)) {
        illegal_operation();
        return false;
    }
    while (rse_ndirty < below)
        if (!rse_fill_one(in_use)) return false;
    rse_bof = (rse_bof + kStacked - below) % kStacked;
    ar[kArBsp] = bs_skip(ar[kArBsp], -static_cast<int>(below));
    rse_ndirty -= below;
    unsigned sof = cfm_sof(cfm);
    if (sof + rse_ndirty + rse_nclean > kStacked) rse_nclean = kStacked - sof - rse_ndirty;
    set_cfm(cfm);
    return true;
}

bool Cpu::rse_return(uint64_t pfm) {
    unsigned sol = cfm_sol(pfm), sof = cfm_sof(pfm);
    return rse_reenter(sol, sof > sol ? sof - sol : 0, pfm);
}

bool Cpu::rse_restore_frame(uint64_t ifm) { return rse_reenter(cfm_sof(ifm), 0, ifm); }

// cover: the whole current frame becomes dirty and a new empty frame starts;
// with PSR.ic = 0 the old CFM goes to IFS (SDM vol 3 "cover").
void Cpu::rse_cover() {
    unsigned sof = cfm_sof(cfm_);
    if (!((psr >> kPsrIc) & 1)) cr[kCrIfs] = (cfm_ & kCfmMask) | bit(63);
    rse_bof = (rse_bof + sof) % kStacked;
    ar[kArBsp] = bs_skip(ar[kArBsp], static_cast<int>(sof));
    rse_ndirty += sof;
    set_cfm(0);
}

bool Cpu::rse_flush() {
    while (rse_ndirty > 0)
        if (!rse_spill_one()) return false;
    return true;
}

// loadrs: keep exactly RSC.loadrs bytes below BSP as the dirty partition,
// filling from memory or discarding as needed; clean registers become
// invalid (SDM vol 3 "loadrs", vol 2 sec 6.5.4).
bool Cpu::rse_loadrs() {
    uint64_t want = (ar[kArRsc] >> 16) & 0x3ff8;
    uint64_t bsp = ar[kArBsp];
    uint64_t target = bsp - want;
    rse_nclean = 0;
    while (ar[kArBspstore] > target)
        if (!rse_fill_one(cfm_sof(cfm_))) return false;
    if (ar[kArBspstore] < target) {
        unsigned keep = 0;
        for (uint64_t a = target; a < bsp; a += 8)
            if (!rnat_slot(a)) ++keep;
        rse_ndirty = keep;
        ar[kArBspstore] = target;
    }
    rse_nclean = 0;
    return true;
}

// Writing BSPSTORE moves the backing store: dirty registers stay dirty and
// BSP follows (SDM vol 2 sec 6.5.3); clean registers become invalid.
void Cpu::rse_write_bspstore(uint64_t v) {
    ar[kArBspstore] = v & ~uint64_t{7};
    ar[kArBsp] = bs_skip(ar[kArBspstore], static_cast<int>(rse_ndirty));
    rse_nclean = 0;
}

// Register rotation for modulo-scheduled loop branches: every rrb counts down.
void Cpu::rse_rotate() {
    unsigned sor = cfm_sor(cfm_);
    uint64_t gr_rrb = sor ? (cfm_rrb_gr(cfm_) + sor - 1) % sor : 0;
    uint64_t fr_rrb = (cfm_rrb_fr(cfm_) + 95) % 96;
    uint64_t pr_rrb = (cfm_rrb_pr(cfm_) + 47) % 48;
    uint64_t c = cfm_ & 0x3ffff;
    set_cfm(c | (gr_rrb << 18) | (fr_rrb << 25) | (pr_rrb << 32));
}

}  // namespace ia64
