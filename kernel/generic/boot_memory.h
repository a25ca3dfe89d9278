// Physical memory at boot: what the kernel image, the boot modules and the
// root servers' segments occupy, and where the kernel memory pool goes.
#pragma once

#include "boot_info.h"
#include "elf.h"

class BootMemory {
public:
    static constexpr unsigned max_reserved = BootInfo::max_modules + 2 * ElfImage::max_segments + 4;

    void reserve(MemoryRange r, const char* what);
    // Chooses the kernel pool: the highest free RAM inside the kernel's
    // physical window, a quarter of RAM clamped to [4, 64] MiB.
    [[nodiscard]] bool choose_pool(const BootInfo& info, MemoryRange& pool) const;
    // The reservation [base, end) collides with, or nullptr.
    [[nodiscard]] const char* conflict(Paddr base, Paddr end) const;

private:
    struct Reserved {
        MemoryRange range;
        const char* what;
    };
    Reserved reserved_[max_reserved] = {};
    unsigned count_ = 0;
};
