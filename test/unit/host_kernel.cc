#include "host_kernel.h"
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <generic/assert.h>
#include <generic/page_table.h>
#include <new>

namespace host {

void reset_kernel_memory(Word pages)
{
    static void* pool = nullptr;
    static Word pool_pages = 0;
    if (pool_pages < pages) {
        std::free(pool);
        pool = std::aligned_alloc(4096, pages * 4096);
        pool_pages = pages;
    }
    new (&kmem) KernelMemory;
    kmem.init(reinterpret_cast<Paddr>(pool), reinterpret_cast<Paddr>(pool) + pages * 4096);
}

} // namespace host

// The host has one CPU: nothing to shoot down.
void tlb_shoot_down(const PageTable&, Word, unsigned) {}

void panic(const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    std::vfprintf(stderr, fmt, args);
    va_end(args);
    std::fputc('\n', stderr);
    std::abort();
}

void assert_failed(const char* expr, const char* file, unsigned line)
{
    panic("assertion '%s' failed at %s:%u", expr, file, line);
}
