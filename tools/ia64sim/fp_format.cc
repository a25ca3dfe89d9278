#include "fp_format.h"

namespace ia64 {
namespace {

Fr from_ieee(uint64_t sign, uint64_t e, uint64_t frac, unsigned frac_bits, unsigned emax, int bias) {
    Fr f;
    f.sign = static_cast<uint8_t>(sign);
    uint64_t frac_top = frac << (63 - frac_bits);
    if (e == 0 && frac == 0) return f;
    if (e == emax) {
        f.exp = kExpInf;
        f.sig = (uint64_t{1} << 63) | frac_top;
    } else if (e == 0) {   // denormal: kept unnormalized
        f.exp = static_cast<uint32_t>(kExpBias + 1 - bias);
        f.sig = frac_top;
    } else {
        f.exp = static_cast<uint32_t>(static_cast<int>(e) - bias + static_cast<int>(kExpBias));
        f.sig = (uint64_t{1} << 63) | frac_top;
    }
    return f;
}

uint64_t to_ieee(const Fr& f, unsigned frac_bits, unsigned exp_bits, int bias) {
    uint64_t sign = uint64_t{f.sign} << (frac_bits + exp_bits);
    uint64_t emax = (uint64_t{1} << exp_bits) - 1;
    if (f.exp == kExpInf) return sign | (emax << frac_bits) | ((f.sig << 1) >> (64 - frac_bits));
    if (f.sig == 0) return sign;
    int e = static_cast<int>(f.exp) - static_cast<int>(kExpBias);
    uint64_t sig = f.sig;
    while (!(sig >> 63)) {
        sig <<= 1;
        --e;
    }
    int be = e + bias;
    if (be >= static_cast<int>(emax)) return sign | (emax << frac_bits);
    if (be <= 0) {   // denormal result
        int shift = 1 - be;
        if (shift > 63) return sign;
        return sign | ((sig >> shift) >> (63 - frac_bits));
    }
    return sign | (static_cast<uint64_t>(be) << frac_bits) | ((sig << 1) >> (64 - frac_bits));
}

}  // namespace

Fr fr_from_single(uint32_t v) { return from_ieee(v >> 31, (v >> 23) & 0xff, v & 0x7fffff, 23, 0xff, 127); }
Fr fr_from_double(uint64_t v) {
    return from_ieee(v >> 63, (v >> 52) & 0x7ff, v & ((uint64_t{1} << 52) - 1), 52, 0x7ff, 1023);
}
Fr fr_from_extended(uint64_t sig, uint16_t se) {
    Fr f;
    f.sign = static_cast<uint8_t>(se >> 15);
    uint32_t e = se & 0x7fff;
    f.sig = sig;
    f.exp = e == 0x7fff ? kExpInf : e == 0 ? (sig ? kExpBias - 0x3ffe : 0) : e - 0x3fff + kExpBias;
    return f;
}
uint32_t fr_to_single(const Fr& f) { return static_cast<uint32_t>(to_ieee(f, 23, 8, 127)); }
uint64_t fr_to_double(const Fr& f) { return to_ieee(f, 52, 11, 1023); }
uint16_t fr_extended_se(const Fr& f) {
    uint32_t e = f.exp == kExpInf ? 0x7fff : f.exp == 0 ? 0 : f.exp - kExpBias + 0x3fff;
    return static_cast<uint16_t>((uint32_t{f.sign} << 15) | (e & 0x7fff));
}

}  // namespace ia64
