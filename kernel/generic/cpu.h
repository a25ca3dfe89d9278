// Per-CPU kernel state.  A thread reaches its CPU through Tcb::cpu, so no
// global "current CPU" variable exists.
#pragma once

#include "arch_contract.h"
#include "types.h"

class Tcb;

struct Cpu {
    unsigned id = 0;
    Tcb* idle = nullptr;
    arch::CpuLocal arch;
};

extern Cpu cpus[CONFIG_MAX_CPUS];
