// Program start and end for Chestnut user programs.
#pragma once

#include <l4/types.h>

// Every program defines main(); its return value becomes the exit code of
// the machine when the program is the root task in a test run.
int main();

// Ends the machine with `code` (root task only); never returns.
[[noreturn]] void l4_exit(L4_Word_t code);

extern "C" {
void* memcpy(void* dst, const void* src, size_t n);
void* memset(void* dst, int c, size_t n);
int memcmp(const void* a, const void* b, size_t n);
size_t strlen(const char* s);
int strcmp(const char* a, const char* b);
}
