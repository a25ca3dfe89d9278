// The amd64 side of the KIP: where the stubs are.
#include "arch.h"

extern "C" char kip_stub_space_control[], kip_stub_thread_control[], kip_stub_processor_control[],
    kip_stub_memory_control[], kip_stub_ipc[], kip_stub_lipc[], kip_stub_unmap[], kip_stub_exchange_registers[],
    kip_stub_system_clock[], kip_stub_thread_switch[], kip_stub_schedule[];

namespace arch {

const void* kip_stub(unsigned index)
{
    const char* const stubs[] = {
        kip_stub_space_control, kip_stub_thread_control, kip_stub_processor_control,
        kip_stub_memory_control, kip_stub_ipc, kip_stub_lipc, kip_stub_unmap,
        kip_stub_exchange_registers, kip_stub_system_clock, kip_stub_thread_switch,
        kip_stub_schedule,
    };
    return index < sizeof stubs / sizeof stubs[0] ? stubs[index] : nullptr;
}

void set_kip_location(PageTableArch& a, Word kip_base) { a.kip_base = kip_base; }

} // namespace arch
