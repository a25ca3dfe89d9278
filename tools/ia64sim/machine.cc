// The run loop: fetch a decoded bundle, execute its slots from PSR.ri,
// and look at timers, injected interrupts and the instruction limit
// whenever the retired-instruction count reaches the next event.
#include "machine.h"

#include <poll.h>
#include <unistd.h>

#include <cstdio>

#include "disasm.h"

namespace ia64 {

Machine::Machine(uint64_t ram_bytes) : memory(ram_bytes), cpu(memory) { memory.device = this; }

const DecodedBundle* Machine::bundle_at(uint64_t pa) {
    pa = Memory::strip(pa);
    uint64_t page = pa >> kCodePageShift;
    uint8_t* bytes = memory.ram_ptr(pa, 16);
    if (!bytes) return nullptr;
    if (page != last_page_number_) {
        auto& slot = pages_[page];
        if (!slot) slot = std::make_unique<CodePage>();
        last_page_ = slot.get();
        last_page_number_ = page;
    }
    CodePage& cp = *last_page_;
    uint32_t gen = memory.code_generation(pa);
    if (cp.generation != gen) {   // a store hit this page since it was decoded
        for (bool& v : cp.valid) v = false;
        cp.generation = gen;
    }
    unsigned idx = (pa >> 4) & 255;
    if (!cp.valid[idx]) {
        RawBundle raw;
        __builtin_memcpy(&raw.lo, bytes, 8);
        __builtin_memcpy(&raw.hi, bytes + 8, 8);
        decode_bundle(raw, cp.bundle[idx]);
        cp.valid[idx] = true;
        memory.mark_code(pa);
    }
    return &cp.bundle[idx];
}

void Cpu::update_timer() {
    timer_armed = static_cast<int64_t>(cr[kCrItm] - (icount + itc_offset)) >= 0;
    recompute_next_event();
}

void Cpu::recompute_next_event() {
    uint64_t next = insn_limit;
    if (timer_armed) {
        uint64_t delta = cr[kCrItm] - (icount + itc_offset);
        if (static_cast<int64_t>(delta) < 0) delta = 0;
        if (icount + delta < next) next = icount + delta;
    }
    if (inject_vector && inject_at < next) next = inject_at;
    next_event = next;
}

void Machine::poll_events() {
    Cpu& c = cpu;
    if (c.icount >= c.insn_limit) {
        c.stop = Stop::insn_limit;
        c.stop_reason = "instruction limit reached";
        return;
    }
    if (c.timer_armed && static_cast<int64_t>(c.icount + c.itc_offset - c.cr[kCrItm]) >= 0) {
        c.timer_armed = false;   // ITC matched ITM (SDM vol 2 sec 3.3.4.2)
        if (!((c.cr[kCrItv] >> 16) & 1)) c.raise_irq(c.cr[kCrItv] & 0xff);
    }
    if (c.inject_vector && c.icount >= c.inject_at) {
        c.raise_irq(c.inject_vector);
        c.inject_vector = 0;
    }
    c.recompute_next_event();
    if (c.ext_interrupt_ready()) {
        c.deliver_external();
        c.faulted = false;
        c.ip = c.next_ip_;
        c.ri = c.next_ri_;
        c.redirect_ = false;
    }
}

void Machine::trace_insn(const Insn& in) const {
    std::string text = disasm_insn(in, cpu.ip);
    std::fprintf(stderr, "%10llu %016llx.%u %s%s\n", static_cast<unsigned long long>(cpu.icount),
                 static_cast<unsigned long long>(cpu.ip), cpu.ri,
                 in.qp ? (cpu.pr(in.qp) ? "" : "[skipped] ") : "", text.empty() ? "<unimplemented>" : text.c_str());
}

void Machine::run() {
    Cpu& c = cpu;
    c.recompute_next_event();
    while (c.stop == Stop::none) {
        if (c.icount >= c.next_event) {
            poll_events();
            if (c.stop != Stop::none) break;
        }
        uint64_t pa;
        const DecodedBundle* b = nullptr;
        unsigned slot = c.ri;
        if (c.fetch_translate(c.ip, pa)) {
            b = bundle_at(pa);
            if (!b) {
                c.stop = Stop::bus_error;
                c.stop_reason = "bus error: instruction fetch from physical address with no memory";
                break;
            }
            if (b->reserved || slot > 2 || (b->slot[slot].unit == Unit::X)) {
                c.illegal_operation();   // reserved template or a bad IPSR.ri
                b = nullptr;
            }
        }
        bool event = false;
        if (b) {
            for (; slot < 3; ++slot) {
                const Insn& in = b->slot[slot];
                if (in.unit == Unit::X) break;
                c.ri = slot;
                if (c.trace) trace_insn(in);
                if (c.pr(in.qp) || in.runs_false) {
                    unsigned fp_off = (c.psr >> kPsrDfl) & 3;
                    if (in.max_gr >= c.frame_limit()) c.illegal_operation();
                    else if (in.fp_parts & fp_off) c.disabled_fp(in.fp_parts & fp_off);
                    else in.exec(c, in);
                    if (c.redirect_ || c.stop != Stop::none) {
                        // A fault leaves the instruction unretired; a branch or rfi retires it.
                        if (!c.faulted) ++c.icount;
                        c.faulted = false;
                        break;
                    }
                }
                ++c.icount;
                if (c.icount >= c.next_event) {
                    event = true;
                    break;
                }
            }
        }
        if (c.stop != Stop::none) break;
        c.faulted = false;
        if (c.redirect_) {
            c.ip = c.next_ip_;
            c.ri = c.next_ri_;
            c.redirect_ = false;
        } else if (event && slot < 2 && b->slot[slot + 1].unit != Unit::X) {
            c.ri = slot + 1;
        } else {
            c.ip += 16;
            c.ri = 0;
        }
    }
    std::fflush(stdout);
}

uint64_t Machine::device_read(uint64_t offset) {
    switch (offset) {
    case kDevConsoleIn: {
        pollfd p{0, POLLIN, 0};
        unsigned char ch;
        if (poll(&p, 1, 0) == 1 && (p.revents & POLLIN) && ::read(0, &ch, 1) == 1) return ch;
        return ~uint64_t{0};
    }
    case kDevCheckpoint: return checkpoint;
    case kDevIcount: return cpu.icount;
    case kDevIrqAt: return cpu.inject_at;
    case kDevIrqAtVector: return cpu.inject_vector;
    case kDevRamSize: return memory.ram_size();
    default: return 0;
    }
}

void Machine::device_write(uint64_t offset, uint64_t value) {
    switch (offset) {
    case kDevConsoleOut:
        std::fputc(static_cast<int>(value & 0xff), stdout);
        if ((value & 0xff) == '\n') std::fflush(stdout);
        break;
    case kDevExit:
        cpu.exit_code = static_cast<int>(value & 0xff);
        cpu.stop = Stop::exit;
        cpu.stop_reason = "guest exit";
        break;
    case kDevCheckpoint: checkpoint = value; break;
    case kDevIrqRaise: cpu.raise_irq(static_cast<unsigned>(value)); break;
    case kDevIrqAt: cpu.inject_at = value; break;
    case kDevIrqAtVector:
        cpu.inject_vector = static_cast<unsigned>(value & 0xff);
        cpu.recompute_next_event();
        break;
    default: break;
    }
}

}  // namespace ia64
