// Spinlock with the test-and-test-and-set pattern (seed 002, appendix): spin
// on a plain read so the cache line stays shared, and only try the atomic
// exchange when the lock looks free.  Compiles to nothing on uniprocessor
// builds.  The kernel runs with interrupts disabled except in marked
// preemption points, so the lock does not touch the interrupt flag.
#pragma once

#include "arch_contract.h"
#include "types.h"

class Spinlock {
public:
    void lock()
    {
        if constexpr (CONFIG_MAX_CPUS > 1) {
            while (__atomic_exchange_n(&locked_, 1u, __ATOMIC_ACQUIRE) != 0)
                while (__atomic_load_n(&locked_, __ATOMIC_RELAXED) != 0)
                    arch::cpu_relax();
        }
    }

    [[nodiscard]] bool try_lock()
    {
        if constexpr (CONFIG_MAX_CPUS > 1)
            return __atomic_exchange_n(&locked_, 1u, __ATOMIC_ACQUIRE) == 0;
        return true;
    }

    void unlock()
    {
        if constexpr (CONFIG_MAX_CPUS > 1)
            __atomic_store_n(&locked_, 0u, __ATOMIC_RELEASE);
    }

    [[nodiscard]] bool is_locked() const { return __atomic_load_n(&locked_, __ATOMIC_RELAXED) != 0; }

private:
    unsigned locked_ = 0;
};

class SpinlockGuard {
public:
    explicit SpinlockGuard(Spinlock& lock) : lock_(lock) { lock_.lock(); }
    ~SpinlockGuard() { lock_.unlock(); }
    SpinlockGuard(const SpinlockGuard&) = delete;
    SpinlockGuard& operator=(const SpinlockGuard&) = delete;

private:
    Spinlock& lock_;
};
