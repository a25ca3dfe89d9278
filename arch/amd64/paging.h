// amd64 four-level page tables (Intel SDM vol. 3, 4.5): PML4, PDPT, PD, PT
// of 512 eight-byte entries; 4 KiB pages and 2 MiB superpages.
#pragma once

#include "layout.h"
#include <generic/types.h>
#include <x86/paging_common.h>

namespace arch {

constexpr u64 pg_frame_mask = 0x000ffffffffff000ul;
constexpr u64 pg_superpage_frame_mask = 0x000fffffffe00000ul;
constexpr unsigned pml4_index(Word va) { return unsigned((va >> 39) & 511); }
constexpr unsigned pdpt_index(Word va) { return unsigned((va >> 30) & 511); }
constexpr unsigned pd_index(Word va) { return unsigned((va >> 21) & 511); }
constexpr unsigned pt_index(Word va) { return unsigned((va >> 12) & 511); }

// The PML4 all spaces copy their kernel half from.
u64* kernel_pml4();

} // namespace arch
