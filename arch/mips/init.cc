// MIPS boot-time CPU set-up and the KIP stubs.
#include "arch.h"
#include <generic/assert.h>

extern "C" char __kernel_phys_start[], __kernel_phys_end[];
extern "C" char kip_stub_space_control[];

namespace arch {

Paddr kernel_image_start() { return reinterpret_cast<Paddr>(__kernel_phys_start); }
Paddr kernel_image_end() { return reinterpret_cast<Paddr>(__kernel_phys_end); }

void halt_forever()
{
    for (;;) {
        disable_interrupts();
        asm volatile("wait");
    }
}

// The stubs follow each other in the order of enum Syscall, one per
// kip_stub_size bytes (kip_stubs.S).
const void* kip_stub(unsigned index)
{
    constexpr unsigned count = 11;
    return index < count ? kip_stub_space_control + index * kip_stub_size : nullptr;
}

void init_boot_cpu(CpuLocal& cpu)
{
    cpu.save = &mips_cpu_save[0];
    u32 prid = MIPS_MFC0(C0_PRID);
    u32 config = MIPS_MFC0(C0_CONFIG);
    // Config.AT (bits 14-13): 2 = MIPS64 with access to all segments; Config.MT (9-7) 1 = a TLB.
    if (((config >> 13) & 3) != 2 || ((config >> 7) & 7) != 1)
        panic("this CPU (PRId %x, Config %x) is not a MIPS64 with a TLB; boot QEMU with -cpu "
              "MIPS64R2-generic", prid, config);
    tlb_init();
    init_kernel_paging();
    activate_kernel_page_table();
    fpu_init_cpu();
    mips::write_compare(mips::read_count() - 1);   // no timer interrupt before start_tick_timer
    mips::write_status((mips::read_status() & ~u32(0xff00)) | ST_IM2);
}

} // namespace arch
