// Boot-time globals and the hand-over from boot to the scheduler.
#pragma once

#include "boot_info.h"
#include "elf.h"

extern BootInfo boot_info;
extern BootOptions boot_options;

// Thread-number ranges (reported in the KIP's ThreadInfo).
namespace thread_numbers {
inline constexpr Word interrupt_count = 64;   // 0 .. 63: interrupt threads
inline constexpr Word system_base = 64;       // kernel threads (idle per CPU)
inline constexpr Word user_base = 128;        // sigma0, sigma1, root task, ...
inline constexpr Word sigma0 = user_base;
inline constexpr Word sigma1 = user_base + 1;
inline constexpr Word root_task = user_base + 2;
} // namespace thread_numbers

// Creates sigma0 and the root task from their loaded images.
void start_root_servers(const ElfImage& sigma0, const ElfImage& root_task);
