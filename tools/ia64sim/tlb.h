// Instruction and data TLBs: 8 translation registers and a 64-entry
// translation cache each (SDM vol 2 sec 4.1).  No VHPT walker: a miss is an
// Alternate TLB fault.
#pragma once
#include <cstdint>

namespace ia64 {

struct TlbEntry {
    bool valid = false;
    uint64_t vpn = 0;     // virtual address bits 60:0 with the page offset cleared
    uint64_t mask = 0;    // page offset mask, 2^ps - 1
    uint32_t rid = 0;
    uint64_t pte = 0;     // insertion format: p ma a d pl ar ppn ed (SDM vol 2 fig 4-5)
    uint64_t itir = 0;    // ps and key
    [[nodiscard]] bool overlaps(uint64_t va61, uint64_t size_mask, uint32_t r) const {
        uint64_t m = ~(mask | size_mask);
        return valid && rid == r && ((vpn ^ va61) & m & ((uint64_t{1} << 61) - 1)) == 0;
    }
};

// PTE fields.
[[nodiscard]] constexpr bool pte_p(uint64_t p) { return p & 1; }
[[nodiscard]] constexpr bool pte_a(uint64_t p) { return (p >> 5) & 1; }
[[nodiscard]] constexpr bool pte_d(uint64_t p) { return (p >> 6) & 1; }
[[nodiscard]] constexpr unsigned pte_pl(uint64_t p) { return (p >> 7) & 3; }
[[nodiscard]] constexpr unsigned pte_ar(uint64_t p) { return (p >> 9) & 7; }
[[nodiscard]] constexpr uint64_t pte_ppn(uint64_t p) { return p & 0x0003fffffffff000; }

enum : uint8_t { kRightR = 1, kRightW = 2, kRightX = 4 };

// Page access rights for privilege level cpl (SDM vol 2 sec 4.1.1.6, table 4-4).
[[nodiscard]] uint8_t access_rights(unsigned ar, unsigned pl, unsigned cpl);

class Tlb {
public:
    static constexpr unsigned kTr = 8, kTc = 64;

    [[nodiscard]] const TlbEntry* lookup(bool instr, uint64_t va, uint32_t rid) const;
    void insert_tc(bool instr, const TlbEntry& e);
    void insert_tr(bool instr, unsigned slot, const TlbEntry& e);
    void purge_tc(uint64_t va, uint64_t size_mask, uint32_t rid);
    void purge_all_tc();
    void purge_tr(bool instr, uint64_t va, uint64_t size_mask, uint32_t rid);
    void changed() { ++generation; }

    TlbEntry itr[kTr], dtr[kTr], itc[kTc], dtc[kTc];
    unsigned itc_next = 0, dtc_next = 0;
    uint32_t generation = 1;
};

}  // namespace ia64
