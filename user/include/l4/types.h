// Basic L4 X.2 types for Chestnut's user library.
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
