#include "tlb.h"

namespace ia64 {

uint8_t access_rights(unsigned ar, unsigned pl, unsigned cpl) {
    // Execute-only promotion pages (ar 7) stay executable from less
    // privileged levels; every other type gives them nothing.
    if (cpl > pl) return ar == 7 ? kRightX : 0;
    static constexpr uint8_t R = kRightR, W = kRightW, X = kRightX;
    static constexpr uint8_t at_pl[8] = {R, R | X, R | W, R | W | X, R, R | X, R | W | X, X};
    static constexpr uint8_t more_privileged[8] = {R, R | X, R | W, R | W | X, R | W, R | W | X, R | W, R | X};
    return cpl == pl ? at_pl[ar] : more_privileged[ar];
}

const TlbEntry* Tlb::lookup(bool instr, uint64_t va, uint32_t rid) const {
    const TlbEntry* tr = instr ? itr : dtr;
    const TlbEntry* tc = instr ? itc : dtc;
    uint64_t va61 = va & ((uint64_t{1} << 61) - 1);
    for (unsigned i = 0; i < kTr; ++i)
        if (tr[i].overlaps(va61, 0, rid)) return &tr[i];
    for (unsigned i = 0; i < kTc; ++i)
        if (tc[i].overlaps(va61, 0, rid)) return &tc[i];
    return nullptr;
}

void Tlb::insert_tc(bool instr, const TlbEntry& e) {
    TlbEntry* tc = instr ? itc : dtc;
    unsigned& next = instr ? itc_next : dtc_next;
    // An insertion purges overlapping translation-cache entries (SDM vol 2 sec 4.1.1.2).
    for (unsigned i = 0; i < kTc; ++i)
        if (tc[i].overlaps(e.vpn, e.mask, e.rid)) tc[i].valid = false;
    tc[next] = e;
    next = (next + 1) % kTc;
    changed();
}

void Tlb::insert_tr(bool instr, unsigned slot, const TlbEntry& e) {
    TlbEntry* tc = instr ? itc : dtc;
    for (unsigned i = 0; i < kTc; ++i)
        if (tc[i].overlaps(e.vpn, e.mask, e.rid)) tc[i].valid = false;
    (instr ? itr : dtr)[slot % kTr] = e;
    changed();
}

void Tlb::purge_tc(uint64_t va, uint64_t size_mask, uint32_t rid) {
    uint64_t va61 = va & ((uint64_t{1} << 61) - 1);
    for (unsigned i = 0; i < kTc; ++i) {
        if (itc[i].overlaps(va61, size_mask, rid)) itc[i].valid = false;
        if (dtc[i].overlaps(va61, size_mask, rid)) dtc[i].valid = false;
    }
    changed();
}

void Tlb::purge_all_tc() {
    for (unsigned i = 0; i < kTc; ++i) itc[i].valid = dtc[i].valid = false;
    changed();
}

void Tlb::purge_tr(bool instr, uint64_t va, uint64_t size_mask, uint32_t rid) {
    uint64_t va61 = va & ((uint64_t{1} << 61) - 1);
    TlbEntry* tr = instr ? itr : dtr;
    TlbEntry* tc = instr ? itc : dtc;
    for (unsigned i = 0; i < kTr; ++i)
        if (tr[i].overlaps(va61, size_mask, rid)) tr[i].valid = false;
    for (unsigned i = 0; i < kTc; ++i)
        if (tc[i].overlaps(va61, size_mask, rid)) tc[i].valid = false;
    changed();
}

}  // namespace ia64
