// ia32 two-level page tables (4 KiB pages, 4 MiB superpages, no PAE).
#pragma once

#include "layout.h"
#include <generic/types.h>
#include <x86/paging_common.h>

namespace arch {

constexpr u32 pg_frame_mask = 0xfffff000u;
constexpr unsigned pd_index(Word va) { return unsigned(va >> 22); }
constexpr unsigned pt_index(Word va) { return unsigned((va >> 12) & 0x3ff); }

// The page directory all spaces copy their kernel half from.
u32* kernel_page_directory();

} // namespace arch
