// sigma0: the root pager.  It owns all free physical memory and serves it
// with the X.2 sigma0 protocol.
#include <l4/ipc.h>
#include <l4/kdebug.h>
#include <l4/print.h>
#include <l4/runtime.h>

int main()
{
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait(&from);
    for (;;) {
        if (L4_IpcFailed(tag)) {
            tag = L4_Wait(&from);
            continue;
        }
        // Mappings arrive with the memory issue (#4); until then every
        // request gets an empty reply.
        L4_Set_MsgTag(L4_Niltag);
        tag = L4_ReplyWait(from, &from);
    }
}
