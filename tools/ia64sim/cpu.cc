// Register mapping through frame, bank and rotation; data memory access
// with translation and the access-rights, dirty and access bit checks.
#include "cpu.h"

namespace ia64 {

Cpu::Cpu(Memory& memory) : mem(memory) {
    // Reset state (SDM vol 2 sec 3.3.2, simplified): physical mode, PL 0,
    // interruption collection off, bank 1, an empty frame.
    psr = bit(kPsrBn);
    frf_[1].exp = 0xffff;
    frf_[1].sig = uint64_t{1} << 63;
    for (unsigned i = 0; i < 8; ++i) rr[i] = 14 << 2;   // 16 KiB pages, rid 0
    cr[kCrItv] = bit(16);
    cr[kCrPmv] = bit(16);
    cr[kCrCmcv] = bit(16);
    cr[kCrLrr0] = bit(16);
    cr[kCrLrr1] = bit(16);
    cr[kCrTpr] = bit(16);
    cr[kCrIvr] = 15;
    remap();
}

void Cpu::remap() {
    unsigned bank = (psr >> kPsrBn) & 1 ? kBank1 : kBank0;
    for (unsigned r = 0; r < 16; ++r) map_[r] = static_cast<uint8_t>(r);
    for (unsigned r = 0; r < 16; ++r) map_[16 + r] = static_cast<uint8_t>(bank + r);
    remap_stacked(kStacked);
    remap_rotating_pr_fr();
}

// Only the first `extent` stacked names can have changed: names beyond both
// the old and the new frame already map to the scratch slot.
void Cpu::remap_stacked(unsigned extent) {
    unsigned sof = cfm_sof(cfm_), sor = cfm_sor(cfm_), rrb = cfm_rrb_gr(cfm_);
    for (unsigned i = 0; i < extent && i < 96; ++i) {
        unsigned off = i < sor ? (i + rrb) % sor : i;
        map_[32 + i] = static_cast<uint8_t>(i < sof ? stack_phys(off) : kScratch);
    }
}

void Cpu::remap_rotating_pr_fr() {
    unsigned rrb_pr = cfm_rrb_pr(cfm_), rrb_fr = cfm_rrb_fr(cfm_);
    for (unsigned p = 0; p < 64; ++p) pmap_[p] = static_cast<uint8_t>(p < 16 ? p : 16 + (p - 16 + rrb_pr) % 48);
    for (unsigned f = 0; f < 128; ++f) fmap_[f] = static_cast<uint8_t>(f < 32 ? f : 32 + (f - 32 + rrb_fr) % 96);
}

void Cpu::set_cfm(uint64_t cfm) {
    uint64_t old = cfm_;
    cfm_ = cfm & kCfmMask;
    unsigned extent = cfm_sof(old) > cfm_sof(cfm_) ? cfm_sof(old) : cfm_sof(cfm_);
    remap_stacked(extent);
    if (cfm_rrb_pr(old) != cfm_rrb_pr(cfm_) || cfm_rrb_fr(old) != cfm_rrb_fr(cfm_)) remap_rotating_pr_fr();
}

void Cpu::set_bank(unsigned bn) {
    psr = (psr & ~bit(kPsrBn)) | (uint64_t{bn & 1} << kPsrBn);
    remap();
}

uint64_t Cpu::pr_word() const {
    uint64_t v = 0;
    for (unsigned p = 0; p < 64; ++p) v |= uint64_t{pr(p)} << p;
    return v;
}

void Cpu::set_pr_word(uint64_t logical, uint64_t mask) {
    for (unsigned p = 1; p < 64; ++p)
        if ((mask >> p) & 1) set_pr(p, (logical >> p) & 1);
}

bool Cpu::check_alignment(uint64_t va, unsigned size, bool always, Access acc) {
    if ((va & (size - 1)) == 0 || (!always && !((psr >> kPsrAc) & 1))) return true;
    cr[kCrIfa] = va;
    uint64_t isr = acc == Access::write ? bit(kIsrW) : acc == Access::semaphore ? bit(kIsrR) | bit(kIsrW) : bit(kIsrR);
    interrupt(kVecUnaligned, isr);
    return false;
}

bool Cpu::translate(uint64_t va, Access acc, uint64_t& pa, unsigned pl_override) {
    bool instr = acc == Access::exec;
    bool rse = acc == Access::rse_read || acc == Access::rse_write;
    unsigned enable = instr ? kPsrIt : rse ? kPsrRt : kPsrDt;
    if (!((psr >> enable) & 1)) {
        pa = va;
        return true;
    }
    bool writes = acc == Access::write || acc == Access::rse_write || acc == Access::semaphore;
    bool reads = acc != Access::write && acc != Access::rse_write && !instr;
    uint8_t need = instr ? kRightX : (writes ? kRightW : 0) | (reads ? kRightR : 0);
    unsigned cpl = pl_override < 4 ? pl_override : (psr >> kPsrCpl) & 3;
    Xlate& cached = xlate_[instr][(va >> 12) % kXlateEntries];
    if (cached.page == va >> 12 && cached.generation == tlb.generation && cached.cpl == cpl &&
        (cached.rights & need) == need) {
        pa = cached.pa_page | (va & 0xfff);
        return true;
    }
    uint64_t isr = (instr ? bit(kIsrX) : 0) | (writes ? bit(kIsrW) : 0) | (reads ? bit(kIsrR) : 0) |
                   (rse ? bit(kIsrRs) : 0);
    uint64_t region = rr[va >> 61];
    uint32_t rid = rid_of(va);
    auto fault = [&](unsigned vector, uint64_t itir) {
        cr[kCrIfa] = instr ? va & ~uint64_t{15} : va;
        cr[kCrItir] = itir;
        interrupt(vector, isr);
        return false;
    };
    uint64_t default_itir = (region & 0xfc) | (uint64_t{rid} << 8);
    const TlbEntry* e = tlb.lookup(instr, va, rid);
    if (!e) {
        if (instr) return fault(kVecAltItlb, default_itir);
        return fault((psr >> kPsrIc) & 1 ? kVecAltDtlb : kVecDataNestedTlb, default_itir);
    }
    if (!pte_p(e->pte)) return fault(kVecPageNotPresent, default_itir);
    uint8_t rights = access_rights(pte_ar(e->pte), pte_pl(e->pte), cpl);
    if ((rights & need) != need) return fault(instr ? kVecIAccessRights : kVecDAccessRights, default_itir);
    if (writes && !pte_d(e->pte) && !((psr >> kPsrDa) & 1)) return fault(kVecDirtyBit, default_itir);
    if (!pte_a(e->pte)) {
        if (instr && !((psr >> kPsrIa) & 1)) return fault(kVecIAccessBit, default_itir);
        if (!instr && !((psr >> kPsrDa) & 1)) return fault(kVecDAccessBit, default_itir);
    }
    pa = (pte_ppn(e->pte) & ~e->mask) | (va & e->mask);
    if (pte_a(e->pte)) {
        cached.page = va >> 12;
        cached.pa_page = pa & ~uint64_t{0xfff};
        cached.generation = tlb.generation;
        cached.cpl = static_cast<uint8_t>(cpl);
        cached.rights = pte_d(e->pte) ? rights : rights & ~kRightW;
    }
    return true;
}

bool Cpu::fetch_translate(uint64_t va, uint64_t& pa) { return translate(va, Access::exec, pa); }

// probe (SDM vol 3 "probe"): the data TLB decides whether an access with
// rights `need` at level pl would be allowed.  A missing translation is a
// TLB miss fault for both forms; the fault form raises the Page Not
// Present or Data Access Rights fault the access would take, and with
// PSR.dt = 0 it checks nothing.  Returns false when it raised a fault.
bool Cpu::probe(uint64_t va, uint8_t need, unsigned pl, bool fault_form, bool& allowed) {
    allowed = true;
    if (fault_form && !((psr >> kPsrDt) & 1)) return true;
    uint64_t region = rr[va >> 61];
    uint32_t rid = rid_of(va);
    uint64_t isr = bit(kIsrNa) | ((need & kRightW) ? bit(kIsrW) : 0) | ((need & kRightR) ? bit(kIsrR) : 0);
    auto fault = [&](unsigned vector) {
        cr[kCrIfa] = va;
        cr[kCrItir] = (region & 0xfc) | (uint64_t{rid} << 8);
        interrupt(vector, isr);
        return false;
    };
    const TlbEntry* e = tlb.lookup(false, va, rid);
    if (!e) return fault((psr >> kPsrIc) & 1 ? kVecAltDtlb : kVecDataNestedTlb);
    bool present = pte_p(e->pte);
    allowed = present && (access_rights(pte_ar(e->pte), pte_pl(e->pte), pl) & need) == need;
    if (!allowed && fault_form) return fault(present ? kVecDAccessRights : kVecPageNotPresent);
    return true;
}

bool Cpu::read(uint64_t va, unsigned size, uint64_t& out, Access acc) {
    uint64_t pa;
    unsigned pl = acc == Access::rse_read ? (ar[kArRsc] >> 2) & 3 : 4;
    if (!translate(va, acc, pa, pl)) return false;
    if (uint8_t* p = mem.ram_ptr(pa, size)) {
        out = 0;
        __builtin_memcpy(&out, p, size);
        return true;
    }
    if (mem.read(pa, size, out)) return true;
    stop = Stop::bus_error;
    stop_reason = "bus error: read of physical address with no memory";
    faulted = true;
    return false;
}

bool Cpu::write(uint64_t va, unsigned size, uint64_t v, Access acc) {
    uint64_t pa;
    unsigned pl = acc == Access::rse_write ? (ar[kArRsc] >> 2) & 3 : 4;
    if (!translate(va, acc, pa, pl)) return false;
    if (mem.write(pa, size, v)) return true;
    if (stop == Stop::none) {
        stop = Stop::bus_error;
        stop_reason = "bus error: write to physical address with no memory";
        faulted = true;
    }
    return false;
}

}  // namespace ia64
