#include "loader.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace ia64 {
namespace {

template <typename T>
T get(const std::vector<uint8_t>& d, size_t off) {
    T v{};
    std::memcpy(&v, d.data() + off, sizeof v);
    return v;
}

bool read_file(const std::string& path, std::vector<uint8_t>& out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    out.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    return true;
}

}  // namespace

std::string load_elf(Memory& mem, const std::string& path, uint64_t& entry) {
    std::vector<uint8_t> d;
    if (!read_file(path, d)) return "cannot read " + path;
    if (d.size() < 64 || std::memcmp(d.data(), "\177ELF", 4) != 0) return path + " is not an ELF file";
    if (d[4] != 2 || d[5] != 1) return path + " is not a little-endian ELF64 file";
    if (get<uint16_t>(d, 18) != 50) return path + " is not an IA-64 ELF file";
    uint64_t e_entry = get<uint64_t>(d, 24);
    entry = e_entry;
    uint64_t phoff = get<uint64_t>(d, 32);
    unsigned phentsize = get<uint16_t>(d, 54), phnum = get<uint16_t>(d, 56);
    if (phoff + uint64_t{phentsize} * phnum > d.size() || phentsize < 56) return path + ": bad program headers";
    for (unsigned i = 0; i < phnum; ++i) {
        size_t ph = phoff + size_t{phentsize} * i;
        if (get<uint32_t>(d, ph) != 1) continue;   // PT_LOAD
        uint64_t off = get<uint64_t>(d, ph + 8), vaddr = get<uint64_t>(d, ph + 16), paddr = get<uint64_t>(d, ph + 24);
        uint64_t filesz = get<uint64_t>(d, ph + 32), memsz = get<uint64_t>(d, ph + 40);
        if (off + filesz > d.size() || filesz > memsz) return path + ": segment outside the file";
        uint8_t* dst = mem.ram_ptr(paddr, static_cast<unsigned>(memsz ? memsz : 1));
        if (!dst || memsz > mem.ram_size()) return path + ": segment outside RAM";
        std::memcpy(dst, d.data() + off, filesz);
        std::memset(dst + filesz, 0, memsz - filesz);
        // The run starts in physical mode: a virtual entry point inside a
        // segment becomes the matching physical address.
        if (e_entry >= vaddr && e_entry - vaddr < memsz) entry = paddr + (e_entry - vaddr);
    }
    return "";
}

std::string load_raw(Memory& mem, const std::string& path, uint64_t address) {
    std::vector<uint8_t> d;
    if (!read_file(path, d)) return "cannot read " + path;
    uint8_t* dst = mem.ram_ptr(address, static_cast<unsigned>(d.size() ? d.size() : 1));
    if (!dst || d.size() > mem.ram_size()) return path + ": image outside RAM";
    std::memcpy(dst, d.data(), d.size());
    return "";
}

}  // namespace ia64
