// What the boot loader told us, in board-independent form.  Filled by
// platform::collect_boot_info() before any kernel memory exists, so it is a
// plain fixed-size record.
#pragma once

#include "types.h"

struct MemoryRange {
    Paddr base;
    Paddr end;   // exclusive

    [[nodiscard]] Word size() const { return end - base; }
    [[nodiscard]] bool overlaps(Paddr b, Paddr e) const { return base < e && b < end; }
    [[nodiscard]] bool contains(Paddr b, Paddr e) const { return base <= b && e <= end; }
};

struct BootModule {
    MemoryRange range;
    const char* cmdline;   // module path and arguments as the loader gave them
};

struct BootInfo {
    static constexpr unsigned max_ram = 32;
    static constexpr unsigned max_modules = 16;

    const char* cmdline = "";
    MemoryRange ram[max_ram] = {};      // usable RAM, sorted, not overlapping
    unsigned ram_count = 0;
    BootModule modules[max_modules] = {};
    unsigned module_count = 0;
    MemoryRange loader_data = {};       // loader structures we still read (cmdlines, tables)

    void add_ram(Paddr base, Paddr end);
    [[nodiscard]] Paddr ram_end() const { return ram_count == 0 ? 0 : ram[ram_count - 1].end; }
    [[nodiscard]] bool is_ram(Paddr base, Paddr end) const;
};

// Kernel command-line options the generic kernel understands.
struct BootOptions {
    bool test_mode = false;    // "test": panics and stopped root tasks end the machine
    bool kdb_on_start = false; // "kdb": enter the kernel debugger before starting the root task
    bool phantom_cpu = false;  // "smp.phantom": try to start a CPU that is not there (tests the report)
};
