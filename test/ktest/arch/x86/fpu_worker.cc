// The lazy-FPU test worker on x86, ia32 and amd64 (fpu_worker.h): x87 and
// SSE registers.
#include "fpu_worker.h"

using namespace ktest;

// Keeps a value in an x87 register and an SSE register across a busy loop
// long enough to be preempted many times, then checks both are intact.
void ktest::fpu_worker(L4_Word_t id)
{
    for (;;) {
        double expected = 1000.0 * double(id + 1) + double(fpu_rounds[id]);
        double x87;
        unsigned xmm_in[4] = {unsigned(id) * 0x11111111u, unsigned(fpu_rounds[id]), 0xdeadbeef, unsigned(id)};
        unsigned xmm_out[4];
        L4_Word_t count;   // the loop counter: ECX or RCX
        __asm__ __volatile__("fldl %3\n\t"
                             "movups %4, %%xmm3\n\t"
                             "mov $200000, %%ecx\n\t"
                             "1: loop 1b\n\t"
                             "movups %%xmm3, %1\n\t"
                             "fstpl %0"
                             : "=m"(x87), "=m"(xmm_out), "=&c"(count)
                             : "m"(expected), "m"(xmm_in)
                             : "xmm3", "st");
        if (x87 != expected || xmm_out[0] != xmm_in[0] || xmm_out[1] != xmm_in[1] ||
            xmm_out[2] != xmm_in[2] || xmm_out[3] != xmm_in[3])
            fpu_errors[id] = fpu_errors[id] + 1;
        fpu_rounds[id] = fpu_rounds[id] + 1;
    }
}
