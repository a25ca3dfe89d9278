// A root task that writes to an unmapped address with no pager to ask: the
// kernel must stop it with a diagnostic (and, in a test run, end the
// machine) instead of dying.
#include <l4/print.h>
#include <l4/utcb.h>

int main()
{
    printf("crash: dropping the pager, then writing to an unmapped address\n");
    L4_Set_Pager(L4_nilthread);
    *reinterpret_cast<volatile int*>(0x30000000) = 1;
    printf("crash: still running after the fault\n");
    return 0;
}
