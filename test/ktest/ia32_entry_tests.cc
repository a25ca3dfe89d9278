// ia32 kernel entry: sysenter and int 0x30 Ipc, the fast path and hostile
// register state around them (TF set across sysenter, bad data segments,
// forged local ids), ExchangeRegisters on threads blocked in either entry.
#if defined(__i386__)
#include "ktest.h"
#include "spaces.h"
#include "threads.h"
#include <l4/ipc.h>
#include <l4/thread.h>

using namespace ktest;

extern "C" const void* __l4_ipc_stub;

namespace {

constexpr L4_Word_t never = 0;

// An Ipc through the KIP stub with the register convention; MR0 in and out.
L4_Word_t raw_ipc(L4_Word_t to, L4_Word_t from_spec, L4_Word_t timeouts, L4_Word_t mr0, L4_Word_t* from)
{
    L4_Word_t eax = to, ecx = timeouts, edx = from_spec, esi = mr0, ebx;
    __asm__ __volatile__("push %%ebp\n\tcall *%[stub]\n\tpop %%ebp"
                         : "+a"(eax), "+c"(ecx), "+d"(edx), "+S"(esi), "=b"(ebx)
                         : "D"(__L4_Utcb()), [stub] "m"(__l4_ipc_stub)
                         : "memory", "cc");
    *from = eax;
    return esi;
}

// The same through int 0x30, as on a CPU without sysenter.
L4_Word_t int30_ipc(L4_Word_t to, L4_Word_t from_spec, L4_Word_t timeouts, L4_Word_t mr0, L4_Word_t* from,
                    L4_Word_t* mr1)
{
    L4_Word_t eax = to, ecx = timeouts, edx = from_spec, esi = mr0, ebx;
    __asm__ __volatile__("push %%ebp\n\tint $0x30\n\tpop %%ebp"
                         : "+a"(eax), "+c"(ecx), "+d"(edx), "+S"(esi), "=b"(ebx)
                         : "D"(__L4_Utcb())
                         : "memory", "cc");
    *from = eax;
    *mr1 = ebx;
    return esi;
}

bool failed(L4_Word_t tag) { return (tag & (1u << 15)) != 0; }

// Whether the CPU has sysenter (CPUID.1:EDX.SEP); the kernel then uses it.
bool cpu_has_sysenter()
{
    L4_Word_t a = 1, b, c = 0, d;
    __asm__ __volatile__("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
    return (d & (1u << 11)) != 0;
}

// An echo server: replies to each message with its label + 1.
void echo(L4_Word_t)
{
    L4_Word_t from, tag = raw_ipc(0, L4_anythread.raw, never, 0, &from);
    for (;;)
        tag = raw_ipc(from, L4_anythread.raw, never, ((tag >> 16) + 1) << 16, &from);
}

L4_Word_t label_of(L4_Word_t tag) { return tag >> 16; }

} // namespace

KTEST(ia32, sysenter_and_int30_interoperate)
{
    // A receiver blocked through int 0x30 is woken by a sysenter sender (the
    // fast path leaves into it with iret), and the reverse.
    struct Int30Server {
        static void run(L4_Word_t)
        {
            L4_Word_t from, mr1;
            L4_Word_t tag = int30_ipc(0, L4_anythread.raw, never, 0, &from, &mr1);
            for (;;)
                tag = int30_ipc(from, L4_anythread.raw, never, ((label_of(tag) + mr1) << 16) | 1, &from, &mr1);
        }
    };
    L4_ThreadId_t s = spawn(Int30Server::run, 0, 100);
    L4_Yield();
    L4_Word_t from;
    for (L4_Word_t i = 1; i <= 3; i++) {
        __L4_Utcb()[1] = 10 * i;
        L4_Word_t tag = raw_ipc(s.raw, s.raw, never, (i << 16) | 1, &from);
        CHECK(!failed(tag));
        CHECK_EQ(label_of(tag), 11 * i);
        CHECK_EQ(from, L4_LocalIdOf(s).raw);
    }
    reap(s);
}

KTEST(ia32, trap_flag_across_sysenter_is_harmless)
{
    // popf sets TF; the single-step trap comes after the next instruction,
    // sysenter, i.e. at the kernel's entry point on the sysenter stack.
    if (!cpu_has_sysenter()) {
        printf("    no sysenter on this CPU: nothing to test\n");
        return;
    }
    L4_ThreadId_t s = spawn(echo, 0, 100);
    L4_Yield();
    L4_Word_t* utcb = __L4_Utcb();
    for (int fastpath = 0; fastpath < 2; fastpath++) {
        L4_Word_t to = fastpath ? s.raw : 0, from_spec = fastpath ? s.raw : 0;
        L4_Word_t eax = to, ecx = never, edx = from_spec, esi = 5u << 16, ebx, flags;
        __asm__ __volatile__("push %%ebp\n\t"
                             "call 1f\n\t"
                             "jmp 2f\n"
                             "1: mov %%esp, %%ebp\n\t"
                             "pushf\n\t"
                             "orl $0x100, (%%esp)\n\t"
                             "popf\n\t"
                             "sysenter\n"
                             "2: pop %%ebp\n\t"
                             "pushf\n\t"
                             "pop %[flags]"
                             : "+a"(eax), "+c"(ecx), "+d"(edx), "+S"(esi), "=b"(ebx), [flags] "=r"(flags)
                             : "D"(utcb)
                             : "memory", "cc");
        CHECK_EQ(flags & 0x100, 0);   // the kernel returned with TF off
        if (fastpath) {
            CHECK(!failed(esi));
            CHECK_EQ(label_of(esi), 6);
        } else {
            CHECK_EQ(eax, 0);   // Ipc(nil, nil): nothing to do
        }
    }
    reap(s);
}

KTEST(ia32, bad_data_segments_do_not_reach_the_kernel)
{
    // Null, the UTCB segment (based at the current-UTCB page) and the user
    // code segment (not writable) in DS, ES and GS, on the fast and on the
    // general path: the kernel reads the right memory, and the partner
    // (here the echo server, which uses GS for its UTCB) runs with the X.2
    // segments.
    L4_ThreadId_t s = spawn(echo, 0, 100);
    L4_Yield();
    const L4_Word_t selectors[] = {0, 0x2b, 0x1b};
    for (L4_Word_t sel : selectors) {
        for (int fastpath = 0; fastpath < 2; fastpath++) {
            L4_Word_t to = fastpath ? s.raw : 0;
            L4_Word_t eax = to, ecx = never, edx = to, esi = 7u << 16, ebx;
            // The stub address goes in EBX (an output): no memory operand
            // may be used once DS is bad.
            ebx = (L4_Word_t)__l4_ipc_stub;
            __asm__ __volatile__("push %%ebp\n\t"
                                 "push %%ds\n\t"
                                 "push %%es\n\t"
                                 "push %%gs\n\t"
                                 "push %[sel]\n\t"
                                 "push %[sel]\n\t"
                                 "push %[sel]\n\t"
                                 "pop %%ds\n\t"
                                 "pop %%es\n\t"
                                 "pop %%gs\n\t"
                                 "call *%%ebx\n\t"
                                 "pop %%gs\n\t"
                                 "pop %%es\n\t"
                                 "pop %%ds\n\t"
                                 "pop %%ebp"
                                 : "+a"(eax), "+c"(ecx), "+d"(edx), "+S"(esi), "+b"(ebx)
                                 : "D"(__L4_Utcb()), [sel] "g"(sel)
                                 : "memory", "cc");
            if (fastpath) {
                CHECK(!failed(esi));
                CHECK_EQ(label_of(esi), 8);
            } else {
                CHECK_EQ(eax, 0);
            }
        }
    }
    reap(s);
}

namespace {
// A fake UTCB in our image: its MyGlobalId names a real thread elsewhere.
alignas(512) L4_Word_t fake_utcb[128];
} // namespace

KTEST(ia32, forged_local_ids_name_no_partner)
{
    L4_ThreadId_t elsewhere = spawn_in_new_space(command_loop);
    L4_Word_t fake = (L4_Word_t)&fake_utcb[64];   // its "MR0"
    fake_utcb[64 - 15] = elsewhere.raw;          // MyGlobalId
    const L4_Word_t ids[] = {
        fake,          // a forged UTCB naming a thread of another space
        0x30000040,    // unmapped user memory
        0xbfffffc0,    // the last local id below the kernel
        0xc0000040,    // kernel memory
        0xfffff040,    // the current-UTCB page
        0x40,          // the first page
    };
    for (L4_Word_t id : ids) {
        L4_Word_t from;
        L4_Word_t tag = raw_ipc(id, id, L4_Timeouts(L4_ZeroTime, L4_ZeroTime), 0, &from);
        CHECK(failed(tag));
        CHECK_EQ(L4_ErrorCode(), (2ul << 1) | 0);   // non-existing partner, send phase
    }
    reap_space_thread(elsewhere);
}

namespace {
volatile L4_Word_t redirected_to;
void land_here()
{
    redirected_to = 1;
    park();
}
void call_and_block(L4_Word_t partner)
{
    L4_Word_t from;
    (void)raw_ipc(partner, partner, never, 1u << 16, &from);
    redirected_to = 2;   // the call must not return normally
    park();
}
} // namespace

KTEST(ia32, exchange_registers_on_a_fast_path_waiter)
{
    // A thread that called a partner which never replies waits with only
    // its frame (fast path).  Its IP reads as the KIP's return point, and a
    // new IP plus an aborted receive sends it there through iret.
    redirected_to = 0;
    struct Silent {
        static void run(L4_Word_t)
        {
            L4_Word_t from;
            (void)raw_ipc(0, L4_anythread.raw, never, 0, &from);   // takes one message, never answers
            park();
        }
    };
    L4_ThreadId_t silent = spawn(Silent::run, 0, 100);
    L4_Yield();
    L4_ThreadId_t t = spawn(call_and_block, silent.raw, 100);
    L4_Yield();
    L4_Word_t ctl, sp, ip, flags, handle, d;
    L4_ThreadId_t pager;
    L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &ctl, &sp, &ip, &flags, &handle, &pager);
    CHECK(ctl & (1u << 1));   // receiving
    L4_Word_t kip = (L4_Word_t)L4_GetKernelInterface();
    CHECK(ip > kip && ip < kip + 4096);
    L4_ExchangeRegisters(t, (1u << 1) | (1u << 4), 0, (L4_Word_t)land_here, 0, 0, L4_nilthread, &ctl, &d,
                         &d, &d, &d, &pager);
    L4_Sleep(L4_TimePeriod(1000));
    CHECK_EQ(redirected_to, 1);
    reap(t);
    reap(silent);
}

#endif
