// Placement new for a freestanding kernel (no <new>).
#pragma once

#include <stddef.h>

inline void* operator new(size_t, void* where) noexcept { return where; }
inline void* operator new[](size_t, void* where) noexcept { return where; }
