// Interruption delivery and return (SDM vol 2 ch 5), the external
// interrupt controller (IVR/TPR/EOI/IRR, sec 5.8) and the ITC/ITM timer.
#include <cstdio>

#include "cpu.h"

namespace ia64 {
namespace {

// PSR bits an interruption preserves; the rest become 0 except be and pp,
// which come from DCR (SDM vol 2 sec 5.5.1, table 3-2 "interruption" column).
constexpr uint64_t kPsrKept = bit(kPsrUp) | bit(kPsrMfl) | bit(kPsrMfh) | bit(kPsrDt) | bit(kPsrRt) |
                              bit(kPsrIt) | bit(kPsrSi) | bit(kPsrMc);

int highest(const uint64_t bits[4]) {
    for (int w = 3; w >= 0; --w)
        if (bits[w]) return w * 64 + 63 - __builtin_clzll(bits[w]);
    return -1;
}

}  // namespace

void Cpu::interrupt(unsigned vector, uint64_t isr_bits) {
    // Interruptions that retire no instruction in between (an unmapped
    // handler, say) would spin forever without reaching the instruction
    // limit: stop instead.
    storm_ = icount == storm_icount_ ? storm_ + 1 : 0;
    storm_icount_ = icount;
    if (storm_ > kInterruptionStorm) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "%u interruptions without a retired instruction (vector %#x)",
                      kInterruptionStorm, vector);
        stop = Stop::interruption_storm;
        stop_reason = buf;
    }
    bool ic = (psr >> kPsrIc) & 1;
    if (ic) {
        cr[kCrIpsr] = (psr & ~(uint64_t{3} << kPsrRi)) | (uint64_t{ri} << kPsrRi);
        cr[kCrIip] = ip;
        cr[kCrIipa] = ip;
        cr[kCrIfs] = 0;   // IFS.v = 0: the frame is not saved until cover
    }
    cr[kCrIsr] = isr_bits | (uint64_t{ri} << kIsrEi) | (ic ? 0 : bit(kIsrNi));
    uint64_t dcr = cr[kCrDcr];
    psr = (psr & kPsrKept) | (dcr & bit(0) ? bit(kPsrBe) : 0) | (dcr & bit(1) ? bit(kPsrPp) : 0);
    remap();   // PSR.bn = 0: bank 0 for r16-r31
    branch_to((cr[kCrIva] & ~uint64_t{0x7fff}) + vector);
    faulted = true;
    if (trace) std::fprintf(stderr, "interruption: vector %#x isr %#llx\n", vector,
                            static_cast<unsigned long long>(cr[kCrIsr]));
}

void Cpu::break_fault(uint64_t imm) {
    cr[kCrIim] = imm;
    interrupt(kVecBreak, 0);
}

void Cpu::rfi() {
    uint64_t ipsr = cr[kCrIpsr], ifs = cr[kCrIfs];
    unsigned slot = (ipsr >> kPsrRi) & 3;
    if ((ifs >> 63) & 1) {
        if (!rse_restore_frame(ifs & kCfmMask)) return;
    }
    psr = ipsr & ~(uint64_t{3} << kPsrRi);
    remap();
    resume_at(cr[kCrIip] & ~uint64_t{15}, slot);
    schedule_event_now();
}

// An external interrupt is deliverable when its priority class is above
// the highest in-service class and TPR does not mask it (SDM vol 2 sec 5.8.3).
static int deliverable(const uint64_t irr[4], const uint64_t in_service[4], uint64_t tpr) {
    int v = highest(irr);
    if (v < 16) return -1;
    int s = highest(in_service);
    if (s >= 0 && (v >> 4) <= (s >> 4)) return -1;
    if ((tpr >> 16) & 1) return -1;                               // TPR.mmi
    if (static_cast<uint64_t>(v >> 4) <= ((tpr >> 4) & 0xf)) return -1;   // TPR.mic
    return v;
}

bool Cpu::ext_interrupt_ready() const {
    return ((psr >> kPsrI) & 1) && deliverable(irr, in_service, cr[kCrTpr]) >= 0;
}

void Cpu::deliver_external() { interrupt(kVecExternal, 0); }

uint64_t Cpu::read_ivr() {
    int v = deliverable(irr, in_service, cr[kCrTpr]);
    if (v < 0) return 15;   // spurious
    irr[v / 64] &= ~(uint64_t{1} << (v % 64));
    in_service[v / 64] |= uint64_t{1} << (v % 64);
    return static_cast<uint64_t>(v);
}

void Cpu::write_eoi() {
    int s = highest(in_service);
    if (s >= 0) in_service[s / 64] &= ~(uint64_t{1} << (s % 64));
    schedule_event_now();
}

void Cpu::raise_irq(unsigned vector) {
    vector &= 0xff;
    irr[vector / 64] |= uint64_t{1} << (vector % 64);
    schedule_event_now();
}

}  // namespace ia64
