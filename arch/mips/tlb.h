// The MIPS TLB (MIPS64 Vol. III, chapter 4): dual entries (an even and an
// odd page per virtual page pair, VPN2) tagged with an 8-bit ASID unless
// global.  The refill handler (entry.S) fills random entries; this is the
// rest: ASIDs with generations, invalidation, flushing.
//
// ASIDs are per CPU and handed out in increasing order; a space's ASID is
// valid while its generation is the CPU's current one.  When the 255 are
// used up the CPU flushes its TLB and starts a new generation, so no ASID
// is ever reused while entries tagged with it may remain.  ASID 0 is the
// kernel's (no user space active).
#pragma once

#include "pte.h"
#include <generic/types.h>

namespace arch {

// Sets up this CPU's TLB: no wired entries, everything invalid.
void tlb_init();
// Invalidates every entry of this CPU's TLB.
void tlb_flush_all();
// Invalidates the entry (if any) matching EntryHi value `entryhi` (VPN2
// and ASID; global entries match any ASID).
void tlb_invalidate_entry(Word entryhi);
// The ASID space `a` has on this CPU, assigning one when it has none in
// the current generation.
[[nodiscard]] unsigned asid_of(PageTableArch& a);
// Writes EntryHi.ASID: the ASID the refill handler tags entries with.
void set_current_asid(unsigned asid);

// The number of this CPU (EBase.CPUNum).
[[nodiscard]] inline unsigned current_cpu()
{
    return MIPS_MFC0(C0_EBASE) & 0x3ff;
}

} // namespace arch
