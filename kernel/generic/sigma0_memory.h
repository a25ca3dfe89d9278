// sigma0's view of physical memory: it owns all free RAM idempotently
// (virtual = physical), so the kernel resolves its page faults itself.
#pragma once

#include "boot_info.h"
#include "space.h"

// Records which physical memory sigma0 may own (RAM minus the kernel's).
void sigma0_memory_init(const BootInfo& boot, MemoryRange kernel_image, MemoryRange kernel_pool);

// Maps the page at `address` 1:1 into sigma0's space if sigma0 owns it.
[[nodiscard]] bool sigma0_resolve_fault(Space* sigma0, Word address, Word access);
