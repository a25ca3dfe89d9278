// Console output for user programs, through the kernel debugger interface.
#pragma once

#include <l4/types.h>
#include <stdarg.h>

__attribute__((format(printf, 1, 2))) int printf(const char* fmt, ...);
int vprintf(const char* fmt, va_list args);
__attribute__((format(printf, 3, 4))) int snprintf(char* buf, size_t size, const char* fmt, ...);
int vsnprintf(char* buf, size_t size, const char* fmt, va_list args);
int puts(const char* s);   // appends a newline
