#include "tlb.h"
#include "context.h"

namespace arch {

namespace {

struct AsidState {
    u64 generation = 1;
    unsigned next = 1;      // the next ASID to hand out; 0 stays the kernel's
    unsigned current = 0;   // what EntryHi.ASID holds
};

AsidState asid_state[CONFIG_MAX_CPUS];
unsigned tlb_entries = 0;

// An EntryHi value no access can match: VPN2 in the CKSEG0 range, which
// never goes through the TLB, different for every index (two equal entries
// in the TLB are undefined behaviour).
constexpr Word unique_entryhi(unsigned index) { return CKSEG0 + (Word(index) << 13); }

// Writes an invalid entry at `index`.  CP0 only, no memory access in
// between: a TLB refill would overwrite EntryHi and EntryLo.
void write_invalid(unsigned index, Word restore_entryhi)
{
    asm volatile(".set push\n\t.set noreorder\n\t"
                 "mtc0   %[index], $0, 0\n\t"
                 "dmtc0  %[hi], $10, 0\n\t"
                 "dmtc0  $0, $2, 0\n\t"
                 "dmtc0  $0, $3, 0\n\t"
                 "mtc0   $0, $5, 0\n\t"
                 "ehb\n\t"
                 "tlbwi\n\t"
                 "ehb\n\t"
                 "dmtc0  %[restore], $10, 0\n\t"
                 "ehb\n\t"
                 ".set pop"
                 :: [index] "r"(index), [hi] "r"(unique_entryhi(index)), [restore] "r"(restore_entryhi)
                 : "memory");
}

} // namespace

void tlb_init()
{
    // Config1.MMUSize is the number of entries minus one (bits 30-25).
    tlb_entries = ((MIPS_MFC0(C0_CONFIG1) >> 25) & 0x3f) + 1;
    MIPS_MTC0(C0_WIRED, 0);
    MIPS_MTC0(C0_PAGEMASK, 0);
    tlb_flush_all();
    set_current_asid(0);
}

void tlb_flush_all()
{
    Word entryhi = asid_state[current_cpu()].current;
    for (unsigned i = 0; i < tlb_entries; i++)
        write_invalid(i, entryhi);
}

void tlb_invalidate_entry(Word entryhi)
{
    Word restore = asid_state[current_cpu()].current;
    SWord index;
    asm volatile(".set push\n\t.set noreorder\n\t"
                 "dmtc0  %[probe], $10, 0\n\t"
                 "ehb\n\t"
                 "tlbp\n\t"
                 "ehb\n\t"
                 "mfc0   %[index], $0, 0\n\t"
                 "dmtc0  %[restore], $10, 0\n\t"
                 "ehb\n\t"
                 ".set pop"
                 : [index] "=&r"(index)
                 : [probe] "r"(entryhi), [restore] "r"(restore)
                 : "memory");
    // Index.P (bit 31, sign-extended) says no entry matched.  A refill in
    // between could only have replaced some other entry: killing that one
    // too costs a refill, nothing more.
    if (index >= 0)
        write_invalid(unsigned(index), restore);
}

void set_current_asid(unsigned asid)
{
    asid_state[current_cpu()].current = asid;
    MIPS_DMTC0(C0_ENTRYHI, asid);
}

unsigned asid_of(PageTableArch& a)
{
    unsigned cpu = current_cpu();
    AsidState& s = asid_state[cpu];
    if (a.asid_generation[cpu] != s.generation) {
        if (s.next > TLB_ASID_MASK) {
            // Roll over: nothing tagged with an old ASID may survive.
            s.generation++;
            s.next = 1;
            tlb_flush_all();
        }
        a.asid[cpu] = u8(s.next++);
        a.asid_generation[cpu] = s.generation;
    }
    return a.asid[cpu];
}

void tlb_invalidate(const PageTableArch& a, const Pte*, Word va, unsigned size_log2)
{
    unsigned cpu = current_cpu();
    if (a.asid_generation[cpu] != asid_state[cpu].generation)
        return;   // no entry of this space can be in this CPU's TLB
    Word asid = a.asid[cpu];
    constexpr unsigned pair_bits = 13;
    if (size_log2 < pair_bits)
        size_log2 = pair_bits;
    Word pairs = size_log2 >= word_bits ? ~Word(0) : Word(1) << (size_log2 - pair_bits);
    if (pairs <= tlb_entries) {
        // A probe per pair; a superpage entry matches every pair it covers.
        for (Word i = 0; i < pairs; i++)
            tlb_invalidate_entry(((va & ~Word(0x1fff)) + (i << pair_bits)) | asid);
        return;
    }
    // A large range: look at every entry instead.
    Word first = va >> pair_bits, last = size_log2 >= word_bits ? ~Word(0) : (va + ((Word(1) << size_log2) - 1)) >> pair_bits;
    Word restore = asid_state[cpu].current;
    for (unsigned i = 0; i < tlb_entries; i++) {
        Word hi, mask;
        asm volatile(".set push\n\t.set noreorder\n\t"
                     "mtc0   %[index], $0, 0\n\t"
                     "ehb\n\t"
                     "tlbr\n\t"
                     "ehb\n\t"
                     "dmfc0  %[hi], $10, 0\n\t"
                     "mfc0   %[mask], $5, 0\n\t"
                     "mtc0   $0, $5, 0\n\t"
                     "dmtc0  %[restore], $10, 0\n\t"
                     "ehb\n\t"
                     ".set pop"
                     : [hi] "=&r"(hi), [mask] "=&r"(mask)
                     : [index] "r"(i), [restore] "r"(restore)
                     : "memory");
        // User entries only (region bits 63-62 clear); a superpage entry
        // covers (PageMask >> 13) + 1 pairs.
        Word start = (hi & ((Word(1) << 62) - 1)) >> pair_bits;
        Word end = start + ((mask & 0xffffffffu) >> pair_bits);
        if ((hi & TLB_ASID_MASK) == asid && hi >> 62 == 0 && start <= last && end >= first)
            write_invalid(i, restore);
    }
}

} // namespace arch
