// Lazy FPU switching: threads using the FPU under preemption each keep
// their own register contents.
#include "fpu_worker.h"
#include "ktest.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/thread.h>

namespace ktest {
volatile L4_Word_t fpu_errors[fpu_workers], fpu_rounds[fpu_workers];
}

using namespace ktest;

KTEST(fpu, state_survives_preemption)
{
    L4_ThreadId_t t[fpu_workers];
    for (L4_Word_t i = 0; i < fpu_workers; i++) {
        fpu_errors[i] = 0;
        fpu_rounds[i] = 0;
        t[i] = spawn(fpu_worker, i, 60);
    }
    L4_Sleep(L4_TimePeriod(50000));
    for (L4_Word_t i = 0; i < fpu_workers; i++) {
        CHECK(fpu_rounds[i] > 2);
        CHECK_EQ(fpu_errors[i], 0);
        reap(t[i]);
    }
}
