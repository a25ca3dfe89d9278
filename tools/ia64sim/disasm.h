// Disassembly in the syntax of ia64-linux-gnu-objdump -d, so the decoder
// can be checked against it line by line (test/decoder_diff.py).
#pragma once
#include <cstdint>
#include <string>

#include "decode.h"

namespace ia64 {

// The text of one instruction, without predicate or stop ("add r1=r2,r3").
// `ip` is the bundle address (for IP-relative targets).  Returns "" for an
// unsupported instruction.
[[nodiscard]] std::string disasm_insn(const Insn& insn, uint64_t ip);

// The objdump text column of each slot line of a bundle: "[MII]       add r1=r2,r3;;"
// and so on; an MLX bundle has two lines.  `supported` is cleared when a
// slot holds an instruction this simulator does not implement.
struct BundleText {
    std::string line[3];
    unsigned count = 0;
    bool supported = true;
};
[[nodiscard]] BundleText disasm_bundle(const DecodedBundle& bundle, const RawBundle& raw, uint64_t ip);

// Instructions that cannot be predicated: objdump omits a nonzero qp field
// for them, and executing one with qp != 0 is an Illegal Operation fault.
[[nodiscard]] bool ignores_qp_in_text(Op op);

[[nodiscard]] std::string ar_name(unsigned ar);
[[nodiscard]] std::string cr_name(unsigned cr);

}  // namespace ia64
