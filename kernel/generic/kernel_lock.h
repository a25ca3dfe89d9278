// The kernel lock: serializes what all CPUs share and no single CPU owns
// (smp.h): the mapping database and the page tables of spaces, space
// creation and destruction with their thread counts, TCB creation and the
// binding of interrupt threads.  Per-CPU dispatching state never needs it.
//
// Rules (each checked by an assertion in debug builds):
// - It is recursive on one CPU, and held only by code that neither blocks
//   nor travels (smp::travel_to asserts that this CPU does not hold it).
// - A CPU spinning for it serves the MMU requests in its mailbox, so a
//   holder that waits for a TLB shootdown cannot deadlock with it.
// - Held with interrupts disabled, except across the string copy of one
//   page (transfer.cc), whose interrupt handlers never take it.
// On uniprocessor builds it compiles to nothing.
#pragma once

#include "types.h"

struct Cpu;

class KernelLock {
public:
    void lock();
    void unlock();
    [[nodiscard]] bool held_here() const;

private:
    Cpu* owner_ = nullptr;
    unsigned depth_ = 0;
};

extern KernelLock kernel_lock;

class KernelLockGuard {
public:
    KernelLockGuard() { kernel_lock.lock(); }
    ~KernelLockGuard() { kernel_lock.unlock(); }
    KernelLockGuard(const KernelLockGuard&) = delete;
    KernelLockGuard& operator=(const KernelLockGuard&) = delete;
};
