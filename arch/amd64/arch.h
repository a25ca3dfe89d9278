// amd64 implementation of the arch contract (kernel/generic/arch_contract.h);
// what ia32 implements alike is in arch/x86/arch_cpu.h and arch_common.h.
#pragma once

#include "config.h"
#include "layout.h"
#include <generic/types.h>
#include <x86/arch_cpu.h>

namespace arch {

inline constexpr Word page_size = 4096;
inline constexpr Word page_bits = 12;
inline constexpr Word superpage_size = 0x200000;
inline constexpr u64 max_phys_ram = PHYS_WINDOW_SIZE;   // all of RAM is in the window
inline constexpr bool big_endian = false;
inline constexpr unsigned elf_machine = 62;   // EM_X86_64
inline constexpr Word user_end = USER_END;
inline constexpr Word root_kip_area = ROOT_KIP_AREA;
inline constexpr Word root_utcb_area = ROOT_UTCB_AREA;
inline constexpr unsigned root_utcb_area_log2 = 20;   // 1024 UTCBs of 1 KiB
inline constexpr Word page_size_mask = (1ul << 12) | (1ul << 21);   // 4 KiB and 2 MiB pages
inline constexpr Word page_rights = 6;   // KIP PageInfo: r and w; x is implied by r (NX unused)

} // namespace arch

#include "context.h"
#include "paging.h"
#include "pte.h"
#include <x86/arch_common.h>
#include <x86/fpu.h>

namespace arch {

// No user-level Lipc code on amd64 (lipc.cc): a Lipc is a kernel Ipc.
inline constexpr bool has_lipc = false;
NORETURN bool lipc_resume_frame(ThreadContext& ctx, Frame& f, const PageTableArch& a, Word sp, Word local_id);
// Test support: single-step the thread's user code from its next return
// (the amd64 kdebug interface does not offer it).
NORETURN void start_single_step(Frame& f);

// The exception message: 20 words (exception_message.cc).
inline constexpr unsigned exception_message_words = 20;

} // namespace arch
#include <x86/user_access.h>
