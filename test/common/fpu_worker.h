// Lazy FPU switching (seed 003): workers keep values in FPU registers
// across busy loops long enough to be preempted many times and count the
// rounds and the values they found changed.  The worker is per CPU
// (test/ktest/arch/<arch>/fpu_worker.cc); test/ktest/fpu_tests.cc runs it.
#pragma once

#include <l4/types.h>

namespace ktest {

constexpr unsigned fpu_workers = 3;
extern volatile L4_Word_t fpu_errors[fpu_workers], fpu_rounds[fpu_workers];

// Runs forever as worker `id` (< fpu_workers).
[[noreturn]] void fpu_worker(L4_Word_t id);

} // namespace ktest
