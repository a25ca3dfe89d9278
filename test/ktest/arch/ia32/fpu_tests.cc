// Lazy FPU switching: threads using the x87 and SSE registers under
// preemption each keep their own register contents.
#include "ktest.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/thread.h>

using namespace ktest;

namespace {

volatile L4_Word_t errors[3], rounds[3];

// Keeps a value in an x87 register and an SSE register across a busy loop
// long enough to be preempted many times, then checks both are intact.
void fpu_worker(L4_Word_t id)
{
    for (;;) {
        double expected = 1000.0 * double(id + 1) + double(rounds[id]);
        double x87;
        unsigned xmm_in[4] = {unsigned(id) * 0x11111111u, unsigned(rounds[id]), 0xdeadbeef, unsigned(id)};
        unsigned xmm_out[4];
        __asm__ __volatile__("fldl %2\n\t"
                             "movups %3, %%xmm3\n\t"
                             "mov $200000, %%ecx\n\t"
                             "1: loop 1b\n\t"
                             "movups %%xmm3, %1\n\t"
                             "fstpl %0"
                             : "=m"(x87), "=m"(xmm_out)
                             : "m"(expected), "m"(xmm_in)
                             : "ecx", "xmm3", "st");
        if (x87 != expected || xmm_out[0] != xmm_in[0] || xmm_out[1] != xmm_in[1] ||
            xmm_out[2] != xmm_in[2] || xmm_out[3] != xmm_in[3])
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
