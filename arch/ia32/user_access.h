// Kernel access to user memory with fault recovery.
#pragma once

#include "layout.h"
#include <generic/types.h>

extern "C" bool ia32_copy_user(void* dst, const void* src, size_t n);

namespace arch {

[[nodiscard]] inline bool is_user_range(Word address, Word size)
{
    return address < USER_END && size <= USER_END - address;
}

// False when the range is not user memory or not mapped (readable/writable).
[[nodiscard]] inline bool copy_from_user(void* dst, Word user_src, Word n)
{
    return is_user_range(user_src, n) && ia32_copy_user(dst, reinterpret_cast<const void*>(user_src), n);
}

[[nodiscard]] inline bool copy_to_user(Word user_dst, const void* src, Word n)
{
    return is_user_range(user_dst, n) && ia32_copy_user(reinterpret_cast<void*>(user_dst), src, n);
}

// If a kernel-mode page fault hit a user-access routine, the IP to resume at.
[[nodiscard]] Word user_access_fixup(Word fault_ip);

} // namespace arch
