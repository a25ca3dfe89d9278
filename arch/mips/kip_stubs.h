// The KIP's system-call stubs (kip_stubs.S) and memory descriptors.
#pragma once

#include <generic/types.h>

namespace arch {

// The stub of enum Syscall entry `index`, or nullptr.
[[nodiscard]] const void* kip_stub(unsigned index);
inline constexpr Word kip_stub_size = 16;
// Architecture-specific KIP memory descriptors: none on MIPS.
template <class Add> inline void add_arch_memory_descriptors(Add) {}

} // namespace arch
