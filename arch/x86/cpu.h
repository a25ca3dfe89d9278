// x86 CPU instructions shared by ia32 and amd64 (word-size agnostic).
#pragma once

#include <generic/types.h>

namespace x86 {

enum : Word {
    cr0_pe = 1ul << 0, cr0_mp = 1ul << 1, cr0_em = 1ul << 2, cr0_ts = 1ul << 3,
    cr0_ne = 1ul << 5, cr0_wp = 1ul << 16, cr0_pg = 1ul << 31,
    cr4_pse = 1ul << 4, cr4_pae = 1ul << 5, cr4_pge = 1ul << 7, cr4_osfxsr = 1ul << 9,
    cr4_osxmmexcpt = 1ul << 10,
};
enum : Word { eflags_if = 1ul << 9, eflags_df = 1ul << 10, eflags_iopl3 = 3ul << 12, eflags_ac = 1ul << 18 };

#define X86_CR_ACCESSORS(n)                                                   \
    inline Word read_cr##n()                                                  \
    {                                                                         \
        Word v;                                                               \
        asm volatile("mov %%cr" #n ", %0" : "=r"(v));                         \
        return v;                                                             \
    }                                                                         \
    inline void write_cr##n(Word v) { asm volatile("mov %0, %%cr" #n ::"r"(v) : "memory"); }
X86_CR_ACCESSORS(0)
X86_CR_ACCESSORS(2)
X86_CR_ACCESSORS(3)
X86_CR_ACCESSORS(4)
#undef X86_CR_ACCESSORS

inline u64 rdtsc()
{
    u32 lo, hi;
    asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return (u64(hi) << 32) | lo;
}

inline u64 rdmsr(u32 msr)
{
    u32 lo, hi;
    asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return (u64(hi) << 32) | lo;
}

inline void wrmsr(u32 msr, u64 v) { asm volatile("wrmsr" ::"c"(msr), "a"(u32(v)), "d"(u32(v >> 32))); }

struct CpuidResult {
    u32 eax, ebx, ecx, edx;
};

inline CpuidResult cpuid(u32 leaf, u32 subleaf = 0)
{
    CpuidResult r;
    asm volatile("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx) : "a"(leaf), "c"(subleaf));
    return r;
}

inline void invlpg(Word addr) { asm volatile("invlpg (%0)" ::"r"(addr) : "memory"); }
inline void pause() { asm volatile("pause"); }
inline void cli() { asm volatile("cli" ::: "memory"); }
inline void sti() { asm volatile("sti" ::: "memory"); }
inline void hlt() { asm volatile("hlt" ::: "memory"); }
// sti takes effect after the next instruction, so no interrupt is lost
// between the check that found nothing to do and the halt.
inline void sti_hlt() { asm volatile("sti; hlt" ::: "memory"); }

inline Word read_flags()
{
    Word f;
    asm volatile("pushf; pop %0" : "=r"(f));
    return f;
}

// CPUID feature bits we use (leaf 1).
enum : u32 { cpuid1_edx_pse = 1u << 3, cpuid1_edx_tsc = 1u << 4, cpuid1_edx_msr = 1u << 5,
             cpuid1_edx_apic = 1u << 9, cpuid1_edx_sep = 1u << 11, cpuid1_edx_pge = 1u << 13,
             cpuid1_edx_fxsr = 1u << 24, cpuid1_edx_sse = 1u << 25 };
enum : u32 { cpuid1_ecx_x2apic = 1u << 21, cpuid1_ecx_pcid = 1u << 17 };

} // namespace x86
