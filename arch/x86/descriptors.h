// x86 segment and gate descriptor encodings (Intel SDM Vol 3, 3.4.5 and 6.11).
#pragma once

#include <generic/types.h>

namespace x86 {

enum : u8 {
    seg_code_ring0 = 0x9a, seg_data_ring0 = 0x92,
    seg_code_ring3 = 0xfa, seg_data_ring3 = 0xf2,
    seg_tss_available = 0x89,
};
enum : u8 { seg_flags_32bit_4k = 0xc, seg_flags_bytes = 0x4, seg_flags_64bit_code = 0xa };

constexpr u64 segment_descriptor(u32 base, u32 limit, u8 access, u8 flags)
{
    return (u64(limit) & 0xffff) | ((u64(base) & 0xffffff) << 16) | (u64(access) << 40) |
           ((u64(limit >> 16) & 0xf) << 48) | (u64(flags & 0xf) << 52) | (u64(base >> 24) << 56);
}

enum : u8 { gate_interrupt_ring0 = 0x8e, gate_interrupt_ring3 = 0xee };

struct DescriptorTablePointer {
    u16 limit;
    Word base;
} PACKED;

inline void lgdt(const void* table, size_t size)
{
    DescriptorTablePointer p{u16(size - 1), reinterpret_cast<Word>(table)};
    asm volatile("lgdt %0" ::"m"(p));
}

inline void lidt(const void* table, size_t size)
{
    DescriptorTablePointer p{u16(size - 1), reinterpret_cast<Word>(table)};
    asm volatile("lidt %0" ::"m"(p));
}

inline void ltr(u16 selector) { asm volatile("ltr %0" ::"r"(selector)); }

} // namespace x86
