#include "console.h"
#include "format.h"
#include "platform.h"
#include "spinlock.h"

namespace {

void console_put(void*, char c)
{
    if (c == '\n')
        platform::console_putc('\r');
    platform::console_putc(c);
}

// Keeps the output of one kprintf together when several CPUs print.
Spinlock console_lock_;

} // namespace

void kvprintf(const char* fmt, va_list args)
{
    FormatSink sink{console_put, nullptr};
    SpinlockGuard guard(console_lock_);
    format(sink, fmt, args);
}

void kprintf(const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    kvprintf(fmt, args);
    va_end(args);
}

void kputc(char c)
{
    SpinlockGuard guard(console_lock_);
    console_put(nullptr, c);
}

void kputs(const char* s)
{
    SpinlockGuard guard(console_lock_);
    while (*s != '\0')
        console_put(nullptr, *s++);
}

size_t kvsnprintf(char* buf, size_t size, const char* fmt, va_list args)
{
    return format_to_buffer(buf, size, fmt, args);
}

size_t ksnprintf(char* buf, size_t size, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    size_t n = kvsnprintf(buf, size, fmt, args);
    va_end(args);
    return n;
}
