// ia32 implementation of the arch contract (kernel/generic/arch_contract.h);
// what amd64 implements alike is in arch/x86/arch_cpu.h and arch_common.h.
#pragma once

#include "config.h"
#include "layout.h"
#include <generic/types.h>
#include <x86/arch_cpu.h>

namespace arch {

inline constexpr Word page_size = 4096;
inline constexpr Word page_bits = 12;
inline constexpr Word superpage_size = 0x400000;
inline constexpr u64 max_phys_ram = 0x100000000ull;   // 32-bit physical addresses, no PAE
inline constexpr bool big_endian = false;
inline constexpr unsigned elf_machine = 3;   // EM_386
inline constexpr Word user_end = USER_END;
inline constexpr Word root_kip_area = ROOT_KIP_AREA;
inline constexpr Word root_utcb_area = ROOT_UTCB_AREA;
inline constexpr unsigned root_utcb_area_log2 = 20;   // 2048 UTCBs
inline constexpr Word page_size_mask = (1u << 12) | (1u << 22);   // 4 KiB and 4 MiB pages
inline constexpr Word page_rights = 6;   // KIP PageInfo: r and w; x is implied by r without NX

} // namespace arch

#include "context.h"
#include <x86/fpu.h>
#include "paging.h"
#include "pte.h"
#include <x86/arch_common.h>

namespace arch {

// Whether Ipc enters with sysenter (else int 0x30); set at boot.
extern bool cpu_has_sysenter;

// LIPC (lipc_arch.cc, kip_stubs.S): the user-level Lipc code exists here.
inline constexpr bool has_lipc = true;
// A thread waiting lazily resumes on its frame (user SP sp, at a KIP stub's
// return, EDI its UTCB), not on its kernel stack.  Returns whether the frame
// suits the fast path (Tcb::user_ipc).
[[nodiscard]] bool lipc_resume_frame(ThreadContext& ctx, Frame& f, const PageTableArch& a, Word sp,
                                     Word local_id);
// Whether an Ipc entry came from the Lipc code's kernel fallback.
[[nodiscard]] bool is_lipc_call(const Frame& f, const PageTableArch& a);
// Test support: single-step the thread's user code from its next return.
void start_single_step(Frame& f);

// The exception message: 12 words (exception_message.cc).
inline constexpr unsigned exception_message_words = 12;

} // namespace arch
#include <x86/user_access.h>
