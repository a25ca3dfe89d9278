#include "ap_start.h"
#include "lapic.h"
#include <arch.h>
#include <generic/clock.h>

namespace x86 {

volatile bool ap_started;

namespace {

void wait_us(u64 us)
{
    u64 until = system_clock.now_us() + us;
    while (system_clock.now_us() < until)
        arch::cpu_relax();
}

bool wait_started(u64 us)
{
    u64 until = system_clock.now_us() + us;
    while (!ap_started && system_clock.now_us() < until)
        arch::cpu_relax();
    return ap_started;
}

} // namespace

bool start_ap(u32 hw_id, u8 trampoline_page)
{
    ap_started = false;
    lapic.send_init(hw_id);
    wait_us(10000);
    for (int attempt = 0; attempt < 2 && !ap_started; attempt++) {
        lapic.send_startup(hw_id, trampoline_page);
        if (wait_started(attempt == 0 ? 1000 : 100000))
            break;
    }
    return ap_started;
}

} // namespace x86
