// The kernel test suite: a root task that runs every test case and prints
// one line per case, then "N passed, M failed", and ends the machine with
// the failure count as exit code.
#include "ktest.h"
#include "threads.h"
#include <l4/thread.h>

int main()
{
    // Run at the default priority, so that yielding lets helper threads run.
    L4_Set_Priority(ktest::main_thread(), 100);
    return ktest::run_all();
}
