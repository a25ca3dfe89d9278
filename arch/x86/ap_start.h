// The application-processor start both x86 ports use (ap_start.cc); the
// port provides the trampoline (ap_boot.S: ap_trampoline_start/end with the
// words ap_cr3, ap_stack, ap_entry, and x86_ap_entry, which calls
// x86_ap_main) and the page table the trampoline runs on.
#pragma once

#include <generic/types.h>

namespace x86 {
// The AP sets this once it runs kernel code (x86_ap_main).
extern volatile bool ap_started;
} // namespace x86

namespace arch {
// The physical address of a root table with the kernel's mappings plus an
// identity map of the trampoline page; 0 when out of memory.
[[nodiscard]] Paddr ap_root_table();
} // namespace arch
