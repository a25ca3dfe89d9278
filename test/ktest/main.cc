// The kernel test suite: a root task that runs every test case and prints
// one line per case, then "N passed, M failed", and ends the machine with
// the failure count as exit code.
#include "ktest.h"

int main()
{
    return ktest::run_all();
}
