#include <generic/format.h>
#include <gtest/gtest.h>
#include <string>

namespace {
std::string fmt(const char* f, ...)
{
    char buf[128];
    va_list args;
    va_start(args, f);
    format_to_buffer(buf, sizeof buf, f, args);
    va_end(args);
    return buf;
}
} // namespace

TEST(Format, Integers)
{
    EXPECT_EQ(fmt("%d %i %u", -42, 7, 42u), "-42 7 42");
    EXPECT_EQ(fmt("%x %X", 0xbeefu, 0xbeefu), "beef BEEF");
    EXPECT_EQ(fmt("%lx", 0xdeadbeefUL), "deadbeef");
    EXPECT_EQ(fmt("%llu", 18446744073709551615ULL), "18446744073709551615");
    EXPECT_EQ(fmt("%d", -2147483647 - 1), "-2147483648");
    EXPECT_EQ(fmt("%zu", size_t(12)), "12");
}

TEST(Format, WidthAndPadding)
{
    EXPECT_EQ(fmt("[%5d]", 42), "[   42]");
    EXPECT_EQ(fmt("[%-5d]", 42), "[42   ]");
    EXPECT_EQ(fmt("[%05d]", -42), "[-0042]");
    EXPECT_EQ(fmt("[%08x]", 0x1au), "[0000001a]");
    EXPECT_EQ(fmt("[%6s]", "ab"), "[    ab]");
    EXPECT_EQ(fmt("[%-6s]", "ab"), "[ab    ]");
}

TEST(Format, StringsCharsAndPercent)
{
    EXPECT_EQ(fmt("%s %c %%", "x", 'y'), "x y %");
    EXPECT_EQ(fmt("%s", static_cast<const char*>(nullptr)), "(null)");
    EXPECT_EQ(fmt("%p", reinterpret_cast<void*>(0x1234)), std::string(sizeof(void*) * 2 - 4, '0') + "1234");
}

TEST(Format, TruncatesButReportsFullLength)
{
    char buf[5];
    va_list none{};
    (void)none;
    auto n = [&](const char* f, ...) {
        va_list args;
        va_start(args, f);
        size_t r = format_to_buffer(buf, sizeof buf, f, args);
        va_end(args);
        return r;
    };
    EXPECT_EQ(n("%s", "abcdefgh"), 8u);
    EXPECT_STREQ(buf, "abcd");
}
