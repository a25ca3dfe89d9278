#include "fpu.h"

namespace arch {

bool fpu_has_fxsr = false;

void fpu_reset()
{
    asm volatile("fninit");
    if (fpu_has_fxsr) {
        u32 mxcsr = 0x1f80;   // all SSE exceptions masked (the reset value)
        asm volatile("ldmxcsr %0" ::"m"(mxcsr));
    }
}

void fpu_init_cpu()
{
    fpu_has_fxsr = (x86::cpuid(1).edx & x86::cpuid1_edx_fxsr) != 0;
    Word cr0 = x86::read_cr0();
    cr0 = (cr0 & ~x86::cr0_em) | x86::cr0_mp | x86::cr0_ne | x86::cr0_ts;
    x86::write_cr0(cr0);
    if (fpu_has_fxsr)
        x86::write_cr4(x86::read_cr4() | x86::cr4_osfxsr | x86::cr4_osxmmexcpt);
}

} // namespace arch
