// A root task that writes to an unmapped address: the kernel must stop it
// with a diagnostic (and, in a test run, end the machine) instead of dying.
#include <l4/print.h>

int main()
{
    printf("crash: writing to an unmapped address\n");
    *reinterpret_cast<volatile int*>(0x30000000) = 1;
    printf("crash: still running after the fault\n");
    return 0;
}
