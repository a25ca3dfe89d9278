#include "threads.h"
#include "ktest.h"

namespace ktest {

namespace {

constexpr unsigned max_threads = 48;
constexpr unsigned stack_words = 2048;

struct Slot {
    bool used;
    L4_ThreadId_t id;
    L4_Word_t utcb;
    ThreadFn fn;
    L4_Word_t arg;
};

Slot slots[max_threads];
alignas(16) L4_Word_t stacks[max_threads][stack_words];
L4_Word_t next_thread_number = 0;
bool utcb_used[2048];
L4_ThreadId_t root;

[[noreturn]] void trampoline()
{
    // The slot index is the thread's user-defined handle.
    Slot& s = slots[L4_UserDefinedHandle()];
    s.fn(s.arg);
    park();
}

} // namespace

void receive_one_string_and_report(void* buffer, L4_Word_t size, L4_Word_t timeout_us)
{
    L4_AcceptString(buffer, size);
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait_Timeout(L4_TimePeriod(timeout_us), &from);
    L4_LoadMR(1, tag.raw);
    L4_LoadMR(2, L4_IpcFailed(tag) ? L4_ErrorCode() : 0);
    L4_Set_MsgTag(L4_MsgTagMake(0x61, 2, 0));
    L4_Send_Timeout(main_thread(), L4_TimePeriod(timeout_us));
}

L4_ThreadId_t main_thread()
{
    if (L4_IsNilThread(root))
        root = L4_Myself();
    return root;
}

L4_ThreadId_t fresh_thread_id()
{
    L4_ThreadId_t me = main_thread();
    if (next_thread_number == 0)
        next_thread_number = L4_ThreadNo(me) + 16;
    return L4_GlobalId(next_thread_number++, 1);
}

L4_Word_t user_space_end()
{
    L4_KernelInterfacePage_t* kip = L4_GetKernelInterface();
    for (L4_Word_t i = 0; i < L4_NumMemoryDescriptors(kip); i++) {
        L4_MemoryDesc_t* d = L4_MemoryDesc(kip, i);
        if (L4_IsMemoryDescVirtual(d) && L4_MemoryDescType(d) == L4_ConventionalMemoryType)
            return L4_MemoryDescHigh(d) + 1;
    }
    return 0;
}

L4_Word_t free_utcb_slot()
{
    L4_KernelInterfacePage_t* kip = L4_GetKernelInterface();
    L4_Word_t base = my_utcb_location() & ~((1ul << 20) - 1);
    for (unsigned i = 1; i < (1u << 20) / L4_UtcbSize(kip); i++)
        if (!utcb_used[i]) {
            utcb_used[i] = true;
            return base + i * L4_UtcbSize(kip);
        }
    return 0;
}

void release_utcb_slot(L4_Word_t location)
{
    L4_KernelInterfacePage_t* kip = L4_GetKernelInterface();
    utcb_used[(location & ((1ul << 20) - 1)) / L4_UtcbSize(kip)] = false;
}

L4_ThreadId_t spawn(ThreadFn fn, L4_Word_t arg, L4_Word_t priority)
{
    L4_ThreadId_t me = main_thread();
    for (unsigned i = 0; i < max_threads; i++) {
        if (slots[i].used)
            continue;
        Slot& s = slots[i];
        s = {true, fresh_thread_id(), free_utcb_slot(), fn, arg};
        if (L4_ThreadControl(s.id, me, me, me, (void*)s.utcb) != 1) {
            printf("    spawn: ThreadControl failed, error %lu\n", L4_ErrorCode());
            release_utcb_slot(s.utcb);
            s.used = false;
            return L4_nilthread;
        }
        L4_Set_UserDefinedHandleOf(s.id, i);
        L4_Set_Priority(s.id, priority);
        L4_Start_SpIp(s.id, (L4_Word_t)&stacks[i][stack_words - 4], (L4_Word_t)trampoline);
        return s.id;
    }
    return L4_nilthread;
}

void reap(L4_ThreadId_t t)
{
    for (Slot& s : slots) {
        if (s.used && s.id == t) {
            L4_ThreadControl(t, L4_nilthread, L4_nilthread, L4_nilthread, (void*)-1);
            release_utcb_slot(s.utcb);
            s.used = false;
            return;
        }
    }
}

void park()
{
    for (;;)
        L4_Sleep(L4_Never);
}

} // namespace ktest
