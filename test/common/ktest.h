// A minimal test framework for the in-QEMU kernel test suite.
#pragma once

#include <l4/print.h>
#include <l4/types.h>

namespace ktest {

struct Case {
    const char* group;
    const char* name;
    void (*body)();
    Case* next;
};

// The label of a kernel-generated message (X.2: -n << 4 in a label field
// as wide as the word minus 16 bits), e.g. kernel_label(-2) for page faults.
constexpr L4_Word_t kernel_label(long n) { return (L4_Word_t)(n * 16) & (~0ul >> 16); }

// Registers a test case at start-up (static constructor).
struct Register {
    Register(Case& c);
};

// Records a failed check in the running case and prints where it failed.
void fail(const char* file, int line, const char* expr, L4_Word_t a, L4_Word_t b);

// Runs every registered case; returns the number of failed cases.
int run_all();

} // namespace ktest

#define KTEST(group, name)                                                    \
    static void ktest_##group##_##name();                                     \
    static ktest::Case ktest_case_##group##_##name{#group, #name, ktest_##group##_##name, nullptr}; \
    static ktest::Register ktest_reg_##group##_##name(ktest_case_##group##_##name); \
    static void ktest_##group##_##name()

#define CHECK(e)                                                              \
    do {                                                                      \
        if (!(e))                                                             \
            ktest::fail(__FILE__, __LINE__, #e, 0, 0);                        \
    } while (0)

#define CHECK_EQ(a, b)                                                        \
    do {                                                                      \
        L4_Word_t a_ = (L4_Word_t)(a), b_ = (L4_Word_t)(b);                   \
        if (a_ != b_)                                                         \
            ktest::fail(__FILE__, __LINE__, #a " == " #b, a_, b_);           \
    } while (0)
