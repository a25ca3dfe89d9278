// libFuzzer target: random map/grant/unmap/flush sequences on the mapping
// database, each step checked against the reference model (test/unit).
// A mismatch aborts, which libFuzzer reports with the input that caused it.
#include "host_kernel.h"
#include "mdb_model.h"
#include <cstdio>
#include <cstdlib>

namespace {

constexpr int spaces = 4;
constexpr Word region = 0x200000;   // two superpage slots of 2 MiB
constexpr unsigned big = arch::pt_shift[arch::pt_levels - 2];

struct Input {
    const uint8_t* data;
    size_t size;
    size_t at = 0;
    unsigned byte() { return at < size ? data[at++] : 0; }
    bool done() const { return at >= size; }
};

// An address and size inside the region, naturally aligned.
void pick(Input& in, Word& va, unsigned& size_log2)
{
    static constexpr unsigned sizes[] = {12, 12, 12, 13, 14, 16, big};
    size_log2 = sizes[in.byte() % (sizeof sizes / sizeof sizes[0])];
    Word slots = (Word(2) << big) >> size_log2;
    Word slot = (in.byte() | (in.byte() << 8)) % slots;
    va = region + (slot << size_log2);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    host::reset_kernel_memory(8192);
    {
        model::World w(spaces);
        Input in{data, size};
        while (!in.done()) {
            unsigned op = in.byte() % 6;
            int a = int(in.byte() % spaces), b = int(in.byte() % spaces);
            Word va, vb;
            unsigned s, unused;
            pick(in, va, s);
            pick(in, vb, unused);
            vb = region + ((vb - region) & ~((Word(1) << s) - 1));
            Word rights = in.byte() % 8;
            static const bool trace = std::getenv("MDB_FUZZ_TRACE") != nullptr;
            if (trace)
                std::fprintf(stderr, "op %u: %d %lx -> %d %lx, size 2^%u, rights %lu\n", op, a, va, b, vb, s, rights);
            switch (op) {
            case 0: w.own(va, s); break;
            case 1: w.map(a, va, b, vb, s, rights, false); break;
            case 2: w.map(a, va, b, vb, s, rights, true); break;
            case 3: w.unmap(a, va, s, rights, false); break;
            case 4: w.unmap(a, va, s, rights, true); break;
            default: w.delete_space(a); break;
            }
            std::string diff = w.check();
            if (!diff.empty()) {
                std::fprintf(stderr, "mapping database differs from the model after op %u: %s\n", op,
                             diff.c_str());
                std::abort();
            }
        }
    }
    if (mdb::nodes_in_use() != 0) {
        std::fprintf(stderr, "%lu mapping nodes leaked\n", mdb::nodes_in_use());
        std::abort();
    }
    return 0;
}
