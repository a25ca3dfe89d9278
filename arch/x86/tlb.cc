// TLB maintenance both x86 ports do alike (Intel SDM vol. 3, 4.10.4).
#include <arch.h>

namespace arch {

void tlb_invalidate(const PageTableArch&, const Pte* root, Word va, unsigned size_log2)
{
    if (x86::read_cr3() != virt_to_phys(root))
        return;
    if ((Word(1) << size_log2) >= superpage_size) {
        x86::write_cr3(x86::read_cr3());   // non-global entries only: user mappings
        return;
    }
    for (Word a = va, end = va + (Word(1) << size_log2); a < end; a += page_size)
        x86::invlpg(a);
}

void flush_tlb_page(Word va) { x86::invlpg(va); }

void flush_tlb_all()
{
    // Toggling PGE flushes global entries too (SDM Vol 3, 4.10.4.1).
    Word cr4 = x86::read_cr4();
    x86::write_cr4(cr4 & ~x86::cr4_pge);
    x86::write_cr4(cr4);
}

} // namespace arch
