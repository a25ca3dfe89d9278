// ELF images of boot modules (sigma0, the root task): validation and the
// placement of their segments at their linked physical addresses.
#pragma once

#include "boot_info.h"
#include "types.h"

struct ElfSegment {
    Word vaddr;
    Paddr paddr;
    Word file_size;
    Word mem_size;
    Paddr file_data;   // physical address of the bytes inside the module
    bool writable;
    bool executable;
};

struct ElfImage {
    static constexpr unsigned max_segments = 16;

    Word entry = 0;
    ElfSegment segments[max_segments] = {};
    unsigned segment_count = 0;
};

// Checks that the module is an executable ELF for this CPU with sane load
// segments.  Returns nullptr on success, else a sentence saying what is wrong.
[[nodiscard]] const char* elf_parse(const BootModule& module, ElfImage& image);
