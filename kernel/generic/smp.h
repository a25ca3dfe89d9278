// Multiprocessor support (seed 002, the L4-SMP thesis).
//
// One kernel instance for all CPUs (implementation decision 1) with
// dispatching strictly per CPU (design decision 1): a CPU's ready and wakeup
// queues, FPU owner and active space are touched only by that CPU, with
// interrupts disabled.  Every operation that changes a thread runs on the
// CPU the thread is on (implementation decision 3).
//
// To act on a thread elsewhere, a thread travels: travel_to() hands the
// calling thread's kernel execution to the other CPU (its TCB and kernel
// stack are shared memory).  It leaves this CPU's dispatching, this CPU
// posts it into the target's mailbox once it has switched away from its
// stack (finish_switch), and the target's IPI handler makes it runnable
// there.  So cross-CPU IPC, ExchangeRegisters, ThreadControl and Schedule
// run the uniprocessor code on the partner's CPU (the message moves on the
// receiver's CPU: implementation decision 2).
//
// Where threads are (the invariants the rest of the kernel relies on):
// - A thread's user code runs only on its home CPU; a thread returns home
//   before it enters user mode.  Schedule's processor number changes the
//   home: that is the only migration (design decisions 1 and 2), and the
//   home changes only on the old home CPU, which first releases the senders
//   polling there (they retry and see the new home).
// - A thread waits in a receive phase only at home; a sender polls at its
//   receiver's home; so a thread's send queue and everything waiting for it
//   are on its home CPU.  A receiver away from home sets itself Waiting
//   (with its timeout) before it travels home blocked, and a blocked thread
//   whose home changes moves to the new home still blocked (move_blocked);
//   a sender that finds its receiver Waiting but still arriving waits for
//   the arrival, so no wake-up is lost on the way (test/model/).
// - A thread being acted on stays put: only a running thread travels, and
//   whoever acts on a thread does so on the thread's CPU with interrupts
//   disabled.  A thread in transit is acted on once it arrived.
// - Short operations that carry no thread are Requests the target's IPI
//   handler runs: MMU requests (TLB shootdown, dropping a dying space) and
//   interrupt delivery.  MMU requests touch nothing but the MMU, so a CPU
//   serves them wherever it waits, even spinning for the kernel lock.
// - A CPU waiting for another holds no spinlock but the kernel lock, and
//   while it waits it serves its mailbox's MMU requests, so two CPUs
//   waiting for each other progress.
#pragma once

#include "spinlock.h"
#include "tcb.h"

struct Cpu;
class PageTable;
class Space;

namespace smp {

// A short operation for another CPU's IPI handler.
struct Request {
    Request* next = nullptr;
    void (*run)(Request&) = nullptr;
    bool mmu = false;    // touches only the MMU: may run wherever the CPU waits
    bool done = false;   // set (release) by the target after run()
};

// A CPU's mailbox: threads arriving, and requests in the order posted.
struct Mailbox {
    Spinlock lock;
    Tcb* arrivals = nullptr;
    Tcb* arrivals_tail = nullptr;
    Request* mmu = nullptr;
    Request* mmu_tail = nullptr;
    Request* other = nullptr;
    Request* other_tail = nullptr;
};

// Whether CPUs other than the boot CPU run (the kernel lock and TLB
// shootdowns are needed only then).
[[nodiscard]] bool others_running();

// Boot: starts the other CPUs the platform reports (each reports in or is
// left out); the entry of an application processor, on its idle thread.
void start_secondary_cpus();
NORETURN void secondary_cpu_main();

// The calling thread continues on `target` (returns there).
void travel_to(Cpu& target);
// Travel to where thread `id` is (until it is here and not in transit) /
// to its home; return it, or nullptr once it no longer exists.  Only pass
// ids: a TCB can die on the way.
[[nodiscard]] Tcb* go_to(ThreadId id);
[[nodiscard]] Tcb* go_to_home_of(ThreadId id);
// The calling thread goes home (before user mode, before a receive phase).
void go_home();
// Moves a thread blocked on this CPU to `target`, still blocked (with its
// timeout); it arrives there as a travelling thread does.
void move_blocked(Tcb* t, Cpu& target);

// Posts r to `target` and returns at once / once it ran.
void post(Cpu& target, Request& r);
void call(Cpu& target, Request& r);

// The IPI handler: arrivals and all requests.  serve_mmu_requests() is what
// a CPU does wherever it waits for another.
void serve_mailbox();
void serve_mmu_requests();

// Right after every thread switch, on the CPU that switched: hands a
// thread that is travelling to its target.
void finish_switch();

// A synchronous TLB flush of [va, va + 2^size_log2) of the space with page
// table `pt` on the other CPUs that may cache its translations (see smp.cc
// for which those are), and of a kernel mapping on all other CPUs.
void shoot_down(const PageTable& pt, Word va, unsigned size_log2);
void shoot_down_kernel(Word va);
// Makes every CPU drop `space` as its active space (it is about to die).
void forget_space(Space* space);

} // namespace smp
