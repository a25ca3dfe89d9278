// Register numbers and bit positions of the IA-64 system state
// (SDM vol 2 ch 3: PSR, control registers; vol 1 ch 3: application registers).
#pragma once
#include <cstdint>

namespace ia64 {

// Application registers.
enum : unsigned {
    kArK0 = 0, kArRsc = 16, kArBsp = 17, kArBspstore = 18, kArRnat = 19, kArFcr = 21, kArEflag = 24,
    kArCsd = 25, kArSsd = 26, kArCflg = 27, kArFsr = 28, kArFir = 29, kArFdr = 30, kArCcv = 32,
    kArUnat = 36, kArFpsr = 40, kArItc = 44, kArPfs = 64, kArLc = 65, kArEc = 66,
};

// Control registers.
enum : unsigned {
    kCrDcr = 0, kCrItm = 1, kCrIva = 2, kCrPta = 8, kCrIpsr = 16, kCrIsr = 17, kCrIip = 19, kCrIfa = 20,
    kCrItir = 21, kCrIipa = 22, kCrIfs = 23, kCrIim = 24, kCrIha = 25, kCrLid = 64, kCrIvr = 65,
    kCrTpr = 66, kCrEoi = 67, kCrIrr0 = 68, kCrItv = 72, kCrPmv = 73, kCrCmcv = 74, kCrLrr0 = 80,
    kCrLrr1 = 81,
};

// PSR bits (SDM vol 2 table 3-2).
enum : unsigned {
    kPsrBe = 1, kPsrUp = 2, kPsrAc = 3, kPsrMfl = 4, kPsrMfh = 5, kPsrIc = 13, kPsrI = 14, kPsrPk = 15,
    kPsrDt = 17, kPsrDfl = 18, kPsrDfh = 19, kPsrSp = 20, kPsrPp = 21, kPsrDi = 22, kPsrSi = 23,
    kPsrDb = 24, kPsrLp = 25, kPsrTb = 26, kPsrRt = 27, kPsrCpl = 32, kPsrIs = 34, kPsrMc = 35,
    kPsrIt = 36, kPsrId = 37, kPsrDa = 38, kPsrDd = 39, kPsrSs = 40, kPsrRi = 41, kPsrEd = 43,
    kPsrBn = 44, kPsrIa = 45,
};

constexpr uint64_t bit(unsigned n) { return uint64_t{1} << n; }

// PSR.um is bits 5:0 (user mask); PSR.l the low 32 bits.
constexpr uint64_t kPsrUserMask = 0x3e;   // be up ac mfl mfh (bit 0 reserved)

// Interruption vector offsets from IVA (SDM vol 2 table 5-7).
enum : unsigned {
    kVecAltItlb = 0x0c00, kVecAltDtlb = 0x1000, kVecDataNestedTlb = 0x1400, kVecDirtyBit = 0x2000,
    kVecIAccessBit = 0x2400, kVecDAccessBit = 0x2800, kVecBreak = 0x2c00, kVecExternal = 0x3000,
    kVecPageNotPresent = 0x5000, kVecKeyPermission = 0x5100, kVecIAccessRights = 0x5200,
    kVecDAccessRights = 0x5300, kVecGeneralException = 0x5400, kVecDisabledFp = 0x5500,
    kVecNatConsumption = 0x5600, kVecUnaligned = 0x5a00,
};

// ISR bits (SDM vol 2 sec 3.3.5.3).
enum : unsigned { kIsrX = 32, kIsrW = 33, kIsrR = 34, kIsrNa = 35, kIsrSp = 36, kIsrRs = 37, kIsrIr = 38,
                  kIsrNi = 39, kIsrEi = 41 };

// CFM fields.
[[nodiscard]] constexpr unsigned cfm_sof(uint64_t c) { return c & 0x7f; }
[[nodiscard]] constexpr unsigned cfm_sol(uint64_t c) { return (c >> 7) & 0x7f; }
[[nodiscard]] constexpr unsigned cfm_sor(uint64_t c) { return ((c >> 14) & 0xf) * 8; }
[[nodiscard]] constexpr unsigned cfm_rrb_gr(uint64_t c) { return (c >> 18) & 0x7f; }
[[nodiscard]] constexpr unsigned cfm_rrb_fr(uint64_t c) { return (c >> 25) & 0x7f; }
[[nodiscard]] constexpr unsigned cfm_rrb_pr(uint64_t c) { return (c >> 32) & 0x3f; }
constexpr uint64_t kCfmMask = (uint64_t{1} << 38) - 1;

}  // namespace ia64
