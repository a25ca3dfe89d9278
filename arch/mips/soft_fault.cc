// The software half of reference and dirty bits (pte.h): a mapped page
// enters the TLB invalid (V clear) until its first access and read-only
// (D clear) until its first write, so those accesses trap here once.
#include "trap.h"
#include "pte.h"
#include <generic/space.h>

namespace arch {

bool resolve_soft_fault(Space* space, Word address, bool write)
{
    PageTable::Slot s = space->page_table.find(address);
    if (!s.present())
        return false;
    Pte p = *s.pte;
    if (write && (p & pte_w) == 0)
        return false;
    *s.pte = p | pte_v | (write ? pte_d : 0);
    // The retried access misses and the refill loads the updated pair (a
    // superpage entry is found by any pair it covers).
    space->page_table.invalidate(address & ~Word(0x1fff), 13);
    return true;
}

} // namespace arch
