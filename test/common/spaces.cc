#include "spaces.h"
#include "ktest.h"
#include <l4/ipc.h>
#include <l4/kip.h>
#include <l4/thread.h>

extern "C" char __image_start[], _end[];

namespace ktest {

namespace {

constexpr unsigned max_children = 16;
constexpr unsigned stack_words = 1024;
constexpr L4_Word_t child_utcb_area = 0xbf000000;
constexpr unsigned child_utcb_log2 = 14;   // 32 UTCBs per child space

struct Child {
    bool used;
    L4_ThreadId_t id;
    L4_ThreadId_t space;
    ThreadFn fn;
    L4_Word_t arg;
    unsigned utcb_index;
};

Child children[max_children];
alignas(4096) L4_Word_t child_stacks[max_children][stack_words];
alignas(4096) char scratch[scratch_pages * 4096];
L4_ThreadId_t pager_id;

// A child finds its slot from its stack: child i runs on child_stacks[i].
[[noreturn]] void child_trampoline()
{
    char here;
    L4_Word_t offset = (L4_Word_t)&here - (L4_Word_t)child_stacks;
    Child& c = children[offset / sizeof child_stacks[0]];
    c.fn(c.arg);
    park();
}

bool in_image(L4_Word_t a) { return a >= (L4_Word_t)__image_start && a < (L4_Word_t)_end; }

[[noreturn]] void identity_pager_loop(L4_Word_t)
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait(&from);
    for (;;) {
        L4_Word_t address;
        L4_StoreMR(1, &address);
        bool fault = L4_IpcSucceeded(tag) && (L4_Label(tag) >> 4) == (kernel_label(-2) >> 4) &&
                     L4_UntypedWords(tag) == 2;
        if (!fault) {
            tag = L4_Wait(&from);   // not a page fault: ignore it
            continue;
        }
        L4_Word_t page = address & ~0xffful;
        L4_Word_t source = page;
        if (!in_image(address)) {
            pager_faults.last_address = address;
            pager_faults.last_access = L4_Label(tag) & 7;
            pager_faults.count = pager_faults.count + 1;
            source = scratch_page(scratch_pages - 1);
        }
        L4_Msg_t msg;
        L4_MsgClear(&msg);
        L4_MsgAppendMapItem(&msg, L4_MapItem(L4_FpageAddRights(L4_FpageLog2(source, 12), 7), page));
        L4_MsgLoad(&msg);
        tag = L4_ReplyWait(from, &from);
    }
}

L4_ThreadId_t create_child(L4_ThreadId_t space, ThreadFn fn, L4_Word_t arg, L4_ThreadId_t pager)
{
    if (L4_IsNilThread(pager))
        pager = identity_pager();
    L4_ThreadId_t me = main_thread();
    for (unsigned i = 0; i < max_children; i++) {
        if (children[i].used)
            continue;
        Child& c = children[i];
        L4_ThreadId_t id = fresh_thread_id();
        bool new_space = L4_IsNilThread(space);
        if (new_space)
            space = id;
        unsigned utcb_index = 0;
        if (!new_space)
            for (Child& o : children)
                if (o.used && o.space == space && o.utcb_index >= utcb_index)
                    utcb_index = o.utcb_index + 1;
        if (new_space) {
            L4_Word_t old;
            if (L4_ThreadControl(id, id, me, L4_nilthread, (void*)-1) != 1 ||
                L4_SpaceControl(id, 0, L4_FpageLog2((L4_Word_t)L4_GetKernelInterface(), 12),
                                L4_FpageLog2(child_utcb_area, child_utcb_log2), L4_nilthread, &old) != 1) {
                printf("    spawn_in_new_space: error %lu\n", L4_ErrorCode());
                return L4_nilthread;
            }
        }
        L4_KernelInterfacePage_t* kip = L4_GetKernelInterface();
        void* utcb = (void*)(child_utcb_area + utcb_index * L4_UtcbSize(kip));
        if (L4_ThreadControl(id, space, me, pager, utcb) != 1) {
            printf("    spawn in space: ThreadControl error %lu\n", L4_ErrorCode());
            return L4_nilthread;
        }
        c = {true, id, space, fn, arg, utcb_index};
        // The start-up message (IP, SP) must come from the pager: sent by us
        // on its behalf (propagation) unless we are the pager.
        L4_Word_t* sp = &child_stacks[i][stack_words - 4];
        L4_LoadMR(1, (L4_Word_t)child_trampoline);
        L4_LoadMR(2, (L4_Word_t)sp);
        L4_Set_MsgTag(L4_MsgTagMake(0, 2, 0));
        if (pager != me) {
            L4_MsgTag_t tag = L4_MsgTagMake(0, 2, 0);
            L4_Set_Propagation(&tag);
            L4_Set_VirtualSender(pager);
            L4_Set_MsgTag(tag);
        }
        if (L4_IpcFailed(L4_Send(id))) {
            printf("    start-up message failed: error %lu\n", L4_ErrorCode());
            return L4_nilthread;
        }
        return id;
    }
    return L4_nilthread;
}

} // namespace

FaultLog pager_faults;

void command_loop(L4_Word_t)
{
    L4_Accept(L4_MapGrantItems(L4_FpageLog2(command_window, command_window_log2)));
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait(&from);
    for (;;) {
        L4_Word_t w[5] = {};
        L4_StoreMRs(1, 5, w);
        L4_Word_t result[2] = {0, 0};
        if (L4_IpcSucceeded(tag)) {
            switch (w[0]) {
            case cmd_read: result[0] = *(volatile L4_Word_t*)w[1]; break;
            case cmd_write: *(volatile L4_Word_t*)w[1] = w[2]; break;
            case cmd_send_item: {
                L4_Set_MsgTag(L4_MsgTagMake(0, 1, 2));
                L4_LoadMR(1, cmd_nop);
                L4_LoadMR(2, w[2]);
                L4_LoadMR(3, w[3]);
                L4_MsgTag_t t = L4_Call((L4_ThreadId_t){w[1]});
                result[0] = t.raw;
                result[1] = L4_IpcFailed(t) ? L4_ErrorCode() : 0;
                break;
            }
            case cmd_unmap:
                L4_LoadMR(0, w[1]);
                L4_Unmap(w[2]);
                L4_StoreMR(0, &result[0]);
                break;
            default: break;
            }
        }
        L4_LoadMR(1, result[0]);
        L4_LoadMR(2, result[1]);
        L4_Set_MsgTag(L4_MsgTagMake(0, 2, 0));
        L4_Accept(L4_MapGrantItems(L4_FpageLog2(command_window, command_window_log2)));
        tag = L4_ReplyWait(from, &from);
    }
}

L4_MsgTag_t command(L4_ThreadId_t t, Command c, L4_Word_t a, L4_Word_t b, L4_Word_t d, L4_Word_t e)
{
    L4_Word_t w[5] = {c, a, b, d, e};
    L4_LoadMRs(1, 5, w);
    L4_Set_MsgTag(L4_MsgTagMake(0, 5, 0));
    return L4_Call_Timeouts(t, L4_TimePeriod(1000000), L4_TimePeriod(1000000));
}

L4_MsgTag_t give(L4_ThreadId_t t, L4_Word_t item_word0, L4_Fpage_t fpage)
{
    L4_LoadMR(1, cmd_nop);
    L4_LoadMR(2, item_word0);
    L4_LoadMR(3, fpage.raw);
    L4_Set_MsgTag(L4_MsgTagMake(0, 1, 2));
    return L4_Call_Timeouts(t, L4_TimePeriod(1000000), L4_TimePeriod(1000000));
}

L4_ThreadId_t identity_pager()
{
    if (L4_IsNilThread(pager_id))
        pager_id = spawn(identity_pager_loop, 0, 150);
    return pager_id;
}

L4_ThreadId_t spawn_in_new_space(ThreadFn fn, L4_Word_t arg, L4_ThreadId_t pager)
{
    return create_child(L4_nilthread, fn, arg, pager);
}

L4_ThreadId_t spawn_in_space(L4_ThreadId_t space_thread, ThreadFn fn, L4_Word_t arg, L4_ThreadId_t pager)
{
    return create_child(space_thread, fn, arg, pager);
}

void reap_space_thread(L4_ThreadId_t t)
{
    for (Child& c : children)
        if (c.used && c.id == t) {
            L4_ThreadControl(t, L4_nilthread, L4_nilthread, L4_nilthread, (void*)-1);
            c.used = false;
        }
}

L4_Word_t scratch_page(unsigned index) { return (L4_Word_t)&scratch[index * 4096]; }

} // namespace ktest
