// Randomized system-call stress: worker threads issue a seeded stream of
// system calls with random (mostly invalid) arguments.  Every call must
// return; at the end the kernel must still answer, every worker must have
// finished, and the kernel memory used by scratch threads must be back.
// On a multiprocessor the workers start spread over the CPUs and the main
// thread (their scheduler) keeps migrating them at random.
//
// Memory operations run in per-worker scratch regions of our own space:
// faults there are answered by the main thread (the workers' pager) with a
// dummy page; workers map, grant, string-copy and unmap within and between
// their regions.  Nothing outside the regions may ever be touched, so every
// receive window and string buffer lies inside the receiver's region, no
// random item may be a grant (it would take pages from the sender's image)
// and strings only come from places whose faults the main thread serves.
#include "ktest.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/kdebug.h>
#include <l4/kip.h>
#include <l4/thread.h>

using namespace ktest;

namespace {

constexpr unsigned workers = 6;
constexpr unsigned calls_per_worker = 20000;
constexpr L4_Word_t seed = 0xc0ffee;
constexpr unsigned scratch_count = 24;

L4_ThreadId_t worker_ids[workers];

// Worker i's scratch region: one 4 MiB page-directory slot each.
constexpr L4_Word_t region_base = 0x30000000;
constexpr unsigned region_log2 = 22;
L4_Word_t region_of(unsigned worker) { return region_base + (L4_Word_t(worker) << region_log2); }
bool in_regions(L4_Word_t a) { return a >= region_base && a < region_of(workers); }
bool is_worker(L4_ThreadId_t t)
{
    for (L4_ThreadId_t w : worker_ids)
        if (w.raw == t.raw || L4_LocalIdOf(w).raw == t.raw)
            return true;
    return false;
}
alignas(4096) char dummy_page[4096];   // what the main thread maps on faults
volatile L4_Word_t stray_faults;
volatile L4_Word_t memory_deliveries;   // messages with items received
L4_Word_t scratch_base;              // first scratch thread number
volatile L4_Word_t calls_done[workers];

struct Random {
    L4_Word_t state;
    L4_Word_t next()
    {
        // xorshift32/64: deterministic for a seed.
        state ^= state << 13;
        state ^= state >> (sizeof(L4_Word_t) == 4 ? 17 : 7);
        state ^= state << (sizeof(L4_Word_t) == 4 ? 5 : 17);
        return state;
    }
    L4_Word_t below(L4_Word_t n) { return next() % n; }
};

L4_ThreadId_t random_thread(Random& r)
{
    L4_KernelInterfacePage_t* kip = L4_GetKernelInterface();
    switch (r.below(9)) {
    case 0: return L4_nilthread;
    case 1: return L4_anythread;
    case 2: return L4_anylocalthread;
    case 3: return worker_ids[r.below(workers)];
    case 4: return L4_GlobalId(scratch_base + r.below(scratch_count), 1 + r.below(2));
    case 5: return L4_GlobalId(r.below(L4_ThreadIdUserBase(kip) + 8), 1);   // irq, kernel, root servers
    case 6: return (L4_ThreadId_t){r.next()};
    case 7: return (L4_ThreadId_t){r.next() & ~0x3ful};                      // a "local id"
    default: return L4_LocalIdOf(worker_ids[r.below(workers)]);
    }
}

L4_Word_t random_timeouts(Random& r)
{
    auto one = [&]() -> L4_Time_t {
        switch (r.below(4)) {
        case 0: return L4_ZeroTime;
        case 1: return L4_TimePeriod(1 + r.below(300));
        case 2: return L4_TimePoint2((L4_Clock_t){L4_SystemClock().raw + r.below(500)}, L4_SystemClock());
        default: {   // any encoding with at most ~1 s of wait: period or point
            L4_Word16_t raw = (L4_Word16_t)(r.next() & 0x83ff);
            raw = (L4_Word16_t)(raw | (raw & 0x8000 ? r.below(6) << 11 : r.below(11) << 10));
            return (L4_Time_t){(L4_Word16_t)(raw | 1)};
        }
        }
    };
    L4_Time_t s = one(), rcv = one();
    if (s.raw == 0)
        s = L4_ZeroTime;
    if (rcv.raw == 0)
        rcv = L4_ZeroTime;
    return L4_Timeouts(s, rcv);
}

// A random fpage inside worker w's region (4 KiB .. 4 MiB, aligned).
L4_Fpage_t region_fpage(Random& r, unsigned w)
{
    int size_log2 = 12 + (int)r.below(region_log2 - 12 + 1);
    L4_Word_t offset = r.below(1ul << (region_log2 - size_log2)) << size_log2;
    return L4_FpageAddRights(L4_FpageLog2(region_of(w) + offset, size_log2), r.below(8));
}

// An IPC carrying map/grant items of our region and strings, accepting
// mappings and strings into our region only.
void memory_ipc(Random& r, unsigned self)
{
    L4_Word_t base = region_of(self), size = 1ul << region_log2;
    L4_Msg_t m;
    L4_MsgClear(&m);
    for (L4_Word_t i = r.below(3); i > 0; i--)
        L4_MsgAppendWord(&m, r.next());
    for (L4_Word_t items = 1 + r.below(2); items > 0; items--) {
        L4_Fpage_t f = region_fpage(r, self);
        L4_Word_t send_base = r.next() & ~0x3fful;
        switch (r.below(4)) {
        case 0: L4_MsgAppendMapItem(&m, L4_MapItem(f, send_base)); break;
        case 1: L4_MsgAppendGrantItem(&m, L4_GrantItem(f, send_base)); break;
        default: {
            L4_Word_t length = r.below(3) == 0 ? r.below(5 * 4096) : r.below(300);
            L4_Word_t from;
            switch (r.below(4)) {
            case 0: from = (L4_Word_t)&calls_done; break;           // our (read-only use of the) image
            case 1: from = user_space_end() + r.below(1ul << 20); break;   // beyond user space: refused
            default: from = base + r.below(size - length); break;
            }
            L4_MsgAppendSimpleStringItem(&m, (const void*)from, length);
        }
        }
    }
    L4_MsgLoad(&m);
    L4_Set_XferTimeouts(random_timeouts(r));
    // Accept into our region only: mappings anywhere in it, strings into
    // one or two buffers inside it.
    L4_Word_t b1 = r.below(size / 2), l1 = r.below(size / 2 - b1 > 6 * 4096 ? 6 * 4096 : size / 2 - b1);
    L4_LoadBR(0, L4_FpageLog2(base, region_log2).raw | (r.below(4) ? 1 : 0));
    L4_LoadBR(1, L4_StringHeader(l1, 1, 0, r.below(2)));
    L4_LoadBR(2, base + b1);
    L4_LoadBR(3, L4_StringHeader(r.below(4096), 1, 0, 0));
    L4_LoadBR(4, base + size / 2 + r.below(size / 4));
    L4_ThreadId_t from;
    L4_ThreadId_t to = r.below(4) ? worker_ids[r.below(workers)] : random_thread(r);
    L4_ThreadId_t from_spec = r.below(2) ? L4_anythread : worker_ids[r.below(workers)];
    if (r.below(3) == 0)
        to = L4_nilthread;   // receive only
    L4_MsgTag_t tag = L4_Ipc(to, from_spec, random_timeouts(r), &from);
    if (L4_IpcSucceeded(tag) && L4_TypedWords(tag) != 0)
        memory_deliveries = memory_deliveries + 1;   // items arrived here
    L4_LoadBR(0, 0);   // random IPC elsewhere must find no window here
    L4_Set_XferTimeouts(0);
}

// Unmap parts of our region (flush or not, any rights), read the access
// status of random fpages anywhere (no rights: changes nothing), or touch a
// random word of our region (a page fault for the main thread).
void memory_unmap_or_touch(Random& r, unsigned self)
{
    switch (r.below(3)) {
    case 0: {
        unsigned n = 1 + unsigned(r.below(3));
        for (unsigned i = 0; i < n; i++)
            L4_LoadMR((int)i, region_fpage(r, self).raw);
        L4_Unmap((r.below(2) ? 0x40ul : 0) | (n - 1));
        break;
    }
    case 1:
        L4_LoadMR(0, r.next() & ~0xful);
        L4_Unmap(r.below(2) ? 0x40ul : 0);
        break;
    default: {
        volatile L4_Word_t* p = (volatile L4_Word_t*)(region_of(self) + (r.below(1ul << region_log2) & ~7ul));
        if (r.below(2))
            *p = r.next();
        else
            (void)*p;
    }
    }
}

void one_call(Random& r, unsigned self)
{
    L4_ThreadId_t me = main_thread();
    L4_Word_t d;
    L4_ThreadId_t p, from;
    switch (r.below(12)) {
    case 0:
    case 1:
    case 2: {   // IPC of any form
        L4_Word_t u = r.below(64), t = r.below(3) == 0 ? r.below(4) : 0;
        for (L4_Word_t i = 1; i <= u + t && i < 64; i++) {
            L4_Word_t w = r.next();
            if (i > u)
                w = (w & ~0xeul) | 0x8;   // typed words as map items: no grants, no random strings
            L4_LoadMR((int)i, w);
        }
        L4_Set_MsgTag((L4_MsgTag_t){(r.next() << 16) | (t << 6) | u | (r.below(4) == 0 ? 1u << 12 : 0)});
        L4_Set_VirtualSender(random_thread(r));
        L4_Ipc(random_thread(r), random_thread(r), random_timeouts(r), &from);
        break;
    }
    case 3: {   // ExchangeRegisters without touching IP/SP/halt of others; the pager stays main
        L4_ThreadId_t t = random_thread(r);
        L4_Word_t ctl = r.next() & ((1u << 1) | (1u << 2) | (1u << 5) | (1u << 6) | (1u << 7));
        L4_ExchangeRegisters(t, ctl, 0, 0, r.next(), r.next(), me, &d, &d, &d, &d, &d, &p);
        break;
    }
    case 4: {   // ThreadControl: scratch threads, or ids that must be refused
        L4_ThreadId_t t;
        switch (r.below(4)) {
        case 0: t = random_thread(r); break;
        default: t = L4_GlobalId(scratch_base + r.below(scratch_count), 1 + r.below(2)); break;
        }
        bool scratch = L4_IsGlobalId(t) && L4_ThreadNo(t) >= scratch_base &&
                       L4_ThreadNo(t) < scratch_base + scratch_count;
        bool refused_anyway = !L4_IsGlobalId(t) || L4_ThreadNo(t) < L4_ThreadIdUserBase(L4_GetKernelInterface());
        if (!scratch && !refused_anyway)
            break;   // never create threads the clean-up cannot find
        // Spaces: a new one, a scratch one, or ours (UTCBs then in a small window).
        L4_ThreadId_t space = r.below(4) == 0 ? L4_nilthread : r.below(3) ? t
                              : r.below(2) ? L4_GlobalId(scratch_base + r.below(scratch_count), 1) : me;
        L4_Word_t utcb = r.below(2) ? ~0ul : (space == me ? 0xbf0f0000 + r.below(32) * 512 : r.next() & ~0x1fful);
        L4_ThreadControl(t, space, r.below(4) ? me : random_thread(r),
                         r.below(2) ? L4_nilthread : random_thread(r), (void*)utcb);
        break;
    }
    case 5: {   // Schedule with random parameters (priority kept below main's)
        L4_Word_t prio = r.below(3) == 0 ? ~0ul : 1 + r.below(150);
        L4_Schedule(random_thread(r), r.below(2) ? ~0ul : r.next(), r.below(2) ? ~0ul : r.below(3), prio,
                    r.below(2) ? ~0ul : r.next(), &d);
        break;
    }
    case 6:
        L4_ThreadSwitch(random_thread(r));
        break;
    case 7: {   // SpaceControl on scratch spaces
        L4_ThreadId_t s = L4_GlobalId(scratch_base + r.below(scratch_count), 1);
        L4_SpaceControl(s, r.below(4) == 0 ? r.next() : 0, (L4_Fpage_t){r.next()}, (L4_Fpage_t){r.next()},
                        random_thread(r), &d);
        break;
    }
    case 8: {
        const L4_Word_t attributes[4] = {r.next(), r.next(), r.next(), r.next()};
        if (r.below(2))
            L4_ProcessorControl(r.below(3), r.next(), r.next(), r.next());
        else
            L4_MemoryControl(r.next() & ~0x3ful, attributes);   // no fpages (none in MRs)
        break;
    }
    case 9:
        memory_ipc(r, self);
        break;
    case 10:
        memory_unmap_or_touch(r, self);
        break;
    default:
        (void)L4_SystemClock();
        break;
    }
}

void worker(L4_Word_t index)
{
    Random r{seed + index * 7919};
    for (unsigned i = 0; i < calls_per_worker; i++) {
        one_call(r, unsigned(index));
        calls_done[index] = i + 1;
    }
    // A failed send leaves its error tag in MR0: set the tag for each try.
    do {
        L4_Set_MsgTag(L4_MsgTagMake(0x99, 0, 0));
    } while (L4_IpcFailed(L4_Send_Timeout(main_thread(), L4_TimePeriod(1000))));
    park();
}

} // namespace

KTEST(stress, random_system_calls)
{
    L4_ThreadId_t me = main_thread();
    scratch_base = L4_ThreadNo(me) + 200;
    dummy_page[0] = 1;   // present before the first fault needs it
    L4_Word_t free_before = L4_KDB_FreeKernelMemory();
    printf("    seed %lx, %u workers x %u calls\n", seed, workers, calls_per_worker);
    L4_Word_t cpus = L4_NumProcessors(L4_GetKernelInterface());
    printf("    %lu CPU%s\n", cpus, cpus == 1 ? "" : "s");
    for (unsigned i = 0; i < workers; i++) {
        worker_ids[i] = spawn(worker, i, 40 + i);
        CHECK(!L4_IsNilThread(worker_ids[i]));
        CHECK(L4_Set_ProcessorNo(worker_ids[i], i % cpus) != L4_SCHEDRESULT_ERROR);
    }
    unsigned finished = 0;
    L4_Word_t faults = 0, migrations = 0;
    Random mr{seed ^ 0x5a5a};
    for (unsigned polls = 0; finished < workers && polls < 200000; polls++) {
        if (cpus > 1 && polls % 8 == 0) {   // wherever the workers are, in whatever they do
            L4_ThreadId_t w = worker_ids[mr.below(workers)];
            if (L4_Set_ProcessorNo(w, mr.below(cpus)) != L4_SCHEDRESULT_ERROR)
                migrations++;
        }
        L4_ThreadId_t from;
        L4_MsgTag_t tag = L4_Wait_Timeout(L4_TimePeriod(cpus > 1 ? 20000 : 100000), &from);
        if (L4_IpcFailed(tag))
            continue;
        if (L4_Label(tag) == 0x99) {
            finished++;
        } else if ((L4_Label(tag) >> 4) == (kernel_label(-2) >> 4) && L4_UntypedWords(tag) == 2) {
            L4_Word_t address;
            L4_StoreMR(1, &address);
            if (!in_regions(address)) {
                // Scratch threads made with random start state fault
                // anywhere and stay blocked until they are deleted; a
                // worker must never fault outside its region.
                if (is_worker(from)) {
                    printf("    stray page fault of worker %lx at %lx\n", from.raw, address);
                    stray_faults = stray_faults + 1;
                }
                continue;
            }
            faults++;
            L4_Msg_t m;
            L4_MsgClear(&m);
            L4_MsgAppendMapItem(&m, L4_MapItem(L4_FpageAddRights(L4_FpageLog2((L4_Word_t)dummy_page, 12), 7),
                                               address & ~0xffful));
            L4_MsgLoad(&m);
            L4_Reply(from);
        }
    }
    L4_Word_t total = 0;
    for (L4_Word_t c : calls_done)
        total += c;
    printf("    %lu calls made, %u of %u workers finished, %lu region faults served, %lu messages with items, "
           "%lu migrations\n", total, finished, workers, faults, memory_deliveries, migrations);
    CHECK(cpus == 1 || migrations > 0);
    CHECK_EQ(finished, workers);
    CHECK_EQ(stray_faults, 0);
    CHECK(faults > 0 && memory_deliveries > 0);   // the memory operations did happen
    CHECK(total >= 100000);
    // Clean up: workers and every scratch thread (and with them their spaces).
    for (L4_ThreadId_t w : worker_ids)
        reap(w);
    for (unsigned i = 0; i < scratch_count; i++)
        for (L4_Word_t v = 1; v <= 2; v++)
            L4_ThreadControl(L4_GlobalId(scratch_base + i, v), L4_nilthread, L4_nilthread, L4_nilthread, (void*)-1);
    // Every mapping in the regions goes (the dummy page itself stays).
    for (unsigned w = 0; w < workers; w++) {
        L4_LoadMR(0, L4_FpageAddRights(L4_FpageLog2(region_of(w), region_log2), 7).raw);
        L4_Unmap(0x40);
    }
    for (unsigned irq = 0; irq < 16; irq++) {
        L4_ThreadId_t t = L4_GlobalId(irq, 1);
        L4_ThreadControl(t, t, L4_nilthread, t, (void*)-1);
    }
    L4_Word_t free_after = L4_KDB_FreeKernelMemory();
    printf("    kernel memory: %lu free pages before, %lu after\n", free_before, free_after);
    // Interrupt threads keep their TCB page once created, our space keeps
    // the UTCB pages of the scratch window (4) and the last-level page
    // tables of each region with their shadows (4 KiB tables of word-sized
    // entries: one per 4 MiB on 32-bit ports, two on 64-bit ones): allow
    // for those.
    constexpr L4_Word_t tables_per_region = (1ul << region_log2) / (4096 / sizeof(L4_Word_t) * 4096);
    CHECK(free_after + 16 + 4 + 2 * tables_per_region * workers >= free_before);
    // The kernel still answers.
    CHECK(L4_SystemClock().raw != 0);
}

int main()
{
    L4_Set_Priority(main_thread(), 200);
    return run_all();
}
