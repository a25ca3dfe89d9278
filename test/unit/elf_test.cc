// elf_parse() against synthetic images (the host is a 64-bit little-endian
// machine, so the host arch stand-in accepts ELF64 x86-64 executables).
#include <cstring>
#include <generic/elf.h>
#include <gtest/gtest.h>
#include <vector>

namespace {

struct Image {
    std::vector<unsigned char> bytes = std::vector<unsigned char>(8192, 0);

    Image()
    {
        unsigned char* e = bytes.data();
        memcpy(e, "\x7f" "ELF", 4);
        e[4] = 2;   // ELFCLASS64
        e[5] = 1;   // little endian
        e[6] = 1;
        put16(16, 2);      // ET_EXEC
        put16(18, 62);     // EM_X86_64
        put64(24, 0x401000);   // entry
        put64(32, 64);         // phoff
        put16(54, 56);         // phentsize
        put16(56, 1);          // phnum
        segment(0, 1, 5, 0x1000, 0x401000, 0x401000, 0x100, 0x2000);
    }
    void put16(size_t at, uint16_t v) { memcpy(&bytes[at], &v, 2); }
    void put32(size_t at, uint32_t v) { memcpy(&bytes[at], &v, 4); }
    void put64(size_t at, uint64_t v) { memcpy(&bytes[at], &v, 8); }
    void segment(unsigned i, uint32_t type, uint32_t flags, uint64_t off, uint64_t va, uint64_t pa,
                 uint64_t filesz, uint64_t memsz)
    {
        size_t p = 64 + i * 56;
        put32(p, type);
        put32(p + 4, flags);
        put64(p + 8, off);
        put64(p + 16, va);
        put64(p + 24, pa);
        put64(p + 32, filesz);
        put64(p + 40, memsz);
    }
    BootModule module() const
    {
        Paddr base = reinterpret_cast<Paddr>(bytes.data());
        return {{base, base + bytes.size()}, "test"};
    }
};

const char* parse(const Image& img, ElfImage& out) { return elf_parse(img.module(), out); }

} // namespace

TEST(Elf, AcceptsAValidExecutable)
{
    Image img;
    ElfImage out;
    ASSERT_EQ(parse(img, out), nullptr);
    EXPECT_EQ(out.entry, 0x401000u);
    ASSERT_EQ(out.segment_count, 1u);
    EXPECT_EQ(out.segments[0].paddr, 0x401000u);
    EXPECT_EQ(out.segments[0].file_size, 0x100u);
    EXPECT_EQ(out.segments[0].mem_size, 0x2000u);
    EXPECT_TRUE(out.segments[0].executable);
    EXPECT_FALSE(out.segments[0].writable);
    EXPECT_EQ(out.segments[0].file_data, img.module().range.base + 0x1000);
}

TEST(Elf, RejectsBadMagicClassMachineAndType)
{
    ElfImage out;
    Image a;
    a.bytes[1] = 'X';
    EXPECT_STREQ(parse(a, out), "is not an ELF file (bad magic)");
    Image b;
    b.bytes[4] = 1;
    EXPECT_STREQ(parse(b, out), "is not a 64-bit ELF file");
    Image c;
    c.put16(18, 3);
    EXPECT_STREQ(parse(c, out), "is built for another CPU (ELF machine type)");
    Image d;
    d.put16(16, 3);
    EXPECT_NE(parse(d, out), nullptr);
    Image e;
    e.bytes[5] = 2;
    EXPECT_STREQ(parse(e, out), "has the wrong byte order for this CPU");
}

TEST(Elf, RejectsTruncatedAndOverlongSegments)
{
    ElfImage out;
    Image a;
    a.bytes.resize(20);
    EXPECT_STREQ(parse(a, out), "is too small to be an ELF file");
    Image b;
    b.segment(0, 1, 5, 0x1000, 0x401000, 0x401000, 0x10000, 0x20000);   // past end of file
    EXPECT_STREQ(parse(b, out), "has a load segment that extends past the end of the file");
    Image c;
    c.segment(0, 1, 5, 0x1000, 0x401000, 0x401000, 0x300, 0x200);   // filesz > memsz
    EXPECT_NE(parse(c, out), nullptr);
    Image d;
    d.put16(56, 200);   // phnum beyond the file
    EXPECT_STREQ(parse(d, out), "has a broken program header table");
}

TEST(Elf, RejectsEntryOutsideSegmentsAndNoSegments)
{
    ElfImage out;
    Image a;
    a.put64(24, 0x900000);
    EXPECT_STREQ(parse(a, out), "has an entry point outside its load segments");
    Image b;
    b.segment(0, 4, 5, 0x1000, 0x401000, 0x401000, 0x100, 0x2000);   // PT_NOTE only
    EXPECT_STREQ(parse(b, out), "has no load segments");
}
