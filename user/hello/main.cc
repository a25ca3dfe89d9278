// The demo root task `ninja run` boots: a user-mode hello and an IPC
// ping-pong between two threads of the root task.
#include "config.h"
#include <l4/ipc.h>
#include <l4/kip.h>
#include <l4/print.h>
#include <l4/runtime.h>
#include <l4/thread.h>

namespace {

alignas(16) char pong_stack[4096];

void pong()
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait(&from);
    for (;;) {
        L4_Word_t n;
        L4_StoreMR(1, &n);
        L4_LoadMR(1, n + 1);
        L4_Set_MsgTag(L4_MsgTagMake(0, 1, 0));
        tag = L4_ReplyWait(from, &from);
        (void)tag;
    }
}

} // namespace

int main()
{
    printf("hello from the Chestnut root task (" CONFIG_ARCH_NAME ", user mode)\n");

    L4_KernelInterfacePage_t* kip = L4_GetKernelInterface();
    L4_ThreadId_t me = L4_Myself();
    L4_ThreadId_t peer = L4_GlobalId(L4_ThreadNo(me) + 1, 1);
    L4_Word_t utcb = L4_MyLocalId().raw - 64 * sizeof(L4_Word_t) + L4_UtcbSize(kip);
    if (L4_ThreadControl(peer, me, me, me, (void*)utcb) != 1) {
        printf("ThreadControl failed: error %lu\n", L4_ErrorCode());
        return 1;
    }
    L4_Start_SpIp(peer, (L4_Word_t)(pong_stack + sizeof pong_stack), (L4_Word_t)pong);
    L4_Word_t value = 0;
    for (int i = 0; i < 5; i++) {
        L4_LoadMR(1, value);
        L4_Set_MsgTag(L4_MsgTagMake(0, 1, 0));
        L4_MsgTag_t tag = L4_Call(peer);
        if (L4_IpcFailed(tag)) {
            printf("ping failed: error %lx\n", L4_ErrorCode());
            return 1;
        }
        L4_StoreMR(1, &value);
        printf("ping %d -> %lu\n", i, value);
    }
    return 0;
}
