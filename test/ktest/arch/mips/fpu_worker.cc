// The lazy-FPU test worker on MIPS (fpu_worker.h): FPRs and FCSR (Status.CU1 switching).
#include "fpu_worker.h"

using namespace ktest;

// Keeps a value in $f20, FCSR's rounding mode and a running double sum in
// $f22 across a busy loop long enough to be preempted, then checks all three.
void ktest::fpu_worker(L4_Word_t id)
{
    constexpr int steps = 100000;
    const L4_Word_t one = 0x3ff0000000000000ul;   // 1.0
    for (;;) {
        L4_Word_t in = id * 0x1111111111111111ul + fpu_rounds[id], out, count;
        double x = 1000.0 * double(id + 1) + double(fpu_rounds[id]), y;
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
            fpu_errors[id] = fpu_errors[id] + 1;
        fpu_rounds[id] = fpu_rounds[id] + 1;
    }
}
