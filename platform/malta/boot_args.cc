// The Malta hand-over (QEMU hw/mips/malta.c, YAMON style): argv and envp
// are arrays of 32-bit pointers into the loader's argument page; argv[1]
// is the command line, which starts with "rd_start=0x... rd_size=N" when
// -initrd was given; envp holds name/value pairs, "memsize" the size of
// low RAM.  The initrd is a module pack (tools/mkpack): sigma0, the root
// task and further modules.  Strings are copied into kernel memory, so the
// loader's page can be reused.
#include "malta.h"
#include <generic/boot_info.h>
#include <generic/console.h>
#include <generic/platform.h>
#include <generic/string.h>

namespace {

constexpr Paddr low_ram_max = 0x10000000;   // 256 MiB below the I/O hole

char cmdline_store[1024];
char name_store[BootInfo::max_modules][48];

// A pointer of the loader's tables: a sign-extended KSEG0 address.
const char* loader_string(u32 pointer)
{
    Word v = Word(s64(s32(pointer)));
    if (v < CKSEG0 || v - CKSEG0 >= low_ram_max)
        return nullptr;
    return reinterpret_cast<const char*>(v);
}

bool starts_with(const char* s, const char* prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

Word parse_number(const char* s)
{
    Word v = 0;
    unsigned base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    }
    for (;; s++) {
        unsigned d = *s >= '0' && *s <= '9' ? unsigned(*s - '0')
                     : base == 16 && *s >= 'a' && *s <= 'f' ? unsigned(*s - 'a' + 10)
                     : base == 16 && *s >= 'A' && *s <= 'F' ? unsigned(*s - 'A' + 10)
                                                             : 16;
        if (d >= base)
            return v;
        v = v * base + d;
    }
}

// Splits the loader's command line into the initrd words and the rest.
void parse_cmdline(const char* line, Word& rd_start, Word& rd_size)
{
    char* out = cmdline_store;
    char* end = cmdline_store + sizeof cmdline_store - 1;
    while (*line != '\0') {
        while (*line == ' ')
            line++;
        const char* word = line;
        while (*line != '\0' && *line != ' ')
            line++;
        if (starts_with(word, "rd_start=")) {
            rd_start = parse_number(word + 9);
        } else if (starts_with(word, "rd_size=")) {
            rd_size = parse_number(word + 8);
        } else if (line > word) {
            if (out != cmdline_store && out < end)
                *out++ = ' ';
            for (const char* c = word; c < line && out < end; c++)
                *out++ = *c;
        }
    }
    *out = '\0';
}

// The pack format of tools/mkpack: an 8-byte magic, the module count, then
// one 64-byte entry per module (offset and size from the pack's start, a
// NUL-terminated name), the modules page aligned behind.
struct PackEntry {
    u64 offset, size;
    char name[48];
};
constexpr char pack_magic[8] = {'C', 'N', 'U', 'T', 'P', 'A', 'C', 'K'};

void add_modules(BootInfo& info, Paddr base, Word size)
{
    const char* p = arch::phys_to_virt<const char>(base);
    if (size < 16 || memcmp(p, pack_magic, sizeof pack_magic) != 0) {
        // A single file: a one-module boot (refused later, with its reason).
        info.modules[0] = {{base, base + size}, "initrd"};
        info.module_count = 1;
        return;
    }
    u32 count;
    memcpy(&count, p + 8, sizeof count);
    if (count > BootInfo::max_modules) {
        kprintf("Chestnut: %u boot modules given, only the first %u are used\n", count, BootInfo::max_modules);
        count = BootInfo::max_modules;
    }
    for (u32 i = 0; i < count && 16 + (i + 1) * sizeof(PackEntry) <= size; i++) {
        PackEntry e;
        memcpy(&e, p + 16 + i * sizeof(PackEntry), sizeof e);
        if (e.offset > size || e.size > size - e.offset)
            break;
        strlcpy(name_store[i], e.name, sizeof name_store[i]);
        info.modules[info.module_count++] = {{base + Paddr(e.offset), base + Paddr(e.offset + e.size)}, name_store[i]};
    }
}

} // namespace

namespace platform {

bool collect_boot_info(BootInfo& info, Word argv_address, Word envp_address)
{
    if (argv_address == MIPS_BOOT_IN_DEBUG_MODE) {
        kprintf("Chestnut: started again in EJTAG debug mode (a debug breakpoint such as SDBBP, which "
                "reaches the boot ROM, not the kernel); refusing to run\n");
        return false;
    }
    const auto* argv = reinterpret_cast<const u32*>(argv_address);
    const auto* envp = reinterpret_cast<const u32*>(envp_address);
    const char* line = argv_address >= CKSEG0 && envp_address >= CKSEG0 ? loader_string(argv[1]) : nullptr;
    if (line == nullptr) {
        kprintf("Chestnut: no boot arguments from a Malta loader (argv %lx); boot with qemu-system-mips64el "
                "-M malta -kernel kernel -initrd pack\n", argv_address);
        return false;
    }
    Word rd_start = 0, rd_size = 0;
    parse_cmdline(line, rd_start, rd_size);
    info.cmdline = cmdline_store;

    Word memsize = 0;
    for (unsigned i = 0; envp[i] != 0 && envp[i + 1] != 0 && i < 32; i += 2) {
        const char* name = loader_string(envp[i]);
        const char* value = loader_string(envp[i + 1]);
        if (name != nullptr && value != nullptr && strcmp(name, "memsize") == 0)
            memsize = parse_number(value);
    }
    if (memsize == 0) {
        kprintf("Chestnut: the boot environment has no memsize\n");
        return false;
    }
    info.add_ram(0, min<Paddr>(memsize, low_ram_max));

    if (rd_size != 0) {
        Paddr base = rd_start >= CKSEG0 ? rd_start - CKSEG0 : rd_start;
        if (!info.is_ram(base, base + rd_size)) {
            kprintf("Chestnut: the initrd at %lx (%lu bytes) is not in RAM\n", rd_start, rd_size);
            return false;
        }
        add_modules(info, base, rd_size);
    }
    return true;
}

} // namespace platform
