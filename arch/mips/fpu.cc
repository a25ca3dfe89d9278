#include "fpu.h"

namespace arch {

bool fpu_present = false;

// The 32 FPRs as "op $fN, 8N(base)" lines.
#define FPU_EACH(op)                                                                              \
    op " $f0, 0(%0)\n\t" op " $f1, 8(%0)\n\t" op " $f2, 16(%0)\n\t" op " $f3, 24(%0)\n\t"          \
    op " $f4, 32(%0)\n\t" op " $f5, 40(%0)\n\t" op " $f6, 48(%0)\n\t" op " $f7, 56(%0)\n\t"        \
    op " $f8, 64(%0)\n\t" op " $f9, 72(%0)\n\t" op " $f10, 80(%0)\n\t" op " $f11, 88(%0)\n\t"      \
    op " $f12, 96(%0)\n\t" op " $f13, 104(%0)\n\t" op " $f14, 112(%0)\n\t" op " $f15, 120(%0)\n\t" \
    op " $f16, 128(%0)\n\t" op " $f17, 136(%0)\n\t" op " $f18, 144(%0)\n\t" op " $f19, 152(%0)\n\t" \
    op " $f20, 160(%0)\n\t" op " $f21, 168(%0)\n\t" op " $f22, 176(%0)\n\t" op " $f23, 184(%0)\n\t" \
    op " $f24, 192(%0)\n\t" op " $f25, 200(%0)\n\t" op " $f26, 208(%0)\n\t" op " $f27, 216(%0)\n\t" \
    op " $f28, 224(%0)\n\t" op " $f29, 232(%0)\n\t" op " $f30, 240(%0)\n\t" op " $f31, 248(%0)\n\t"

void fpu_save(FpuState& s)
{
    Word fcsr;
    asm volatile(".set push\n\t.set hardfloat\n\t" FPU_EACH("sdc1") ".set pop" : : "r"(s.fpr) : "memory");
    asm volatile(".set push\n\t.set hardfloat\n\tcfc1 %0, $31\n\t.set pop" : "=r"(fcsr));
    s.fcsr = fcsr;
}

void fpu_restore(const FpuState& s)
{
    asm volatile(".set push\n\t.set hardfloat\n\t" FPU_EACH("ldc1") "ctc1 %1, $31\n\t.set pop"
                 : : "r"(s.fpr), "r"(Word(s.fcsr)) : "memory");
}

void fpu_reset()
{
    static const FpuState zero = {};
    fpu_restore(zero);
}

void fpu_init_cpu()
{
    fpu_present = (MIPS_MFC0(C0_CONFIG1) & 1) != 0;   // Config1.FP
    mips::write_status(mips::read_status() & ~u32(ST_CU1));
}

} // namespace arch
