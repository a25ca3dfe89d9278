// The arch contract: the only way generic code reaches CPU-specific code.
//
// Each port provides arch/<name>/arch.h (found through the include path the
// build sets for the configured arch) defining namespace arch.  This header
// includes it and checks at compile time that the port provides every piece
// of the contract with the right signature; docs/porting.md lists the same
// pieces as a checklist.  No virtual calls: everything is inline or a direct
// call, so hot paths cost what the port makes them cost.
#pragma once

#include "config.h"
#include "types.h"
#include <arch.h>

namespace arch_contract {

// Kernel entry/exit, CPU control.
static_assert(requires { arch::cpu_relax(); });
static_assert(requires { arch::halt_forever(); });
static_assert(requires { arch::idle_wait(); });
static_assert(requires { { arch::cycles() } -> same_as<u64>; });
static_assert(requires { { arch::interrupts_enabled() } -> same_as<bool>; });
static_assert(requires { arch::enable_interrupts(); arch::disable_interrupts(); });

// Memory: the kernel's window onto physical memory and its own image.
static_assert(requires { { arch::page_size } -> same_as<const Word&>; });
static_assert(requires { { arch::max_phys_ram } -> same_as<const u64&>; });
static_assert(requires(Paddr p) { { arch::phys_to_virt<char>(p) } -> same_as<char*>; });
static_assert(requires(const void* v) { { arch::virt_to_phys(v) } -> same_as<Paddr>; });
static_assert(requires { { arch::kernel_image_start() } -> same_as<Paddr>; });
static_assert(requires { { arch::kernel_image_end() } -> same_as<Paddr>; });
static_assert(requires { { arch::phys_window_end() } -> same_as<Paddr>; });
static_assert(requires { { arch::big_endian } -> same_as<const bool&>; });
static_assert(requires { { arch::elf_machine } -> same_as<const unsigned&>; });

} // namespace arch_contract
