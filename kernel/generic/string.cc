#include "string.h"

extern "C" {

void* memcpy(void* dst, const void* src, size_t n)
{
    auto* d = static_cast<char*>(dst);
    const auto* s = static_cast<const char*>(src);
    while (n-- > 0)
        *d++ = *s++;
    return dst;
}

void* memmove(void* dst, const void* src, size_t n)
{
    auto* d = static_cast<char*>(dst);
    const auto* s = static_cast<const char*>(src);
    if (d < s) {
        while (n-- > 0)
            *d++ = *s++;
    } else {
        while (n-- > 0)
            d[n] = s[n];
    }
    return dst;
}

void* memset(void* dst, int c, size_t n)
{
    auto* d = static_cast<unsigned char*>(dst);
    while (n-- > 0)
        *d++ = static_cast<unsigned char>(c);
    return dst;
}

int memcmp(const void* a, const void* b, size_t n)
{
    const auto* x = static_cast<const unsigned char*>(a);
    const auto* y = static_cast<const unsigned char*>(b);
    for (; n > 0; n--, x++, y++)
        if (*x != *y)
            return *x < *y ? -1 : 1;
    return 0;
}

size_t strlen(const char* s)
{
    size_t n = 0;
    while (s[n] != '\0')
        n++;
    return n;
}

int strcmp(const char* a, const char* b)
{
    while (*a != '\0' && *a == *b)
        a++, b++;
    return static_cast<unsigned char>(*a) - static_cast<unsigned char>(*b);
}

int strncmp(const char* a, const char* b, size_t n)
{
    for (; n > 0; n--, a++, b++) {
        if (*a != *b)
            return static_cast<unsigned char>(*a) - static_cast<unsigned char>(*b);
        if (*a == '\0')
            return 0;
    }
    return 0;
}

} // extern "C"

size_t strlcpy(char* dst, const char* src, size_t size)
{
    size_t len = strlen(src);
    if (size > 0) {
        size_t n = len < size - 1 ? len : size - 1;
        memcpy(dst, src, n);
        dst[n] = '\0';
    }
    return len;
}

bool cmdline_has(const char* cmdline, const char* word)
{
    size_t len = strlen(word);
    for (const char* p = cmdline; *p != '\0';) {
        while (*p == ' ')
            p++;
        const char* start = p;
        while (*p != '\0' && *p != ' ')
            p++;
        if (size_t(p - start) == len && strncmp(start, word, len) == 0)
            return true;
    }
    return false;
}
