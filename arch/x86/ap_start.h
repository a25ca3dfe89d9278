// The application-processor start handshake both x86 ports use (Intel SDM
// vol. 3, 8.4.4): INIT, then up to two STARTUP IPIs naming the trampoline
// page, and a time limit for the AP to report in.
#pragma once

#include <generic/types.h>

namespace x86 {

// The AP sets this once it runs kernel code (its port's AP main).
extern volatile bool ap_started;

// Starts the CPU whose local APIC is hw_id at the real-mode page
// `trampoline_page` (physical address >> 12); true when it reported in.
[[nodiscard]] bool start_ap(u32 hw_id, u8 trampoline_page);

} // namespace x86
