// printf-style formatting, shared by the kernel console and the user library.
#include "format.h"

namespace {

void put_number(FormatSink& out, uint64_t value, unsigned base, bool upper, bool negative,
                unsigned width, char pad, bool left)
{
    char digits[24];
    unsigned n = 0;
    const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        digits[n++] = set[value % base];
        value /= base;
    } while (value != 0);
    unsigned len = n + (negative ? 1 : 0);
    if (negative && pad == '0')
        out.put(out.ctx, '-');
    if (!left)
        for (unsigned i = len; i < width; i++)
            out.put(out.ctx, pad);
    if (negative && pad != '0')
        out.put(out.ctx, '-');
    while (n > 0)
        out.put(out.ctx, digits[--n]);
    if (left)
        for (unsigned i = len; i < width; i++)
            out.put(out.ctx, ' ');
}

void format_impl(FormatSink& out, const char* fmt, va_list args)
{
    for (; *fmt != '\0'; fmt++) {
        if (*fmt != '%') {
            out.put(out.ctx, *fmt);
            continue;
        }
        fmt++;
        bool left = false;
        char pad = ' ';
        for (;; fmt++) {
            if (*fmt == '-')
                left = true;
            else if (*fmt == '0')
                pad = '0';
            else
                break;
        }
        unsigned width = 0;
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + unsigned(*fmt++ - '0');
        unsigned longs = 0;
        bool size_mod = false;
        while (*fmt == 'l' || *fmt == 'z') {
            if (*fmt == 'z')
                size_mod = true;
            else
                longs++;
            fmt++;
        }
        auto fetch_unsigned = [&]() -> uint64_t {
            if (longs >= 2)
                return va_arg(args, unsigned long long);
            if (longs == 1 || size_mod)
                return va_arg(args, unsigned long);
            return va_arg(args, unsigned);
        };
        switch (*fmt) {
        case 'd':
        case 'i': {
            int64_t v;
            if (longs >= 2)
                v = va_arg(args, long long);
            else if (longs == 1 || size_mod)
                v = va_arg(args, long);
            else
                v = va_arg(args, int);
            bool neg = v < 0;
            put_number(out, neg ? uint64_t(-(v + 1)) + 1 : uint64_t(v), 10, false, neg, width, pad, left);
            break;
        }
        case 'u':
            put_number(out, fetch_unsigned(), 10, false, false, width, pad, left);
            break;
        case 'x':
        case 'X':
            put_number(out, fetch_unsigned(), 16, *fmt == 'X', false, width, pad, left);
            break;
        case 'p':
            put_number(out, reinterpret_cast<unsigned long>(va_arg(args, void*)), 16, false, false,
                       sizeof(void*) * 2, '0', false);
            break;
        case 'c':
            out.put(out.ctx, char(va_arg(args, int)));
            break;
        case 's': {
            const char* s = va_arg(args, const char*);
            if (s == nullptr)
                s = "(null)";
            unsigned len = 0;
            while (s[len] != '\0')
                len++;
            if (!left)
                for (unsigned i = len; i < width; i++)
                    out.put(out.ctx, ' ');
            for (unsigned i = 0; i < len; i++)
                out.put(out.ctx, s[i]);
            if (left)
                for (unsigned i = len; i < width; i++)
                    out.put(out.ctx, ' ');
            break;
        }
        case '%':
            out.put(out.ctx, '%');
            break;
        case '\0':
            return;
        default:
            out.put(out.ctx, '%');
            out.put(out.ctx, *fmt);
            break;
        }
    }
}

} // namespace

void format(FormatSink& out, const char* fmt, va_list args) { format_impl(out, fmt, args); }

size_t format_to_buffer(char* buf, size_t size, const char* fmt, va_list args)
{
    struct Buffer {
        char* buf;
        size_t size;
        size_t len;
    } b{buf, size, 0};
    FormatSink sink{[](void* ctx, char c) {
                        auto* b = static_cast<Buffer*>(ctx);
                        if (b->len + 1 < b->size)
                            b->buf[b->len] = c;
                        b->len++;
                    },
                    &b};
    format(sink, fmt, args);
    if (size > 0)
        buf[b.len < size ? b.len : size - 1] = '\0';
    return b.len;
}
