#include "smp.h"
#include "assert.h"
#include "boot.h"
#include "console.h"
#include "cpu.h"
#include "fpu.h"
#include "ipc.h"
#include "kernel_lock.h"
#include "lipc.h"
#include "platform.h"
#include "scheduler.h"
#include "space.h"
#include "thread.h"

static_assert(CONFIG_MAX_CPUS < thread_numbers::user_base - thread_numbers::system_base,
              "every CPU needs a kernel thread number for its idle thread");

namespace smp {

namespace {

// The hardware id "smp.phantom" adds to the platform's list: no CPU has it
// on the platforms we run (xAPIC ids are 8 bits, 0xff is the broadcast).
constexpr u32 phantom_hw_id = 0xfe;

Cpu& this_cpu() { return *Tcb::current()->cpu; }

void ring(Cpu& target)
{
    if (&target != &this_cpu())
        arch::send_ipi(target.arch);
}

template <class T> void append(T*& head, T*& tail, T* item, T* T::*next)
{
    item->*next = nullptr;
    if (tail != nullptr)
        tail->*next = item;
    else
        head = item;
    tail = item;
}

void run_all(Request* r)
{
    while (r != nullptr) {
        Request* next = r->next;   // r may be gone once done is set
        r->run(*r);
        __atomic_store_n(&r->done, true, __ATOMIC_RELEASE);
        r = next;
    }
}

} // namespace

bool others_running()
{
    if constexpr (CONFIG_MAX_CPUS == 1)
        return false;
    return __atomic_load_n(&cpu_count, __ATOMIC_RELAXED) > 1;
}

// --- mailboxes ---

void post(Cpu& target, Request& r)
{
    __atomic_store_n(&r.done, false, __ATOMIC_RELAXED);
    {
        SpinlockGuard guard(target.mailbox.lock);
        Mailbox& m = target.mailbox;
        if (r.mmu)
            append(m.mmu, m.mmu_tail, &r, &Request::next);
        else
            append(m.other, m.other_tail, &r, &Request::next);
    }
    ring(target);
}

void call(Cpu& target, Request& r)
{
    if (&target == &this_cpu()) {
        r.run(r);
        return;
    }
    post(target, r);
    while (!__atomic_load_n(&r.done, __ATOMIC_ACQUIRE)) {
        serve_mmu_requests();
        arch::cpu_relax();
    }
}

void serve_mmu_requests()
{
    Mailbox& m = this_cpu().mailbox;
    if (__atomic_load_n(&m.mmu, __ATOMIC_RELAXED) == nullptr)
        return;
    Request* mmu;
    {
        SpinlockGuard guard(m.lock);
        mmu = m.mmu;
        m.mmu = m.mmu_tail = nullptr;
    }
    run_all(mmu);
}

void serve_mailbox()
{
    Cpu& cpu = this_cpu();
    Mailbox& m = cpu.mailbox;
    Tcb* arrivals;
    Request *mmu, *other;
    {
        SpinlockGuard guard(m.lock);
        arrivals = m.arrivals;
        mmu = m.mmu;
        other = m.other;
        m.arrivals = m.arrivals_tail = nullptr;
        m.mmu = m.mmu_tail = nullptr;
        m.other = m.other_tail = nullptr;
    }
    run_all(mmu);
    while (Tcb* t = arrivals) {
        arrivals = t->transit_next;
        t->transit_next = nullptr;
        assert(t->cpu == &cpu);
        t->in_transit = false;
        if (t->state == ThreadState::Running)
            make_runnable(t);
        else
            ipc_waiter_arrived(t);
    }
    run_all(other);
}

// --- travelling ---

void travel_to(Cpu& target)
{
    Tcb* self = Tcb::current();
    Cpu& here = *self->cpu;
    if (&target == &here)
        return;
    assert(!kernel_lock.held_here());
    assert(!self->in_wakeup_queue);   // its timeout is in this CPU's queue
    // Its FPU state must be in memory before it runs elsewhere, and no
    // fast path or LIPC may complete a receive of a thread away from home.
    fpu_release(self);
    self->user_ipc = false;
    here.ready.remove(self);
    self->in_transit = true;
    assert(here.departing == nullptr);
    here.departing = self;
    here.departing_to = &target;
    Tcb* next = here.ready.select();
    assert(next != self);
    switch_to(next != nullptr ? next : here.idle);
    // Resumed by `target` (finish_switch there already ran).
}

namespace {

// Hands t (in transit, on no CPU's queues) to `target`.
void post_arrival(Cpu& target, Tcb* t)
{
    assert(!t->in_wakeup_queue && !t->in_ready_queue);
    {
        SpinlockGuard guard(target.mailbox.lock);
        Mailbox& m = target.mailbox;
        append(m.arrivals, m.arrivals_tail, t, &Tcb::transit_next);
        // Under the target's lock: whoever reads the new t->cpu finds t in
        // the target's arrivals (or arrived).
        __atomic_store_n(&t->cpu, &target, __ATOMIC_RELEASE);
    }
    arch::send_ipi(target.arch);
}

} // namespace

void finish_switch()
{
    Cpu& cpu = this_cpu();
    Tcb* t = cpu.departing;
    if (t == nullptr)
        return;
    cpu.departing = nullptr;
    post_arrival(*cpu.departing_to, t);
}

void move_blocked(Tcb* t, Cpu& target)
{
    Cpu& here = this_cpu();
    assert(t->cpu == &here && t != Tcb::current() && !t->in_transit && !t->is_runnable());
    if (&target == &here)
        return;
    fpu_release(t);
    t->user_ipc = false;   // the fast path must not take it on the way
    here.ready.remove(t);
    u64 deadline = t->in_wakeup_queue ? t->timeout_at : TimeValue::never_us;
    cancel_timeout(t);
    t->timeout_at = deadline;   // restarted on arrival (ipc_waiter_arrived)
    t->in_transit = true;
    post_arrival(target, t);
}

Tcb* go_to(ThreadId id)
{
    for (;;) {
        Tcb* t = Tcb::lookup(id);
        if (t == nullptr)
            return nullptr;
        Cpu* where = __atomic_load_n(&t->cpu, __ATOMIC_ACQUIRE);
        if (where == nullptr)
            return t;   // not placed yet (an interrupt thread without a handler)
        if (where != &this_cpu()) {
            travel_to(*where);
            continue;
        }
        if (!__atomic_load_n(&t->in_transit, __ATOMIC_ACQUIRE))
            return t;
        // t->cpu names us only once t is in our arrivals (finish_switch).
        serve_mailbox();
    }
}

Tcb* go_to_home_of(ThreadId id)
{
    for (;;) {
        Tcb* t = Tcb::lookup(id);
        if (t == nullptr)
            return nullptr;
        Cpu* home = __atomic_load_n(&t->home, __ATOMIC_ACQUIRE);
        if (home == nullptr || home == &this_cpu())
            return t;
        travel_to(*home);
    }
}

void go_home()
{
    Tcb* self = Tcb::current();
    if (__atomic_load_n(&self->home, __ATOMIC_RELAXED) == self->cpu)
        return;
    for (Cpu* home; (home = __atomic_load_n(&self->home, __ATOMIC_RELAXED)) != self->cpu;)
        travel_to(*home);
    // Others may have rewritten its LIPC key while it was away; only its
    // home writes it from now on.
    lipc::update_key(self);
}

// --- TLB shootdown ---

namespace {

struct Flush : Request {
    const PageTable* pt;   // nullptr: a kernel mapping
    Word va;
    unsigned size_log2;
};

void run_flush(Request& r)
{
    auto& f = static_cast<Flush&>(r);
    if (f.pt == nullptr)
        arch::flush_kernel_page(f.va);
    else
        f.pt->invalidate_local(f.va, f.size_log2);
}

// Flushes on every other CPU for which wanted(cpu) holds, waiting for all.
template <class Wanted> void flush_others(const PageTable* pt, Word va, unsigned size_log2, Wanted wanted)
{
    if (!others_running())
        return;
    // The table change must be visible before we look at who may cache it.
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    Flush requests[CONFIG_MAX_CPUS];
    Cpu& here = this_cpu();
    unsigned n = cpu_count;
    for (unsigned i = 0; i < n; i++) {
        if (&cpus[i] == &here || !wanted(cpus[i]))
            continue;
        requests[i].run = run_flush;
        requests[i].mmu = true;
        requests[i].pt = pt;
        requests[i].va = va;
        requests[i].size_log2 = size_log2;
        post(cpus[i], requests[i]);
    }
    for (unsigned i = 0; i < n; i++)
        while (requests[i].run != nullptr && !__atomic_load_n(&requests[i].done, __ATOMIC_ACQUIRE)) {
            serve_mmu_requests();
            arch::cpu_relax();
        }
}

} // namespace

void shoot_down(const PageTable& pt, Word va, unsigned size_log2)
{
    // Only a CPU whose active space is this one can hold its translations:
    // a CPU that loads the space later walks the changed tables (loading
    // the page table is serializing and comes after it publishes
    // active_space), and loading another space flushed them (user
    // mappings are never global).
    flush_others(&pt, va, size_log2, [&](Cpu& c) {
        Space* s = __atomic_load_n(&c.active_space, __ATOMIC_RELAXED);
        return s != nullptr && &s->page_table == &pt;
    });
}

void shoot_down_kernel(Word va)
{
    flush_others(nullptr, va, 0, [](Cpu&) { return true; });
}

namespace {

struct Forget : Request {
    Space* space;
};

void run_forget(Request& r)
{
    Cpu& cpu = this_cpu();
    if (cpu.active_space == static_cast<Forget&>(r).space) {
        cpu.active_space = nullptr;
        arch::activate_kernel_page_table();
    }
}

} // namespace

void forget_space(Space* space)
{
    // call() runs the request at once on this CPU (the only one before the
    // others start).
    for (unsigned i = 0; i < __atomic_load_n(&cpu_count, __ATOMIC_ACQUIRE); i++) {
        Cpu& c = cpus[i];
        if (__atomic_load_n(&c.active_space, __ATOMIC_RELAXED) != space)
            continue;
        Forget f;
        f.run = run_forget;
        f.mmu = true;
        f.space = space;
        call(c, f);
    }
}

// --- start-up ---

void start_secondary_cpus()
{
    if constexpr (CONFIG_MAX_CPUS == 1)
        return;
    u32 ids[CONFIG_MAX_CPUS];
    unsigned found = platform::cpu_hw_ids(ids, CONFIG_MAX_CPUS);
    u32 boot_id = arch::boot_cpu_hw_id();
    unsigned listed = found < CONFIG_MAX_CPUS ? found : CONFIG_MAX_CPUS;
    if (boot_options.phantom_cpu && listed < CONFIG_MAX_CPUS)
        ids[listed++] = phantom_hw_id;
    unsigned up = 1;
    for (unsigned i = 0; i < listed && up < CONFIG_MAX_CPUS; i++) {
        if (ids[i] == boot_id)
            continue;
        Cpu& c = cpus[up];
        c.id = up;
        c.hw_id = ids[i];
        c.tick_us = cpus[0].tick_us;
        // Numbered by table position, so a CPU that failed keeps its idle thread.
        Tcb* idle = Tcb::create(ThreadId::global(thread_numbers::system_base + 1 + i, 1));
        if (idle == nullptr) {
            kprintf("cpu: no kernel memory for another CPU's idle thread; running with %u\n", up);
            break;
        }
        idle->cpu = idle->home = &c;
        idle->state = ThreadState::Running;
        c.idle = idle;
        if (arch::start_cpu(c.arch, c.id, ids[i], idle->stack_top())) {
            up++;
        } else {
            // Its idle page stays allocated: the CPU might still wake up on it.
            kprintf("cpu: the CPU with hardware id %u did not start; running without it\n", ids[i]);
            c.idle = nullptr;
        }
    }
    if (found > CONFIG_MAX_CPUS)
        kprintf("cpu: %u CPUs found, %u compiled in (configure --cpus)\n", found, unsigned(CONFIG_MAX_CPUS));
    // From here on the others may run threads (they idle until one arrives).
    __atomic_store_n(&cpu_count, up, __ATOMIC_RELEASE);
    kprintf("cpu: %u CPU%s running\n", up, up == 1 ? "" : "s");
}

void secondary_cpu_main()
{
    Cpu& cpu = this_cpu();
    arch::start_tick_timer(unsigned(cpu.tick_us));
    idle_loop();
}

} // namespace smp

void tlb_shoot_down(const PageTable& pt, Word va, unsigned size_log2) { smp::shoot_down(pt, va, size_log2); }
