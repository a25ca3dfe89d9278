// The kernel interface page (X.2), found with L4_KernelInterface().
#pragma once

#include <l4/types.h>

typedef struct {
    L4_Word_t magic, api_version, api_flags, kernel_descriptor;
    L4_Word_t kdebug_init, kdebug_entry, kdebug_low, kdebug_high;
    L4_Word_t sigma0_sp, sigma0_ip, sigma0_low, sigma0_high;
    L4_Word_t sigma1_sp, sigma1_ip, sigma1_low, sigma1_high;
    L4_Word_t root_sp, root_ip, root_low, root_high;
    L4_Word_t reserved0, memory_info, kdebug_config[2];
    L4_Word_t legacy_regions[16];
    L4_Word_t reserved1[2];
    L4_Word_t utcb_info, kip_area_info;
    L4_Word_t reserved2[2];
    L4_Word_t boot_info, processor_descriptors, clock_info, thread_info, page_info, processor_info;
    L4_Word_t space_control, thread_control, processor_control, memory_control;
    L4_Word_t ipc, lipc, unmap, exchange_registers, system_clock, thread_switch, schedule;
} L4_KernelInterfacePage_t;

// The KIP of this space (cached at program start).
extern L4_KernelInterfacePage_t* __l4_kip;
L4_INLINE L4_KernelInterfacePage_t* L4_GetKernelInterface(void) { return __l4_kip; }

// Discovers the KIP through the kernel (X.2 KernelInterface).
void* L4_KernelInterface(L4_Word_t* api_version, L4_Word_t* api_flags, L4_Word_t* kernel_id);

L4_INLINE L4_Word_t L4_ThreadIdBits(const L4_KernelInterfacePage_t* k) { return k->thread_info & 0xff; }
L4_INLINE L4_Word_t L4_ThreadIdSystemBase(const L4_KernelInterfacePage_t* k) { return (k->thread_info >> 8) & 0xfff; }
L4_INLINE L4_Word_t L4_ThreadIdUserBase(const L4_KernelInterfacePage_t* k) { return (k->thread_info >> 20) & 0xfff; }
L4_INLINE L4_Word_t L4_UtcbAreaSizeLog2(const L4_KernelInterfacePage_t* k) { return (k->utcb_info >> 16) & 0x3f; }
L4_INLINE L4_Word_t L4_UtcbAlignmentLog2(const L4_KernelInterfacePage_t* k) { return (k->utcb_info >> 10) & 0x3f; }
L4_INLINE L4_Word_t L4_UtcbSize(const L4_KernelInterfacePage_t* k)
{
    return (1ul << L4_UtcbAlignmentLog2(k)) * (k->utcb_info & 0x3ff);
}
L4_INLINE L4_Word_t L4_KipAreaSizeLog2(const L4_KernelInterfacePage_t* k) { return k->kip_area_info & 0x3f; }
L4_INLINE L4_Word_t L4_NumProcessors(const L4_KernelInterfacePage_t* k) { return (k->processor_info & 0xffff) + 1; }
L4_INLINE L4_Word_t L4_PageSizeMask(const L4_KernelInterfacePage_t* k) { return k->page_info & ~0x3fful; }
L4_INLINE L4_Word_t L4_NumMemoryDescriptors(const L4_KernelInterfacePage_t* k)
{
    return k->memory_info & ((1ul << (L4_WORD_BITS / 2)) - 1);
}

typedef struct {
    L4_Word_t low_word, high_word;
} L4_MemoryDesc_t;

L4_INLINE L4_MemoryDesc_t* L4_MemoryDesc(const L4_KernelInterfacePage_t* k, L4_Word_t n)
{
    return (L4_MemoryDesc_t*)((L4_Word_t)k + (k->memory_info >> (L4_WORD_BITS / 2))) + n;
}
enum { L4_UndefinedMemoryType = 0, L4_ConventionalMemoryType = 1, L4_ReservedMemoryType = 2,
       L4_DedicatedMemoryType = 3, L4_SharedMemoryType = 4, L4_BootLoaderSpecificMemoryType = 0xe,
       L4_ArchitectureSpecificMemoryType = 0xf };
L4_INLINE L4_Word_t L4_MemoryDescType(const L4_MemoryDesc_t* d) { return d->low_word & 0xf; }
L4_INLINE L4_Bool_t L4_IsMemoryDescVirtual(const L4_MemoryDesc_t* d) { return (d->low_word >> 9) & 1; }
L4_INLINE L4_Word_t L4_MemoryDescLow(const L4_MemoryDesc_t* d) { return d->low_word & ~0x3fful; }
L4_INLINE L4_Word_t L4_MemoryDescHigh(const L4_MemoryDesc_t* d) { return d->high_word | 0x3ff; }
