// Freestanding memory and string functions (the compiler also emits calls to
// memcpy/memset/memmove on its own).
#pragma once

#include "types.h"

extern "C" {
void* memcpy(void* dst, const void* src, size_t n);
void* memmove(void* dst, const void* src, size_t n);
void* memset(void* dst, int c, size_t n);
int memcmp(const void* a, const void* b, size_t n);
size_t strlen(const char* s);
int strcmp(const char* a, const char* b);
int strncmp(const char* a, const char* b, size_t n);
}

// Copies at most size-1 characters and always terminates; returns strlen(src).
size_t strlcpy(char* dst, const char* src, size_t size);

// Finds a whitespace-separated word in a command line.
[[nodiscard]] bool cmdline_has(const char* cmdline, const char* word);
