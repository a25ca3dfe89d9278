// Multiboot (0.6.96) hand-over: memory map, modules and command lines.
// Strings are copied into kernel memory so the loader's area can be reused.
#include <generic/arch_contract.h>
#include <generic/boot_info.h>
#include <generic/console.h>
#include <generic/platform.h>
#include <generic/string.h>

namespace {

constexpr u32 multiboot_magic = 0x2badb002;

struct MultibootInfo {
    u32 flags;
    u32 mem_lower, mem_upper;
    u32 boot_device;
    u32 cmdline;
    u32 mods_count, mods_addr;
    u32 syms[4];
    u32 mmap_length, mmap_addr;
} PACKED;

struct MultibootModule {
    u32 start, end;
    u32 string;
    u32 reserved;
} PACKED;

struct MultibootMmap {
    u32 size;   // of the rest of the entry
    u64 base;
    u64 length;
    u32 type;   // 1 = available RAM
} PACKED;

enum : u32 { mbi_mem = 1u << 0, mbi_cmdline = 1u << 2, mbi_mods = 1u << 3, mbi_mmap = 1u << 6 };

char cmdline_store[BootInfo::max_modules + 1][256];

const char* copy_string(unsigned slot, u32 phys)
{
    if (phys == 0)
        return "";
    const char* src = arch::phys_to_virt<const char>(phys);
    strlcpy(cmdline_store[slot], src, sizeof cmdline_store[slot]);
    return cmdline_store[slot];
}

} // namespace

namespace platform {

bool collect_boot_info(BootInfo& info, Word magic, Word info_phys)
{
    if (magic != multiboot_magic) {
        kprintf("Chestnut: not started by a Multiboot loader (magic %lx); boot with "
                "qemu-system-i386 -kernel kernel -initrd sigma0,roottask\n", magic);
        return false;
    }
    const auto* mbi = arch::phys_to_virt<const MultibootInfo>(info_phys);
    if ((mbi->flags & mbi_cmdline) != 0)
        info.cmdline = copy_string(BootInfo::max_modules, mbi->cmdline);

    if ((mbi->flags & mbi_mmap) != 0) {
        Word at = mbi->mmap_addr;
        Word end = at + mbi->mmap_length;
        while (at < end) {
            const auto* e = arch::phys_to_virt<const MultibootMmap>(at);
            u64 top = e->base + e->length;
            if (e->type == 1 && e->base < arch::max_phys_ram)
                info.add_ram(Paddr(e->base), Paddr(min<u64>(top, arch::max_phys_ram)));
            at += e->size + 4;
        }
    } else if ((mbi->flags & mbi_mem) != 0) {
        info.add_ram(0, Paddr(mbi->mem_lower) * 1024);
        info.add_ram(mib(1), mib(1) + Paddr(mbi->mem_upper) * 1024);
    }
    // The first page holds the real-mode IVT and BIOS data; keep it out.
    if (info.ram_count > 0 && info.ram[0].base == 0)
        info.ram[0].base = 0x1000;

    if ((mbi->flags & mbi_mods) != 0) {
        const auto* mods = arch::phys_to_virt<const MultibootModule>(mbi->mods_addr);
        for (u32 i = 0; i < mbi->mods_count && i < BootInfo::max_modules; i++) {
            info.modules[i].range = {mods[i].start, mods[i].end};
            info.modules[i].cmdline = copy_string(i, mods[i].string);
        }
        info.module_count = min<u32>(mbi->mods_count, BootInfo::max_modules);
        if (mbi->mods_count > BootInfo::max_modules)
            kprintf("Chestnut: %u boot modules given, only the first %u are used\n",
                    mbi->mods_count, BootInfo::max_modules);
    }
    return true;
}

} // namespace platform
