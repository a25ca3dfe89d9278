// User console output through kdebug PrintString, buffered per call.
#include <l4/kdebug.h>
#include <l4/print.h>
#include <generic/format.h>

namespace {

struct LineBuffer {
    char text[128];
    size_t len;

    void flush()
    {
        text[len] = '\0';
        if (len > 0)
            L4_KDB_PrintString(text);
        len = 0;
    }
};

void put(void* ctx, char c)
{
    auto* b = static_cast<LineBuffer*>(ctx);
    b->text[b->len++] = c;
    if (b->len == sizeof b->text - 1 || c == '\n')
        b->flush();
}

} // namespace

int vprintf(const char* fmt, va_list args)
{
    LineBuffer b{};
    FormatSink sink{put, &b};
    format(sink, fmt, args);
    int n = int(b.len);
    b.flush();
    return n;
}

int printf(const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int n = vprintf(fmt, args);
    va_end(args);
    return n;
}

int vsnprintf(char* buf, size_t size, const char* fmt, va_list args)
{
    return int(format_to_buffer(buf, size, fmt, args));
}

int snprintf(char* buf, size_t size, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int n = vsnprintf(buf, size, fmt, args);
    va_end(args);
    return n;
}

int puts(const char* s)
{
    L4_KDB_PrintString(s);
    L4_KDB_PrintChar('\n');
    return 0;
}
