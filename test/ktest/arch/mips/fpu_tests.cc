// Lazy FPU switching on MIPS (Status.CU1): threads keeping values in FPU
// registers under preemption each keep their own.
#include "ktest.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/thread.h>

using namespace ktest;

namespace {

volatile L4_Word_t errors[3], rounds[3];

// Keeps a value in $f20, FCSR's rounding mode and a running double sum in
// $f22 across a busy loop long enough to be preempted, then checks all three.
void fpu_worker(L4_Word_t id)
{
    constexpr int steps = 100000;
    const L4_Word_t one = 0x3ff0000000000000ul;   // 1.0
    for (;;) {
        L4_Word_t in = id * 0x1111111111111111ul + rounds[id], out, count;
        double x = 1000.0 * double(id + 1) + double(rounds[id]), y;
        unsigned rounding = unsigned(id) & 3, fcsr;
        __asm__ __volatile__("ctc1   %[rm], $31\n\t"
                             "dmtc1  %[in], $f20\n\t"
                             "dmtc1  %[one], $f24\n\t"
                             "mov.d  $f22, %[x]\n\t"
                             "li     %[n], %[steps]\n"
                             "1:\n\t"
                             "add.d  $f22, $f22, $f24\n\t"
                             "daddiu %[n], %[n], -1\n\t"
                             "bnez   %[n], 1b\n\t"
                             "dmfc1  %[out], $f20\n\t"
                             "mov.d  %[y], $f22\n\t"
                             "cfc1   %[fcsr], $31"
                             : [out] "=&r"(out), [n] "=&r"(count), [y] "=&f"(y), [fcsr] "=&r"(fcsr)
                             : [in] "r"(in), [x] "f"(x), [rm] "r"(rounding), [one] "r"(one), [steps] "i"(steps)
                             : "$f20", "$f22", "$f24");
        if (out != in || y != x + double(steps) || (fcsr & 3) != rounding)
            errors[id] = errors[id] + 1;
        rounds[id] = rounds[id] + 1;
    }
}

} // namespace

KTEST(fpu, state_survives_preemption)
{
    L4_ThreadId_t t[3];
    for (L4_Word_t i = 0; i < 3; i++) {
        errors[i] = 0;
        rounds[i] = 0;
        t[i] = spawn(fpu_worker, i, 60);
    }
    L4_Sleep(L4_TimePeriod(50000));
    for (L4_Word_t i = 0; i < 3; i++) {
        CHECK(rounds[i] > 2);
        CHECK_EQ(errors[i], 0);
        reap(t[i]);
    }
}
