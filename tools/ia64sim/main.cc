// ia64sim: the IA-64 system simulator.  See README.md for usage.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "disasm.h"
#include "dump.h"
#include "loader.h"
#include "machine.h"

namespace {

// Exit statuses of the simulator itself; a guest exit returns its code.
constexpr int kExitStorm = 123, kExitLimit = 124, kExitUnimplemented = 125, kExitBusError = 126, kExitUsage = 127;

void usage() {
    std::fprintf(stderr,
                 "usage: ia64sim [options] IMAGE\n"
                 "  --trace           print every executed instruction on stderr\n"
                 "  --max-insns N     stop after N instructions (exit status 124)\n"
                 "  --mem MIB         RAM size in MiB (default 128)\n"
                 "  --raw ADDR        IMAGE is a raw image loaded and started at ADDR\n"
                 "  --dump            print the register/RSE/TLB dump on every stop\n"
                 "  --stats           print the instruction count and speed on stderr\n"
                 "  --illegal-faults  unimplemented instructions raise Illegal Operation faults\n"
                 "  --disasm          disassemble the raw IMAGE (objdump -b binary syntax) and exit\n");
}

int disassemble(const char* path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        std::fprintf(stderr, "ia64sim: cannot read %s\n", path);
        return kExitUsage;
    }
    std::vector<unsigned char> d((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    for (size_t off = 0; off + 16 <= d.size(); off += 16) {
        ia64::RawBundle raw;
        std::memcpy(&raw.lo, &d[off], 8);
        std::memcpy(&raw.hi, &d[off + 8], 8);
        ia64::DecodedBundle b;
        ia64::decode_bundle(raw, b);
        ia64::BundleText t = ia64::disasm_bundle(b, raw, off);
        for (unsigned i = 0; i < t.count; ++i)
            std::printf("%s%s\n", t.supported ? "" : "?", t.line[i].c_str());
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    bool trace = false, dump = false, stats = false, raw = false, illegal_faults = false, disasm = false;
    uint64_t max_insns = ~uint64_t{0}, raw_addr = 0, mem_mib = 128;
    const char* image = nullptr;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> uint64_t {
            if (i + 1 >= argc) {
                usage();
                std::exit(kExitUsage);
            }
            return std::strtoull(argv[++i], nullptr, 0);
        };
        if (a == "--trace") trace = true;
        else if (a == "--dump") dump = true;
        else if (a == "--stats") stats = true;
        else if (a == "--illegal-faults") illegal_faults = true;
        else if (a == "--disasm") disasm = true;
        else if (a == "--max-insns") max_insns = value();
        else if (a == "--mem") mem_mib = value();
        else if (a == "--raw") {
            raw = true;
            raw_addr = value();
        } else if (a == "--help" || a == "-h") {
            usage();
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            usage();
            return kExitUsage;
        } else {
            image = argv[i];
        }
    }
    if (!image) {
        usage();
        return kExitUsage;
    }
    if (disasm) return disassemble(image);
    ia64::Machine m(mem_mib << 20);
    uint64_t entry = raw_addr;
    std::string err = raw ? ia64::load_raw(m.memory, image, raw_addr) : ia64::load_elf(m.memory, image, entry);
    if (!err.empty()) {
        std::fprintf(stderr, "ia64sim: %s\n", err.c_str());
        return kExitUsage;
    }
    m.cpu.ip = entry & ~uint64_t{15};
    m.cpu.trace = trace;
    m.cpu.insn_limit = max_insns;
    m.cpu.illegal_faults = illegal_faults;
    auto start = std::chrono::steady_clock::now();
    m.run();
    if (stats) {
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "ia64sim: instructions: %llu in %.3f s (%.1f M/s)\n",
                     static_cast<unsigned long long>(m.cpu.icount), secs, m.cpu.icount / secs / 1e6);
    }
    bool clean = m.cpu.stop == ia64::Stop::exit;
    if (!clean || dump) {
        std::fprintf(stderr, "ia64sim: stopped: %s\n", m.cpu.stop_reason.c_str());
        ia64::dump_state(m, stderr);
    }
    switch (m.cpu.stop) {
    case ia64::Stop::exit: return m.cpu.exit_code;
    case ia64::Stop::insn_limit: return kExitLimit;
    case ia64::Stop::unimplemented: return kExitUnimplemented;
    case ia64::Stop::interruption_storm: return kExitStorm;
    default: return kExitBusError;
    }
}
