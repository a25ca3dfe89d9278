// Basic L4 X.2 types for Chestnut's user library.  The names follow the X.2
// convenience programming interface, so programs read like other X.2 code.
#pragma once

#include <stddef.h>
#include <stdint.h>

typedef unsigned long L4_Word_t;
typedef uint64_t L4_Word64_t;
typedef uint32_t L4_Word32_t;
typedef uint16_t L4_Word16_t;
typedef uint8_t L4_Word8_t;
typedef L4_Word_t L4_Bool_t;

#define L4_INLINE static inline
#define L4_WORD_BITS (sizeof(L4_Word_t) * 8)

// Thread ids (X.2: number and version; local ids are UTCB addresses).
typedef struct {
    L4_Word_t raw;
} L4_ThreadId_t;

#define L4_THREAD_VERSION_BITS (L4_WORD_BITS == 32 ? 14 : 32)

L4_INLINE L4_ThreadId_t L4_GlobalId(L4_Word_t number, L4_Word_t version)
{
    L4_ThreadId_t t = {(number << L4_THREAD_VERSION_BITS) |
                       (version & ((1ul << L4_THREAD_VERSION_BITS) - 1))};
    return t;
}
L4_INLINE L4_Word_t L4_ThreadNo(L4_ThreadId_t t) { return t.raw >> L4_THREAD_VERSION_BITS; }
L4_INLINE L4_Word_t L4_Version(L4_ThreadId_t t) { return t.raw & ((1ul << L4_THREAD_VERSION_BITS) - 1); }

static const L4_ThreadId_t L4_nilthread = {0};
static const L4_ThreadId_t L4_anythread = {~0ul};
static const L4_ThreadId_t L4_anylocalthread = {~0ul << 6};

L4_INLINE L4_Bool_t L4_IsNilThread(L4_ThreadId_t t) { return t.raw == 0; }
L4_INLINE L4_Bool_t L4_IsLocalId(L4_ThreadId_t t) { return (t.raw & 0x3f) == 0 && t.raw != 0; }
L4_INLINE L4_Bool_t L4_IsGlobalId(L4_ThreadId_t t) { return (t.raw & 0x3f) != 0 && t.raw != ~0ul; }
L4_INLINE L4_Bool_t L4_IsThreadEqual(L4_ThreadId_t a, L4_ThreadId_t b) { return a.raw == b.raw; }
L4_INLINE L4_Bool_t L4_IsThreadNotEqual(L4_ThreadId_t a, L4_ThreadId_t b) { return a.raw != b.raw; }

#ifdef __cplusplus
inline bool operator==(L4_ThreadId_t a, L4_ThreadId_t b) { return a.raw == b.raw; }
inline bool operator!=(L4_ThreadId_t a, L4_ThreadId_t b) { return a.raw != b.raw; }
#endif

// Time values (16 bits) and the system clock (us).
typedef struct {
    L4_Word16_t raw;
} L4_Time_t;
typedef struct {
    L4_Word64_t raw;
} L4_Clock_t;

static const L4_Time_t L4_Never = {0};
static const L4_Time_t L4_ZeroTime = {1u << 10};

// The shortest period of at least `us` microseconds.
L4_INLINE L4_Time_t L4_TimePeriod(L4_Word64_t us)
{
    unsigned e = 0;
    while (us > 0x3ff && e < 31) {
        us = (us + 1) >> 1;
        e++;
    }
    if (us == 0)
        return L4_ZeroTime;
    L4_Time_t t = {(L4_Word16_t)((e << 10) | (us > 0x3ff ? 0x3ff : us))};
    return t;
}

// An absolute point in time (X.2 time point): the next instant T with
// (T >> e) & 0x7ff == the encoded 11 bits, e chosen so that `at` is within
// 2^(e+10) us of now.
L4_INLINE L4_Time_t L4_TimePoint2(L4_Clock_t at, L4_Clock_t now)
{
    L4_Word64_t delta = at.raw > now.raw ? at.raw - now.raw : 0;
    unsigned e = 0;
    while (e < 15 && delta >= (1ull << (e + 10)))
        e++;
    L4_Time_t t = {(L4_Word16_t)(0x8000u | (e << 11) | ((at.raw >> e) & 0x7ff))};
    return t;
}

L4_INLINE L4_Word_t L4_Timeouts(L4_Time_t snd, L4_Time_t rcv) { return ((L4_Word_t)snd.raw << 16) | rcv.raw; }

// Flexpages.
typedef struct {
    L4_Word_t raw;
} L4_Fpage_t;

enum { L4_NoAccess = 0, L4_Executable = 1, L4_Writable = 2, L4_Readable = 4, L4_FullyAccessible = 7,
       L4_ReadWriteOnly = 6, L4_ReadeXecOnly = 5 };

static const L4_Fpage_t L4_Nilpage = {0};
static const L4_Fpage_t L4_CompleteAddressSpace = {1u << 4};

L4_INLINE L4_Fpage_t L4_FpageLog2(L4_Word_t base, int size_log2)
{
    L4_Fpage_t f = {(base & ~0x3fful) | ((L4_Word_t)size_log2 << 4)};
    return f;
}
L4_INLINE L4_Fpage_t L4_FpageAddRights(L4_Fpage_t f, L4_Word_t rights)
{
    f.raw |= rights & 7;
    return f;
}
L4_INLINE L4_Fpage_t L4_FpageRemoveRights(L4_Fpage_t f, L4_Word_t rights)
{
    f.raw &= ~(rights & 7);
    return f;
}
L4_INLINE L4_Fpage_t L4_Set_Rights(L4_Fpage_t* f, L4_Word_t rights)
{
    f->raw = (f->raw & ~7ul) | (rights & 7);
    return *f;
}
L4_INLINE L4_Word_t L4_Rights(L4_Fpage_t f) { return f.raw & 7; }
L4_INLINE L4_Word_t L4_SizeLog2(L4_Fpage_t f) { return (f.raw >> 4) & 0x3f; }
L4_INLINE L4_Word_t L4_Address(L4_Fpage_t f) { return f.raw & ~0x3fful; }
L4_INLINE L4_Word_t L4_Size(L4_Fpage_t f) { return 1ul << L4_SizeLog2(f); }
L4_INLINE L4_Bool_t L4_IsNilFpage(L4_Fpage_t f) { return f.raw == 0; }
