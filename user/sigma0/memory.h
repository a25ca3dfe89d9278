// sigma0's bookkeeping: which physical memory exists, of what kind, and who
// has been given which part (X.2: sigma0 hands out each page to one owner;
// a second owner is refused, the same owner may ask again).
#pragma once

#include <l4/types.h>

namespace sigma0 {

enum class Kind { None, Conventional, Reserved, BootLoader, Dedicated, Shared };

// Reads the KIP's memory descriptors.
void init_memory();

// The kind of [base, base + 2^size_log2): None when it mixes kinds or lies
// outside what the KIP describes.
Kind kind_of(L4_Word_t base, L4_Word_t size_log2);

// Gives [base, base + 2^size_log2) to owner; false when some of it is owned
// by someone else.
bool claim(L4_Word_t base, L4_Word_t size_log2, L4_ThreadId_t owner);

// A free, naturally aligned, conventional region of 2^size_log2 bytes, or ~0.
L4_Word_t find_free(L4_Word_t size_log2);

} // namespace sigma0
