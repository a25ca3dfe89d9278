// The benchmark root task: instructions per IPC (one way, within a space
// and between spaces, by message size) and per TLB refill on CPUs that
// refill in software.  QEMU runs with -icount shift=0, so instructions are
// what a measurement means here; the cycle counter's ticks are converted
// with a ratio measured against a loop of known length (ia32: 1 tick per
// instruction, MIPS: CP0 Count every 6).
//
// Output: a table for people and one "BENCH <name> <value>" line per
// number (values in tenths of an instruction are printed as n.d).
#include "ktest.h"
#include "spaces.h"
#include "threads.h"
#include <l4/cycles.h>
#include <l4/ipc.h>
#include <l4/thread.h>

using namespace ktest;

namespace {

constexpr unsigned batches = 20;
constexpr unsigned round_trips = 100;

// Measurements are short: a tick count fits a word (and 32-bit CPUs then
// need no 64-bit division).
L4_Word_t ticks_between(L4_Word64_t start, L4_Word64_t end)
{
    L4_Word64_t d = end - start;
    return (L4_Word_t)(L4_CYCLE_COUNTER_BITS == 64 ? d : d & 0xffffffffull);
}

// A loop of `n` iterations with a known instruction count per iteration.
#if defined(__mips__)
constexpr unsigned loop_instructions = 3;   // daddiu, bnez, nop (delay slot)
void known_loop(L4_Word_t n)
{
    __asm__ __volatile__(".set push\n\t.set noreorder\n"
                         "1:\tdaddiu %0, %0, -1\n\t"
                         "bnez %0, 1b\n\t"
                         "nop\n\t"
                         ".set pop"
                         : "+r"(n));
}
#else
constexpr unsigned loop_instructions = 2;   // dec, jnz
void known_loop(L4_Word_t n) { __asm__ __volatile__("1: dec %0\n\tjnz 1b" : "+r"(n)); }
#endif

// Instructions per tick, in thousandths: the fastest of a few runs (a
// timer interrupt only makes a run slower).
L4_Word_t milli_instructions_per_tick()
{
    constexpr L4_Word_t n = 50000;
    L4_Word_t best = ~0ul;
    for (int i = 0; i < 8; i++) {
        L4_Word64_t t0 = L4_CycleCounter();
        known_loop(n);
        L4_Word_t t = ticks_between(t0, L4_CycleCounter());
        if (t < best)
            best = t;
    }
    return n * loop_instructions * 1000 / best;
}

L4_Word_t ratio_milli;

// Tenths of an instruction per operation for `ticks` spent on `ops`.
L4_Word_t tenths(L4_Word_t ticks, L4_Word_t ops) { return (ticks * ratio_milli / 100 + ops / 2) / ops; }

void report(const char* name, const char* what, L4_Word_t t)
{
    printf("| %-40s | %-26s | %6lu.%lu |\n", what, name, t / 10, t % 10);
    printf("BENCH %s %lu.%lu\n", name, t / 10, t % 10);
}

// The IPC partner: replies to every call with as many untyped words.
[[noreturn]] void echo(L4_Word_t)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait(&from);
    for (;;) {
        L4_Set_MsgTag(L4_MsgTagMake(0, L4_UntypedWords(tag), 0));
        tag = L4_ReplyWait(from, &from);
    }
}

// Ticks of the fastest batch of `round_trips` calls with `words` MRs.
L4_Word_t best_batch(L4_ThreadId_t server, unsigned words)
{
    for (unsigned i = 1; i <= words; i++)
        L4_LoadMR(int(i), i);
    L4_Word_t best = ~0ul;
    for (unsigned b = 0; b < batches; b++) {
        L4_Word64_t t0 = L4_CycleCounter();
        for (unsigned i = 0; i < round_trips; i++) {
            L4_Set_MsgTag(L4_MsgTagMake(0, words, 0));
            L4_Call(server);
        }
        L4_Word_t t = ticks_between(t0, L4_CycleCounter());
        if (t < best)
            best = t;
    }
    return best;
}

void ipc_table(const char* kind, L4_ThreadId_t server)
{
    static const unsigned sizes[] = {0, 1, 2, 4, 8, 16, 32, 63};
    L4_Call(server);   // warm up: the server's pages and TLB entries
    for (unsigned words : sizes) {
        char name[48], what[64];
        snprintf(name, sizeof name, "ipc_%s_%u", kind, words);
        snprintf(what, sizeof what, "one-way IPC, %s, %u MRs", kind, words);
        report(name, what, tenths(best_batch(server, words), 2 * round_trips));
    }
}

// The cost of entering and leaving the kernel: SystemClock, the cheapest
// system call.
void syscall_row()
{
    L4_Word_t best = ~0ul;
    for (unsigned b = 0; b < batches; b++) {
        L4_Word64_t t0 = L4_CycleCounter();
        for (unsigned i = 0; i < round_trips; i++)
            (void)L4_SystemClock();
        L4_Word_t t = ticks_between(t0, L4_CycleCounter());
        if (t < best)
            best = t;
    }
    report("syscall_system_clock", "SystemClock system call", tenths(best, round_trips));
}

#if defined(__mips__)
// TLB refill cost: loads from 1024 different page pairs (8 MiB: every one
// misses in a 64-entry TLB) against the same number of loads from 8 pairs
// (every one hits); the difference per load is one refill.
constexpr L4_Word_t pair = 8192, region_pairs = 1024;
alignas(8192) char region[region_pairs * pair];

L4_Word_t best_sweep(L4_Word_t pairs_used)
{
    L4_Word_t best = ~0ul;
    for (int r = 0; r < 8; r++) {
        L4_Word_t sum = 0;
        L4_Word64_t t0 = L4_CycleCounter();
        for (L4_Word_t i = 0; i < region_pairs; i++)
            sum += *(volatile L4_Word_t*)&region[(i % pairs_used) * pair];
        L4_Word_t t = ticks_between(t0, L4_CycleCounter());
        if (t < best)
            best = t;
        (void)sum;
    }
    return best;
}

void tlb_table()
{
    for (L4_Word_t i = 0; i < region_pairs; i++)
        region[i * pair] = 1;   // every page mapped, referenced and dirty
    L4_Word_t miss = best_sweep(region_pairs), hit = best_sweep(8);
    report("tlb_refill", "TLB refill (miss minus hit, per load)", tenths(miss - hit, region_pairs));
}
#endif

} // namespace

int main()
{
    L4_Set_Priority(main_thread(), 100);
    ratio_milli = milli_instructions_per_tick();
    printf("bench: %lu.%03lu instructions per cycle-counter tick\n", ratio_milli / 1000, ratio_milli % 1000);
    printf("| %-40s | %-26s | %8s |\n", "operation", "name", "instr.");
    printf("|------------------------------------------|----------------------------|----------|\n");
    syscall_row();
    ipc_table("intra", spawn(echo, 0, 100));
    ipc_table("inter", spawn_in_new_space(echo));
#if defined(__mips__)
    tlb_table();
#endif
    printf("bench: done\n");
    return 0;
}
