// Kernel assertions and panic.  Assertions document invariants; in release
// builds they compile away (the condition is still type-checked).
#pragma once

#include "config.h"
#include "types.h"

NORETURN __attribute__((format(printf, 1, 2))) void panic(const char* fmt, ...);
NORETURN void assert_failed(const char* expr, const char* file, unsigned line);

#if CONFIG_DEBUG
#define assert(e) ((e) ? (void)0 : assert_failed(#e, __FILE__, __LINE__))
#else
#define assert(e) ((void)sizeof(e))
#endif
