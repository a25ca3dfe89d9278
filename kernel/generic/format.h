// printf-style formatting, shared by the kernel console and the user library
// (freestanding, no allocation).  Supports %d %i %u %x %X %p %s %c %%, the
// flags '0' and '-', a width, and the length modifiers l, ll and z.
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct FormatSink {
    void (*put)(void* ctx, char c);
    void* ctx;
};

void format(FormatSink& out, const char* fmt, va_list args);

// Formats into buf (always NUL-terminated when size > 0); returns the length
// the result would have without truncation.
size_t format_to_buffer(char* buf, size_t size, const char* fmt, va_list args);
