#include "kernel_lock.h"
#include "assert.h"
#include "cpu.h"
#include "smp.h"

KernelLock kernel_lock;

// Test-and-test-and-set (seed 002, appendix) on the owner word.  Until the
// other CPUs start, the boot CPU runs alone (and may not have a current
// thread yet), so the lock is not needed.
void KernelLock::lock()
{
    if (!smp::others_running())
        return;
    Cpu* me = Tcb::current()->cpu;
    if (__atomic_load_n(&owner_, __ATOMIC_RELAXED) == me) {
        depth_++;
        return;
    }
    for (;;) {
        Cpu* expected = nullptr;
        if (__atomic_compare_exchange_n(&owner_, &expected, me, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            break;
        while (__atomic_load_n(&owner_, __ATOMIC_RELAXED) != nullptr) {
            smp::serve_mmu_requests();
            arch::cpu_relax();
        }
    }
    depth_ = 1;
}

void KernelLock::unlock()
{
    if (!smp::others_running())
        return;
    assert(held_here());
    if (--depth_ == 0)
        __atomic_store_n(&owner_, nullptr, __ATOMIC_RELEASE);
}

bool KernelLock::held_here() const
{
    return smp::others_running() && __atomic_load_n(&owner_, __ATOMIC_RELAXED) == Tcb::current()->cpu;
}
