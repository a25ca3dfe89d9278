// Basic kernel types.  Freestanding: only the compiler's own headers.
#pragma once

#include <stddef.h>
#include <stdint.h>

using u8 = uint8_t;
using u16 = uint16_t;
using u32 = uint32_t;
using u64 = uint64_t;
using s32 = int32_t;
using s64 = int64_t;

// A machine word: 32 bits on ia32, 64 bits on amd64/mips64.  The X.2 ABI is
// defined in words, so most interface values are Words.
using Word = unsigned long;
using SWord = long;
constexpr unsigned word_bits = sizeof(Word) * 8;

// Physical addresses are kept apart from kernel virtual pointers on purpose.
using Paddr = Word;

constexpr Word kib(Word n) { return n << 10; }
constexpr Word mib(Word n) { return n << 20; }

constexpr Word align_down(Word v, Word a) { return v & ~(a - 1); }
constexpr Word align_up(Word v, Word a) { return (v + a - 1) & ~(a - 1); }
constexpr bool is_aligned(Word v, Word a) { return (v & (a - 1)) == 0; }

template <class T> constexpr T min(T a, T b) { return a < b ? a : b; }
template <class T> constexpr T max(T a, T b) { return a > b ? a : b; }

// Tiny stand-ins for <concepts>/<type_traits>, which a freestanding kernel
// cannot include.
template <class A, class B> inline constexpr bool is_same_v = false;
template <class A> inline constexpr bool is_same_v<A, A> = true;
template <class A, class B> concept same_as = is_same_v<A, B> && is_same_v<B, A>;

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define NORETURN [[noreturn]]
#define PACKED __attribute__((packed))
#define ALIGNED(n) __attribute__((aligned(n)))
#define SECTION(s) __attribute__((section(s)))
#define INIT SECTION(".text.init")
#define INIT_DATA SECTION(".data.init")
