#include "elf.h"
#include "arch_contract.h"

namespace {

enum : u8 { elfclass32 = 1, elfclass64 = 2, elfdata2lsb = 1, elfdata2msb = 2 };
enum : u16 { et_exec = 2 };
enum : u32 { pt_load = 1, pf_x = 1, pf_w = 2 };

// The fields we read, in word-size-neutral form.
struct Header {
    Word entry, phoff;
    unsigned phentsize, phnum, machine, type;
};
struct Program {
    u32 type, flags;
    u64 offset, vaddr, paddr, filesz, memsz;
};

template <class T> T read(const u8* p)
{
    T v;
    __builtin_memcpy(&v, p, sizeof v);
    return v;
}

Header read_header(const u8* e, bool is64)
{
    if (is64)
        return {Word(read<u64>(e + 24)), Word(read<u64>(e + 32)), read<u16>(e + 54),
                read<u16>(e + 56), read<u16>(e + 18), read<u16>(e + 16)};
    return {read<u32>(e + 24), read<u32>(e + 28), read<u16>(e + 42), read<u16>(e + 44),
            read<u16>(e + 18), read<u16>(e + 16)};
}

Program read_program(const u8* p, bool is64)
{
    if (is64)
        return {read<u32>(p), read<u32>(p + 4), read<u64>(p + 8), read<u64>(p + 16),
                read<u64>(p + 24), read<u64>(p + 32), read<u64>(p + 40)};
    return {read<u32>(p), read<u32>(p + 24), read<u32>(p + 4), read<u32>(p + 8),
            read<u32>(p + 12), read<u32>(p + 16), read<u32>(p + 20)};
}

} // namespace

const char* elf_parse(const BootModule& module, ElfImage& image)
{
    const Word size = module.range.size();
    const bool is64 = word_bits == 64;
    const unsigned header_size = is64 ? 64 : 52;
    const unsigned program_size = is64 ? 56 : 32;
    if (size < header_size)
        return "is too small to be an ELF file";
    if (module.range.end > arch::phys_window_end())
        return "lies outside the kernel's physical memory window";
    const u8* e = arch::phys_to_virt<const u8>(module.range.base);
    if (e[0] != 0x7f || e[1] != 'E' || e[2] != 'L' || e[3] != 'F')
        return "is not an ELF file (bad magic)";
    if (e[4] != (is64 ? elfclass64 : elfclass32))
        return is64 ? "is not a 64-bit ELF file" : "is not a 32-bit ELF file";
    if (e[5] != (arch::big_endian ? elfdata2msb : elfdata2lsb))
        return "has the wrong byte order for this CPU";
    Header h = read_header(e, is64);
    if (h.machine != arch::elf_machine)
        return "is built for another CPU (ELF machine type)";
    if (h.type != et_exec)
        return "is not an executable (link it statically, not as a shared object)";
    if (h.phentsize != program_size || h.phnum == 0 || h.phoff > size ||
        (size - h.phoff) / program_size < h.phnum)
        return "has a broken program header table";

    image = {};
    image.entry = h.entry;
    for (unsigned i = 0; i < h.phnum; i++) {
        Program p = read_program(e + h.phoff + i * program_size, is64);
        if (p.type != pt_load || p.memsz == 0)
            continue;
        if (image.segment_count == ElfImage::max_segments)
            return "has too many load segments";
        if (p.filesz > p.memsz || p.offset > size || size - p.offset < p.filesz)
            return "has a load segment that extends past the end of the file";
        if (p.paddr + p.memsz < p.paddr || p.vaddr + p.memsz < p.vaddr ||
            p.paddr + p.memsz > arch::max_phys_ram)
            return "has a load segment with an impossible address range";
        image.segments[image.segment_count++] = {
            Word(p.vaddr), Paddr(p.paddr), Word(p.filesz), Word(p.memsz),
            module.range.base + Paddr(p.offset), (p.flags & pf_w) != 0, (p.flags & pf_x) != 0};
    }
    if (image.segment_count == 0)
        return "has no load segments";
    bool entry_inside = false;
    for (unsigned i = 0; i < image.segment_count; i++) {
        const ElfSegment& s = image.segments[i];
        entry_inside |= s.vaddr <= image.entry && image.entry - s.vaddr < s.mem_size;
    }
    if (!entry_inside)
        return "has an entry point outside its load segments";
    return nullptr;
}
