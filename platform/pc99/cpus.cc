// pc99 CPUs: the enabled local APICs of the ACPI MADT.
#include "acpi.h"
#include <generic/platform.h>

namespace platform {

unsigned cpu_hw_ids(u32* ids, unsigned max)
{
    if (!pc99::madt_found)
        pc99::madt_found = pc99::read_madt(pc99::madt);
    if (!pc99::madt_found)
        return 0;
    unsigned n = pc99::madt.cpu_count < max ? pc99::madt.cpu_count : max;
    for (unsigned i = 0; i < n; i++)
        ids[i] = pc99::madt.apic_id[i];
    return pc99::madt.cpu_count;
}

} // namespace platform
