#include "boot_info.h"

void BootInfo::add_ram(Paddr base, Paddr end)
{
    if (end <= base || ram_count == max_ram)
        return;
    // Insert sorted, merging with neighbours (loaders report adjacent ranges).
    unsigned i = 0;
    while (i < ram_count && ram[i].end < base)
        i++;
    if (i < ram_count && ram[i].base <= end) {
        ram[i].base = min(ram[i].base, base);
        ram[i].end = max(ram[i].end, end);
        while (i + 1 < ram_count && ram[i + 1].base <= ram[i].end) {
            ram[i].end = max(ram[i].end, ram[i + 1].end);
            for (unsigned j = i + 1; j + 1 < ram_count; j++)
                ram[j] = ram[j + 1];
            ram_count--;
        }
        return;
    }
    for (unsigned j = ram_count; j > i; j--)
        ram[j] = ram[j - 1];
    ram[i] = {base, end};
    ram_count++;
}

bool BootInfo::is_ram(Paddr base, Paddr end) const
{
    for (unsigned i = 0; i < ram_count; i++)
        if (ram[i].contains(base, end))
            return true;
    return false;
}
