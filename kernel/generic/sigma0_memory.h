// sigma0's view of physical memory: it owns every physical page the kernel
// does not keep for itself (kernel image, kernel pool, the kernel's device
// registers), idempotently (virtual = physical).  The kernel creates
// sigma0's root mappings on demand: when sigma0 touches a page, and when it
// maps memory it has not touched yet.
#pragma once

#include "boot_info.h"
#include "space.h"

void sigma0_memory_init(MemoryRange kernel_image, MemoryRange kernel_pool);

// Whether sigma0 may own [base, base + 2^size_log2).
[[nodiscard]] bool sigma0_may_own(Paddr base, unsigned size_log2);

// Makes sure sigma0 owns what it may in [base, base + 2^size_log2); false
// when kernel memory ran out.
[[nodiscard]] bool sigma0_own_range(Space* sigma0, Word base, unsigned size_log2);

// Resolves sigma0's page fault at `address`; false when sigma0 may not own it.
[[nodiscard]] bool sigma0_resolve_fault(Space* sigma0, Word address, Word access);
