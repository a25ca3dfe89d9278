// What the shared test cases need to know about the CPU they run on: an
// instruction that raises an exception (and how to skip it), and where
// the exception message keeps the instruction pointer and the exception
// number (docs/abi.md, "Exception").  Tests of one CPU only live in
// test/ktest/arch/<arch>/.
#pragma once

#include <l4/types.h>

namespace ktest::arch {

#if defined(__i386__) || defined(__x86_64__)
// ud2: invalid opcode (vector 6), two bytes.
inline void undefined_instruction() { __asm__ __volatile__("ud2"); }
constexpr L4_Word_t undefined_instruction_size = 2;
constexpr L4_Word_t undefined_instruction_vector = 6;
#if defined(__i386__)
constexpr L4_Word_t exception_words = 12;
#else
constexpr L4_Word_t exception_words = 20;
#endif
#elif defined(__mips__)
// Primary opcode 0x3b is reserved in MIPS64 Release 2: a reserved
// instruction exception (ExcCode 10).
inline void undefined_instruction() { __asm__ __volatile__(".word 0xec000000"); }
constexpr L4_Word_t undefined_instruction_size = 4;
constexpr L4_Word_t undefined_instruction_vector = 10;
constexpr L4_Word_t exception_words = 35;
#else
#error "no test facts for this architecture"
#endif

// The exception message: MR1 the instruction pointer, MR3 the exception
// number (the same on every port).
constexpr int exception_mr_ip = 1;
constexpr int exception_mr_vector = 3;

} // namespace ktest::arch
