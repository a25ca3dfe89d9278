#include "acpi.h"
#include <generic/arch_contract.h>
#include <generic/string.h>

namespace platform::pc99 {

Madt madt;
bool madt_found = false;

namespace {

struct Rsdp {
    char signature[8];   // "RSD PTR "
    u8 checksum;
    char oem[6];
    u8 revision;
    u32 rsdt;
} PACKED;

struct SdtHeader {
    char signature[4];
    u32 length;
    u8 revision, checksum;
    char oem[6], oem_table[8];
    u32 oem_revision, creator, creator_revision;
} PACKED;

struct MadtHeader {
    SdtHeader sdt;
    u32 lapic_address;
    u32 flags;
} PACKED;

enum : u8 { entry_lapic = 0, entry_ioapic = 1, entry_override = 2 };

// Tables must lie inside the kernel's physical window to be read.
bool readable(Paddr p, Word size) { return p < arch::phys_window_end() && size <= arch::phys_window_end() - p; }

bool checksum_ok(const void* p, Word n)
{
    u8 sum = 0;
    for (Word i = 0; i < n; i++)
        sum = u8(sum + static_cast<const u8*>(p)[i]);
    return sum == 0;
}

const Rsdp* find_rsdp_in(Paddr base, Word size)
{
    for (Paddr p = base; p + sizeof(Rsdp) <= base + size; p += 16) {
        auto* r = arch::phys_to_virt<const Rsdp>(p);
        if (memcmp(r->signature, "RSD PTR ", 8) == 0 && checksum_ok(r, 20))
            return r;
    }
    return nullptr;
}

const Rsdp* find_rsdp()
{
    // The EBDA's first KiB (its segment at 0x40e), then the BIOS area.
    Paddr ebda = Paddr(*arch::phys_to_virt<const u16>(0x40e)) << 4;
    if (ebda >= 0x80000 && ebda < 0xa0000)
        if (const Rsdp* r = find_rsdp_in(ebda, 1024))
            return r;
    return find_rsdp_in(0xe0000, 0x20000);
}

void parse(const MadtHeader* h, Madt& madt)
{
    for (unsigned i = 0; i < 16; i++)
        madt.isa_gsi[i] = i;
    auto* p = reinterpret_cast<const u8*>(h + 1);
    auto* end = reinterpret_cast<const u8*>(h) + h->sdt.length;
    while (p + 2 <= end && p[1] >= 2 && p + p[1] <= end) {
        switch (p[0]) {
        case entry_lapic:   // processor uid, APIC id, flags (bit 0: enabled)
            if (p[1] >= 8 && (p[4] & 1) != 0 && madt.cpu_count < Madt::max_cpus)
                madt.apic_id[madt.cpu_count++] = p[3];
            break;
        case entry_ioapic:  // id, reserved, address, GSI base
            if (p[1] >= 12 && madt.ioapic == 0) {
                u32 address, base;
                memcpy(&address, p + 4, 4);
                memcpy(&base, p + 8, 4);
                madt.ioapic = address;
                madt.ioapic_gsi_base = base;
            }
            break;
        case entry_override:   // bus, source IRQ, GSI, flags
            if (p[1] >= 10 && p[2] == 0 && p[3] < 16) {
                u32 gsi;
                u16 flags;
                memcpy(&gsi, p + 4, 4);
                memcpy(&flags, p + 8, 2);
                madt.isa_gsi[p[3]] = gsi;
                madt.isa_flags[p[3]] = flags;
            }
            break;
        }
        p += p[1];
    }
}

} // namespace

bool read_madt(Madt& m)
{
    const Rsdp* rsdp = find_rsdp();
    if (rsdp == nullptr || !readable(rsdp->rsdt, sizeof(SdtHeader)))
        return false;
    auto* rsdt = arch::phys_to_virt<const SdtHeader>(rsdp->rsdt);
    if (memcmp(rsdt->signature, "RSDT", 4) != 0 || !readable(rsdp->rsdt, rsdt->length) ||
        !checksum_ok(rsdt, rsdt->length))
        return false;
    auto* entries = reinterpret_cast<const u32*>(rsdt + 1);
    unsigned count = unsigned((rsdt->length - sizeof(SdtHeader)) / 4);
    for (unsigned i = 0; i < count; i++) {
        u32 table;
        memcpy(&table, &entries[i], 4);
        if (!readable(table, sizeof(SdtHeader)))
            continue;
        auto* h = arch::phys_to_virt<const SdtHeader>(table);
        if (memcmp(h->signature, "APIC", 4) != 0 || !readable(table, h->length) || h->length < sizeof(MadtHeader) ||
            !checksum_ok(h, h->length))
            continue;
        m = {};
        parse(reinterpret_cast<const MadtHeader*>(h), m);
        return m.cpu_count > 0;
    }
    return false;
}

} // namespace platform::pc99
