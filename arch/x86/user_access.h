// Kernel access to user memory with fault recovery (ia32 and amd64; each
// port's user_access.S implements x86_copy_user in its word size).
#pragma once

#include <layout.h>
#include <generic/types.h>
#include <x86/cpu.h>

extern "C" Word x86_copy_user(void* dst, const void* src, size_t n);

namespace arch {

[[nodiscard]] inline bool is_user_range(Word address, Word size)
{
    return address < USER_END && size <= USER_END - address;
}

// False when the range is not user memory or not mapped (readable/writable).
[[nodiscard]] inline bool copy_from_user(void* dst, Word user_src, Word n)
{
    return is_user_range(user_src, n) && x86_copy_user(dst, reinterpret_cast<const void*>(user_src), n) == 0;
}

[[nodiscard]] inline bool copy_to_user(Word user_dst, const void* src, Word n)
{
    return is_user_range(user_dst, n) && x86_copy_user(reinterpret_cast<void*>(user_dst), src, n) == 0;
}

// Copies from the current space's user memory as far as it is mapped;
// returns the bytes not copied (then fault_address says where it stopped).
[[nodiscard]] inline Word copy_from_user_partial(void* dst, Word user_src, Word n, Word& fault_address)
{
    if (!is_user_range(user_src, n)) {
        fault_address = user_src;
        return n;
    }
    Word left = x86_copy_user(dst, reinterpret_cast<const void*>(user_src), n);
    if (left != 0)
        fault_address = x86::read_cr2();
    return left;
}

// A kernel view of the physical page `page` for copying into it; valid until
// the next call on this CPU (amd64: all RAM is in the physical window).
[[nodiscard]] void* copy_window(unsigned cpu, Paddr page);

// If a kernel-mode page fault hit a user-access routine, the IP to resume at.
[[nodiscard]] Word user_access_fixup(Word fault_ip);

} // namespace arch
