// The state dump printed when a run stops: registers, RSE and TLB.
#pragma once
#include <cstdio>

#include "machine.h"

namespace ia64 {
void dump_state(const Machine& m, std::FILE* out);
}
