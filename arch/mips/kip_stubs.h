// The KIP's system-call stubs (kip_stubs.S) and memory descriptors.
#pragma once

#include "pte.h"
#include <generic/types.h>

namespace arch {

// Where a space maps the KIP: nothing to record on MIPS, where `syscall`
// returns to the instruction after it wherever the stub is.
inline void set_kip_location(PageTableArch&, Word) {}

// The stub of enum Syscall entry `index`, or nullptr.
[[nodiscard]] const void* kip_stub(unsigned index);
inline constexpr Word kip_stub_size = 16;
// Architecture-specific KIP memory descriptors: none on MIPS.
template <class Add> inline void add_arch_memory_descriptors(Add) {}

} // namespace arch
