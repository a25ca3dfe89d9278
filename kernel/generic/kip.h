// The kernel interface page (X.2 "Kernel Interface Page").  One page in the
// kernel image, mapped read-only into every space at its KIP area; it holds
// the kernel's self-description and the user-callable system-call stubs.
// Field offsets are the X.2 ones for 32-bit machines, doubled on 64-bit
// ones (static_asserts in kip.cc).
#pragma once

#include "boot_info.h"
#include "boot_memory.h"
#include "types.h"

struct KipMemoryRegion {
    Word low, high;
};

struct KipRootServer {
    Word sp, ip;
    KipMemoryRegion region;
};

struct Kip {
    Word magic;
    Word api_version;
    Word api_flags;
    Word kernel_descriptor;       // offset from the KIP base
    Word kdebug_init, kdebug_entry;
    KipMemoryRegion kdebug_region;
    KipRootServer sigma0, sigma1, root_server;
    Word reserved0;
    Word memory_info;             // descriptor offset << half-word | count
    Word kdebug_config[2];
    KipMemoryRegion legacy_regions[8];
    Word reserved1[2];
    Word utcb_info;
    Word kip_area_info;
    Word reserved2[2];
    Word boot_info;
    Word processor_descriptors;   // offset from the KIP base
    Word clock_info;
    Word thread_info;
    Word page_info;
    Word processor_info;
    Word syscall[11];             // stub offsets, order of enum Syscall
    Word reserved3[5];
    Word arch_syscall[4];
};

// The system calls in the order of their KIP stub slots.
enum class Syscall : unsigned {
    SpaceControl, ThreadControl, ProcessorControl, MemoryControl, Ipc, Lipc, Unmap,
    ExchangeRegisters, SystemClock, ThreadSwitch, Schedule, Count
};

// X.2 memory descriptor types.
enum class MemoryType : Word {
    Undefined = 0, Conventional = 1, Reserved = 2, Dedicated = 3, Shared = 4,
    BootLoader = 0xe, Architecture = 0xf,
};

struct RootServerImage;

// Builds the KIP at boot: the layout, memory descriptors, processor
// descriptors and the root servers' entries.
void kip_init(const BootInfo& boot, MemoryRange kernel_pool, unsigned cpu_count, u64 cpu_khz,
              u64 bus_khz);
void kip_set_root_server(KipRootServer Kip::*which, Word ip, Word sp, Word low, Word high);
void kip_set_boot_info(Word address);
// Once the application processors are up: how many CPUs run.
void kip_set_processor_count(unsigned cpu_count);

[[nodiscard]] Kip& kip();
[[nodiscard]] Paddr kip_physical_page();
[[nodiscard]] Word kip_utcb_alignment();
[[nodiscard]] unsigned kip_area_size_log2();
// Which system call a KIP stub at `offset` from the KIP base is, or Count.
[[nodiscard]] Syscall kip_syscall_at(Word offset);
