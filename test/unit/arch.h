// Host stand-in for the arch contract, so generic algorithms build and run
// as ordinary host code in the unit tests.  "Physical" addresses are host
// addresses (identity window).
#pragma once

#include <generic/types.h>

namespace arch {

inline constexpr Word page_size = 4096;
inline constexpr u64 max_phys_ram = ~u64(0);
inline constexpr bool big_endian = false;
inline constexpr unsigned elf_machine = 62;   // EM_X86_64: the host

inline void cpu_relax() {}
inline void halt_forever() { __builtin_trap(); }
inline void idle_wait() {}
inline u64 cycles() { return 0; }
inline bool interrupts_enabled() { return false; }
inline void enable_interrupts() {}
inline void disable_interrupts() {}

template <class T> inline T* phys_to_virt(Paddr p) { return reinterpret_cast<T*>(p); }
inline Paddr virt_to_phys(const void* v) { return reinterpret_cast<Paddr>(v); }
inline Paddr phys_window_end() { return ~Paddr(0); }
inline Paddr kernel_image_start() { return 0; }
inline Paddr kernel_image_end() { return 0; }

} // namespace arch
