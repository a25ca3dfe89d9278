// Kernel access to user memory with fault recovery.  In kernel mode xuseg
// is mapped through the TLB with the active ASID, so the kernel reads and
// writes the current space's user memory directly; misses refill from its
// page table and unresolvable faults resume at the copy routine's fixup.
#pragma once

#include "layout.h"
#include <generic/types.h>

extern "C" Word mips_copy_user(void* dst, const void* src, Word n);

namespace arch {

// Where the last fixed-up user-access fault was (trap.cc).
extern Word user_access_fault_address;

[[nodiscard]] inline bool is_user_range(Word address, Word size)
{
    return address < USER_END && size <= USER_END - address;
}

// False when the range is not user memory or not mapped (readable/writable).
[[nodiscard]] inline bool copy_from_user(void* dst, Word user_src, Word n)
{
    return is_user_range(user_src, n) && mips_copy_user(dst, reinterpret_cast<const void*>(user_src), n) == 0;
}

[[nodiscard]] inline bool copy_to_user(Word user_dst, const void* src, Word n)
{
    return is_user_range(user_dst, n) && mips_copy_user(reinterpret_cast<void*>(user_dst), src, n) == 0;
}

// Copies from the current space's user memory as far as it is mapped;
// returns the bytes not copied (then fault_address says where it stopped).
[[nodiscard]] inline Word copy_from_user_partial(void* dst, Word user_src, Word n, Word& fault_address)
{
    if (!is_user_range(user_src, n)) {
        fault_address = user_src;
        return n;
    }
    Word left = mips_copy_user(dst, reinterpret_cast<const void*>(user_src), n);
    if (left != 0)
        fault_address = user_access_fault_address;
    return left;
}

// If a kernel-mode fault hit a user-access routine, the IP to resume at.
[[nodiscard]] Word user_access_fixup(Word fault_ip);

} // namespace arch
