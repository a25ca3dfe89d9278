// Loading a guest: a static ELF64 (EM_IA_64) placed at its segments'
// physical addresses, or a raw image at a given address.
#pragma once
#include <cstdint>
#include <string>

#include "memory.h"

namespace ia64 {

// Returns an error message, or "" with `entry` set to the physical
// address of the entry point.
[[nodiscard]] std::string load_elf(Memory& mem, const std::string& path, uint64_t& entry);
[[nodiscard]] std::string load_raw(Memory& mem, const std::string& path, uint64_t address);

}  // namespace ia64
