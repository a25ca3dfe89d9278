// The benchmark root task: instructions per operation, measured with the
// cycle counter, which counts executed instructions under QEMU's
// -icount shift=0 (DESIGN.md section 7).  Every figure is the minimum over
// several repetitions of a loop (a timer tick inside a loop only adds), in
// instructions per operation, loop overhead included.  Output: a table for
// people and one "BENCH <name> <value>" line per figure for the runner,
// which records and plots them (test/bench/results/).
#include "ipc_arch.h"
#include "spaces.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/kdebug.h>
#include <l4/print.h>
#include <l4/thread.h>

using namespace ktest;

namespace {

constexpr unsigned repetitions = 7;
constexpr unsigned rounds = 200;
constexpr L4_Word_t never = 0;   // Timeouts word: never, never

L4_Word_t* utcb() { return __L4_Utcb(); }

void report(const char* name, L4_Word_t total, unsigned ops)
{
    L4_Word_t value = (total + ops / 2) / ops;
    printf("  %-28s %8lu\n", name, value);
    printf("BENCH %s %lu\n", name, value);
}

// Runs body() `rounds` times per repetition; returns the least total (a
// word: totals stay far below 2^32, and 32-bit code has no 64-bit divide).
template <class Body> L4_Word_t least(Body body)
{
    L4_Word_t best = ~0ul;
    for (unsigned r = 0; r < repetitions; r++) {
        L4_Word64_t t0 = bench::cycles();
        for (unsigned i = 0; i < rounds; i++)
            body();
        L4_Word_t t = (L4_Word_t)(bench::cycles() - t0);
        if (t < best)
            best = t;
    }
    return best;
}

// --- ping-pong partners ---

// Echo server: replies to every message with a message of the same shape
// (untyped words, and strings into/from its buffer when asked).
alignas(4096) char server_buffer[64 * 1024 + 4096];
alignas(4096) char client_buffer[64 * 1024 + 4096];
volatile L4_Word_t string_size;   // 0: no strings

void accept_strings(char* buffer)
{
    L4_Word_t n = string_size;
    if (n == 0) {
        L4_LoadBR(0, 0);
        return;
    }
    L4_AcceptString(buffer, n);
}

// Loads a reply/request of `u` untyped words plus, when strings are on, one
// string of string_size bytes from `buffer`; returns MR0.
L4_Word_t load_message(L4_Word_t u, char* buffer)
{
    L4_Word_t n = string_size;
    if (n == 0)
        return L4_MsgTagMake(0, u, 0).raw;
    L4_Word_t* mr = utcb();
    mr[u + 1] = L4_StringHeader(n, 1, 0, 0);
    mr[u + 2] = (L4_Word_t)buffer;
    return L4_MsgTagMake(0, u, 2).raw;
}

// A reply-and-wait loop as lean as a real server's: the reply has as many
// untyped words as the request.
template <bool Lipc> void echo_server(L4_Word_t)
{
    // Lipc servers wait for any local thread, as LreplyWait does.
    const void* const* stub = Lipc ? &__l4_lipc_stub : &__l4_ipc_stub;
    const L4_Word_t any = Lipc ? L4_anylocalthread.raw : L4_anythread.raw;
    L4_Word_t* u = utcb();
    L4_Word_t from;
    L4_Word_t tag = bench::ipc(stub, 0, any, never, 0, u, &from);
    for (;;)
        tag = bench::ipc(stub, from, any, never, tag & 0x3f, u, &from);
}

// A server that replies to one client it names by its global id (within a
// space the reply then needs no local-id lookup).
void global_echo_server(L4_Word_t client)
{
    L4_Word_t* u = utcb();
    L4_Word_t from;
    L4_Word_t tag = bench::ipc(&__l4_ipc_stub, 0, L4_anythread.raw, never, 0, u, &from);
    for (;;)
        tag = bench::ipc(&__l4_ipc_stub, client, L4_anythread.raw, never, tag & 0x3f, u, &from);
}

// The same with one string each way (string_size bytes), accepted into a
// buffer of the same size.
void string_echo_server(L4_Word_t)
{
    L4_Word_t* u = utcb();
    accept_strings(server_buffer);
    L4_Word_t from;
    (void)bench::ipc_utcb(&__l4_ipc_stub, 0, L4_anythread.raw, never, 0, u, &from);
    for (;;) {
        accept_strings(server_buffer);
        (void)bench::ipc_utcb(&__l4_ipc_stub, from, L4_anythread.raw, never, load_message(0, server_buffer), u, &from);
    }
}

// Measures one-way IPC with `u` untyped words against `server` (round trip / 2).
L4_Word_t one_way(const void* const* stub, L4_ThreadId_t server, L4_Word_t u)
{
    L4_Word_t* mr = utcb();
    for (L4_Word_t i = 1; i <= u; i++)
        mr[i] = i;
    L4_Word_t from, tag = u;
    bool ok = true;
    L4_Word_t t = least([&] { tag = bench::ipc(stub, server.raw, server.raw, never, u, mr, &from); });
    ok = (tag & (1u << 15)) == 0;
    if (!ok)
        printf("  IPC with %lu words failed: error %lx\n", u, L4_ErrorCode());
    return ok ? t / (2 * rounds) : 0;
}

// One-way string IPC of string_size bytes each way (round trip / 2).
L4_Word_t string_one_way(L4_ThreadId_t server)
{
    L4_Word_t* mr = utcb();
    L4_Word_t from, tag = 0;
    // Priming: the server re-arms its buffer after each message, so the
    // first call after string_size changed may overflow; this also faults
    // the buffers in.
    for (int i = 0; i < 2; i++) {
        accept_strings(client_buffer);
        (void)bench::ipc_utcb(&__l4_ipc_stub, server.raw, server.raw, never, load_message(0, client_buffer), mr, &from);
    }
    L4_Word_t t = least([&] {
        accept_strings(client_buffer);
        tag = bench::ipc_utcb(&__l4_ipc_stub, server.raw, server.raw, never, load_message(0, client_buffer), mr, &from);
    });
    if ((tag & (1u << 15)) != 0) {
        printf("  string IPC of %lu bytes failed: error %lx\n", string_size, L4_ErrorCode());
        return 0;
    }
    return t / (2 * rounds);
}

// What the measuring loop itself costs per one-way IPC: the same loop
// around a stub that only returns (bench_null_stub), i.e.
// loading the registers, the call and the return, and the loop.
L4_Word_t loop_overhead()
{
    L4_Word_t* mr = utcb();
    L4_Word_t from;
    const void* null_stub = (const void*)bench::bench_null_stub;
    L4_Word_t t = least([&] { (void)bench::ipc(&null_stub, 1, 1, never, 0, mr, &from); });
    return t / rounds;
}

void report_value(const char* name, L4_Word_t value)
{
    printf("  %-28s %8lu\n", name, value);
    printf("BENCH %s %lu\n", name, value);
}

const L4_Word_t mr_counts[] = {0, 1, 2, 3, 4, 8, 16, 32, 63};

void ipc_series(const char* kind, const void* const* stub, L4_ThreadId_t server)
{
    char name[48];
    for (L4_Word_t u : mr_counts) {
        snprintf(name, sizeof name, "%s_mr%lu", kind, u);
        report_value(name, one_way(stub, server, u));
    }
}

// --- map, unmap, thread creation, null system call ---

void map_and_unmap(L4_ThreadId_t server)
{
    // The server is command_loop (spaces.h): it accepts mappings into its
    // command window.  One round: a call carrying a map item of one page,
    // then an Unmap of that page revoking the server's copy.
    L4_Word_t page = scratch_page(3);
    *(volatile L4_Word_t*)page = 1;
    L4_Fpage_t f = L4_FpageAddRights(L4_FpageLog2(page, 12), 7);
    L4_Word_t plain = least([&] { (void)command(server, cmd_nop); });
    L4_Word_t mapped = least([&] {
        (void)give(server, command_window | 0x8, f);
        L4_LoadMR(0, f.raw);
        L4_Unmap(0);
    });
    L4_Word_t map_only = least([&] { (void)give(server, command_window | 0x8, f); });
    // map_only maps the same page over itself after the first round: the
    // real figure is mapped - unmap, with unmap = mapped - map_only.
    L4_Word_t unmap = (mapped > map_only ? mapped - map_only : 0) / rounds;
    L4_Word_t map = (mapped - plain) / rounds - unmap;
    report_value("map_one_page", map);
    report_value("unmap_one_page", unmap);
}

void thread_create_delete()
{
    L4_ThreadId_t me = main_thread();
    L4_Word_t slot = free_utcb_slot();
    L4_ThreadId_t t = fresh_thread_id();
    bool ok = true;
    L4_Word_t total = least([&] {
        ok = ok && L4_ThreadControl(t, me, me, L4_nilthread, (void*)slot) == 1;
        ok = ok && L4_ThreadControl(t, L4_nilthread, L4_nilthread, L4_nilthread, (void*)-1) == 1;
    });
    release_utcb_slot(slot);
    report_value("thread_create_delete", ok ? total / rounds : 0);
}

void null_syscalls()
{
    L4_Word_t from;
    L4_Word_t* u = utcb();
    report("null_ipc", least([&] { (void)bench::ipc(&__l4_ipc_stub, 0, 0, never, 0, u, &from); }), rounds);
    report("system_clock", least([] { (void)L4_SystemClock(); }), rounds);
}

#if defined(__mips__)
// The software TLB refill: loads from 1024 different page pairs (8 MiB,
// far beyond the 64-entry TLB: nearly every load misses) against as many
// loads from 8 pairs (all hit); the difference per load is one refill.
constexpr L4_Word_t pair_bytes = 8192, region_pairs = 1024;
alignas(8192) char tlb_region[region_pairs * pair_bytes];

L4_Word_t sweep(L4_Word_t pairs_used)
{
    L4_Word_t best = ~0ul;
    for (unsigned r = 0; r < repetitions; r++) {
        L4_Word_t sum = 0;
        L4_Word64_t t0 = bench::cycles();
        for (L4_Word_t i = 0; i < region_pairs; i++)
            sum += *(volatile L4_Word_t*)&tlb_region[(i % pairs_used) * pair_bytes];
        L4_Word_t t = (L4_Word_t)(bench::cycles() - t0);
        if (t < best)
            best = t;
        (void)sum;
    }
    return best;
}

void tlb_refill()
{
    for (L4_Word_t i = 0; i < region_pairs; i++)
        tlb_region[i * pair_bytes] = 1;   // every page mapped, referenced and dirty
    L4_Word_t miss = sweep(region_pairs), hit = sweep(8);
    report_value("tlb_refill", (miss - hit + region_pairs / 2) / region_pairs);
}
#endif

// Cross-CPU IPC (seed 002): the client on CPU 0, the server on CPU 1.  A
// message makes its sender travel to the receiver's CPU and back (two IPIs
// per one-way IPC); icount's clock is shared, so the figures count the
// instructions of both CPUs.
void cross_cpu_ipc()
{
    L4_ThreadId_t server = spawn(echo_server<false>, 0, 200);
    if (L4_Set_ProcessorNo(server, 1) == L4_SCHEDRESULT_ERROR) {
        printf("  moving the server to CPU 1 failed: error %lx\n", L4_ErrorCode());
        return;
    }
    L4_Yield();
    report_value("ipc_xcpu_mr0", one_way(&__l4_ipc_stub, server, 0));
    report_value("ipc_xcpu_mr8", one_way(&__l4_ipc_stub, server, 8));
    reap(server);
}

} // namespace

int main()
{
    L4_Set_Priority(main_thread(), 200);
    printf("bench: instructions per operation (QEMU icount), least of %u x %u\n", repetitions, rounds);
    if (L4_NumProcessors(L4_GetKernelInterface()) > 1) {
        // On several CPUs only what needs them; the rest is measured on one.
        cross_cpu_ipc();
        printf("bench: done\n");
        return 0;
    }
    null_syscalls();

    L4_ThreadId_t inter = spawn_in_new_space(echo_server<false>);
    L4_ThreadId_t intra = spawn(echo_server<false>, 0, 200);
    L4_ThreadId_t local = spawn(echo_server<true>, 0, 200);
    L4_Yield();
    ipc_series("ipc_inter", &__l4_ipc_stub, inter);
    ipc_series("ipc_intra", &__l4_ipc_stub, intra);
    ipc_series("lipc", &__l4_lipc_stub, L4_LocalIdOf(local));   // Lipc takes local ids
    L4_ThreadId_t intra_global = spawn(global_echo_server, main_thread().raw, 200);
    L4_Yield();
    report_value("ipc_intra_global_mr0", one_way(&__l4_ipc_stub, intra_global, 0));
    reap(intra_global);

    report_value("bench_loop_overhead", loop_overhead());

    const L4_Word_t sizes[] = {4, 64, 256, 1024, 4096, 16384, 65536};
    char name[48];
    L4_ThreadId_t strings = spawn_in_new_space(string_echo_server);
    for (L4_Word_t s : sizes) {
        string_size = s;
        snprintf(name, sizeof name, "string_inter_%lu", s);
        report_value(name, string_one_way(strings));
    }
    string_size = 0;
    reap_space_thread(strings);

    L4_ThreadId_t commands = spawn_in_new_space(command_loop);
    map_and_unmap(commands);
    thread_create_delete();
#if defined(__mips__)
    tlb_refill();
#endif
    reap_space_thread(commands);
    reap_space_thread(inter);
    reap(intra);
    reap(local);
    printf("bench: done\n");
    return 0;
}
