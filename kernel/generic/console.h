// Kernel console: formatted output to the platform console (serial).
#pragma once

#include "types.h"
#include <stdarg.h>

// printf subset: %d %i %u %x %X %p %s %c %%, with flags '0' '-', a width, and
// the length modifiers l, ll and z.  %p prints a zero-padded word.
__attribute__((format(printf, 1, 2))) void kprintf(const char* fmt, ...);
void kvprintf(const char* fmt, va_list args);
void kputs(const char* s);     // no newline appended
void kputc(char c);

// Formats into a bounded buffer; always NUL-terminates.  Returns the length
// that would have been written without truncation.
__attribute__((format(printf, 3, 4))) size_t ksnprintf(char* buf, size_t size, const char* fmt, ...);
size_t kvsnprintf(char* buf, size_t size, const char* fmt, va_list args);
