// Architectural state of one IA-64 processor and the operations the
// instruction handlers build on: register access through the current frame
// and bank, predicates, data memory access with translation, and raising
// interruptions.  Implemented across cpu.cc, rse.cc, tlb.cc, interrupt.cc
// and memory.cc.
#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "bits.h"
#include "insn.h"
#include "memory.h"
#include "regs.h"
#include "tlb.h"

namespace ia64 {

// Floating-point register in the 82-bit register format (SDM vol 1 sec 5.1).
struct Fr {
    uint64_t sig = 0;
    uint32_t exp = 0;   // 17 bits
    uint8_t sign = 0;
};

// Why the run loop stopped.
enum class Stop : uint8_t { none, exit, insn_limit, unimplemented, bus_error, interruption_storm };

enum class Access : uint8_t { read, write, exec, rse_read, rse_write, semaphore };

// Physical general-register file layout: r0-r15, bank 1 r16-r31, bank 0
// r16-r31, the 96 stacked registers, and one scratch slot that out-of-frame
// names map to (they never reach it: the frame check faults first).
constexpr unsigned kBank1 = 16, kBank0 = 32, kStackBase = 48, kStacked = 96;
constexpr unsigned kScratch = kStackBase + kStacked, kPhysGr = kScratch + 1;

class Cpu {
public:
    explicit Cpu(Memory& memory);

    // ---- registers through the current frame, bank and rotation
    [[nodiscard]] uint64_t gr(unsigned r) const { return grf_[map_[r]]; }
    [[nodiscard]] bool nat(unsigned r) const { return natf_[map_[r]] != 0; }
    void set_gr(unsigned r, uint64_t v, bool is_nat = false) {
        grf_[map_[r]] = v;
        natf_[map_[r]] = is_nat;
    }
    [[nodiscard]] bool pr(unsigned p) const { return (pr_bits_ >> pmap_[p]) & 1; }
    void set_pr(unsigned p, bool v) {
        if (p == 0) return;
        unsigned b = pmap_[p];
        pr_bits_ = (pr_bits_ & ~(uint64_t{1} << b)) | (uint64_t{v} << b);
    }
    [[nodiscard]] uint64_t pr_word() const;   // logical p63..p0
    void set_pr_word(uint64_t logical, uint64_t mask);
    [[nodiscard]] Fr& fr(unsigned f) { return frf_[fmap_[f]]; }
    [[nodiscard]] unsigned frame_size() const { return static_cast<unsigned>(cfm_ & 0x7f); }
    [[nodiscard]] unsigned frame_limit() const { return 32 + frame_size(); }
    [[nodiscard]] uint64_t physical_gr(unsigned i) const { return grf_[i]; }
    [[nodiscard]] bool physical_nat(unsigned i) const { return natf_[i] != 0; }

    // ---- state that handlers read and write directly
    uint64_t br[8] = {};
    uint64_t ar[128] = {};
    uint64_t cr[128] = {};
    uint64_t rr[8] = {};
    uint64_t psr = 0;
    uint64_t ip = 0;          // bundle address of the current instruction
    unsigned ri = 0;          // its slot
    uint64_t icount = 0;      // retired instructions (drives ar.itc)
    uint64_t itc_offset = 0;  // ar.itc = icount + itc_offset

    [[nodiscard]] uint64_t cfm() const { return cfm_; }
    void set_cfm(uint64_t cfm);
    void set_bank(unsigned bn);   // PSR.bn and the r16-r31 mapping
    void remap();

    // ---- control flow: handlers that redirect set redirect_ and next_ip_
    void branch_to(uint64_t target) {
        next_ip_ = target & ~uint64_t{15};
        next_ri_ = 0;
        redirect_ = true;
    }
    void resume_at(uint64_t bundle, unsigned slot) {
        next_ip_ = bundle;
        next_ri_ = slot;
        redirect_ = true;
    }
    bool redirect_ = false;
    bool faulted = false;     // the redirect is an interruption: the instruction did not retire
    uint64_t next_ip_ = 0;
    unsigned next_ri_ = 0;

    // ---- interruptions (interrupt.cc); SDM vol 2 ch 5
    void interrupt(unsigned vector, uint64_t isr_bits);
    void illegal_operation() { general_exception(0x00); }
    void privileged_operation() { general_exception(0x10); }
    void privileged_register() { general_exception(0x20); }
    void reserved_register_field() { general_exception(0x30); }
    void general_exception(uint64_t code) { interrupt(kVecGeneralException, code); }
    void break_fault(uint64_t imm);
    void nat_consumption(uint64_t code = 0) { interrupt(kVecNatConsumption, code); }
    void disabled_fp(unsigned parts) { interrupt(kVecDisabledFp, parts); }
    void rfi();
    [[nodiscard]] bool ext_interrupt_ready() const;
    void deliver_external();
    uint64_t read_ivr();
    void write_eoi();
    void raise_irq(unsigned vector);
    void update_timer();      // re-arm the ITC/ITM match after ITM, ITC or ITV change
    bool timer_armed = false;
    uint64_t inject_at = 0;       // device page interrupt injection (0 vector: none)
    unsigned inject_vector = 0;
    uint64_t irr[4] = {};
    uint64_t in_service[4] = {};

    // ---- memory (memory access with translation: cpu.cc, tlb.cc)
    [[nodiscard]] bool read(uint64_t va, unsigned size, uint64_t& out, Access acc = Access::read);
    [[nodiscard]] bool write(uint64_t va, unsigned size, uint64_t v, Access acc = Access::write);
    [[nodiscard]] bool translate(uint64_t va, Access acc, uint64_t& pa, unsigned pl_override = 4);
    [[nodiscard]] bool fetch_translate(uint64_t va, uint64_t& pa);
    [[nodiscard]] bool probe(uint64_t va, uint8_t need, unsigned pl, bool fault_form, bool& allowed);
    // The region id of va's region register (SDM vol 2 sec 4.1.2).
    [[nodiscard]] uint32_t rid_of(uint64_t va) const { return static_cast<uint32_t>((rr[va >> 61] >> 8) & 0xffffff); }
    [[nodiscard]] bool check_alignment(uint64_t va, unsigned size, bool always, Access acc);
    Tlb tlb;
    Memory& mem;

    // ---- register stack engine (rse.cc); SDM vol 2 ch 6
    [[nodiscard]] bool rse_alloc(unsigned sof, unsigned sol, unsigned sor);
    void rse_call();
    [[nodiscard]] bool rse_return(uint64_t pfm);
    [[nodiscard]] bool rse_restore_frame(uint64_t ifm);   // rfi with IFS.v
    void rse_cover();
    [[nodiscard]] bool rse_flush();
    [[nodiscard]] bool rse_loadrs();
    void rse_write_bspstore(uint64_t v);
    void rse_rotate();
    unsigned rse_bof = 0, rse_ndirty = 0, rse_nclean = 0;

    // ---- run control
    Stop stop = Stop::none;
    int exit_code = 0;
    std::string stop_reason;
    uint64_t next_event = 0;      // icount at which the run loop must look at timers
    uint64_t insn_limit = ~uint64_t{0};
    bool trace = false;
    bool illegal_faults = false;  // unimplemented instructions fault instead of stopping
    void schedule_event_now() { next_event = icount; }
    void recompute_next_event();

private:
    // A direct-mapped cache of recent translations per 4 KiB page, valid
    // for one TLB generation and privilege level.  Only accesses that need
    // no access- or dirty-bit fault are cached, so PSR.da/ia need no key.
    struct Xlate {
        uint64_t page = ~uint64_t{0};
        uint64_t pa_page = 0;
        uint32_t generation = 0;
        uint8_t cpl = 0;
        uint8_t rights = 0;
    };
    static constexpr unsigned kXlateEntries = 256;
    Xlate xlate_[2][kXlateEntries];   // [instruction fetch][page index]

    static constexpr unsigned kInterruptionStorm = 10000;
    unsigned storm_ = 0;
    uint64_t storm_icount_ = ~uint64_t{0};
    [[nodiscard]] bool rse_spill_one();
    [[nodiscard]] bool rse_fill_one(unsigned frame_in_use);
    [[nodiscard]] bool rse_reenter(unsigned below, unsigned in_use, uint64_t cfm);
    [[nodiscard]] unsigned stack_phys(unsigned offset) const { return kStackBase + (rse_bof + offset) % kStacked; }
    void remap_stacked(unsigned extent);
    void remap_rotating_pr_fr();

    uint64_t grf_[kPhysGr] = {};
    uint8_t natf_[kPhysGr] = {};
    uint8_t map_[128] = {};
    uint8_t pmap_[64] = {};
    uint8_t fmap_[128] = {};
    uint64_t pr_bits_ = 1;
    Fr frf_[128] = {};
    uint64_t cfm_ = 0;
};

}  // namespace ia64
