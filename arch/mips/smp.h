// The multiprocessor part of the arch contract on MIPS: this port runs one
// CPU (docs/porting.md), so no other CPU is ever started or interrupted.
#pragma once

#include "tlb.h"
#include <generic/types.h>

namespace arch {

struct CpuLocal;

[[nodiscard]] inline u32 boot_cpu_hw_id() { return current_cpu(); }
[[nodiscard]] inline bool start_cpu(CpuLocal&, unsigned, u32, Word) { return false; }
inline void send_ipi(const CpuLocal&) {}
// TCB slots are global TLB entries (paging.cc).
inline void flush_kernel_page(Word va) { tlb_invalidate_entry(va & ~Word(0x1fff)); }
// Boot needs no memory but the kernel image.
template <class F> inline void for_each_boot_reserved_range(F) {}

} // namespace arch
