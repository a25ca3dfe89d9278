// Exit codes the kernel hands to platform::shutdown().  Test root tasks use
// 0 (all passed) or their failure count (capped below these).
#pragma once

namespace exit_code {
inline constexpr unsigned success = 0;
inline constexpr unsigned boot_refused = 0x70;   // unusable boot modules or hand-over
inline constexpr unsigned root_task_died = 0x71; // the root task stopped on a fault (test mode)
inline constexpr unsigned panic = 0x7f;
} // namespace exit_code
