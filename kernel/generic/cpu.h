// Per-CPU kernel state.  A thread reaches its CPU through Tcb::cpu, so no
// global "current CPU" variable exists; everything here but the mailbox is
// touched only by its own CPU (smp.h).
#pragma once

#include "arch_contract.h"
#include "ready_queue.h"
#include "smp.h"
#include "tcb.h"
#include "types.h"

class Space;

struct Cpu {
    unsigned id = 0;
    u32 hw_id = 0;                  // the platform's name for it (cpu_hw_ids)
    Tcb* idle = nullptr;
    ReadyQueue<Tcb> ready;
    Tcb* wakeup_queue = nullptr;    // sorted by timeout_at, earliest first
    Space* active_space = nullptr;  // whose page table this CPU has loaded: always
                                    // the running thread's when that is a user thread
    bool need_resched = false;
    Tcb* fpu_owner = nullptr;       // whose state the FPU holds (lazy switching)
    bool fpu_enabled = false;       // the FPU is usable without a trap (owner running)
    u64 tick_us = 1000;             // timer period
    u64 ticks = 0;
    Word interrupts_taken = 0;      // device interrupts this CPU received (tests)
    smp::Mailbox mailbox;           // threads and requests from other CPUs
    Tcb* departing = nullptr;       // travelling; posted by smp::finish_switch
    Cpu* departing_to = nullptr;
    arch::CpuLocal arch;
};

extern Cpu cpus[CONFIG_MAX_CPUS];
extern unsigned cpu_count;   // CPUs that came up
