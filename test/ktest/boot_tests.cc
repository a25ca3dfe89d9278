// The root task starts the way the boot path promises (that it runs in
// user mode is checked per CPU in arch/<arch>/).
#include "ktest.h"
#include <l4/runtime.h>

namespace {
int initialised_data = 0x1234;
int zeroed_bss[256];
} // namespace

KTEST(boot, data_segment_loaded)
{
    CHECK_EQ(initialised_data, 0x1234);
}

KTEST(boot, bss_zeroed)
{
    int nonzero = 0;
    for (int v : zeroed_bss)
        nonzero |= v;
    CHECK_EQ(nonzero, 0);
}

KTEST(boot, stack_and_memory_work)
{
    volatile char buf[4096];
    for (unsigned i = 0; i < sizeof buf; i++)
        buf[i] = char(i);
    unsigned sum = 0;
    for (unsigned i = 0; i < sizeof buf; i++)
        sum += (unsigned char)buf[i];
    CHECK_EQ(sum, 16u * (255u * 256u / 2u));
}
