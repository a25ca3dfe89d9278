// The KIP of this space and the Ipc/Lipc stubs in it, found at program
// start (X.2 KernelInterface; the discovery itself is per architecture).
#include <l4/syscalls.h>

L4_KernelInterfacePage_t* __l4_kip;
extern "C" {
const void* __l4_ipc_stub;
const void* __l4_lipc_stub;
}

void __l4_init()
{
    L4_Word_t version, flags, id;
    __l4_kip = static_cast<L4_KernelInterfacePage_t*>(L4_KernelInterface(&version, &flags, &id));
    auto* base = reinterpret_cast<const char*>(__l4_kip);
    __l4_ipc_stub = base + __l4_kip->ipc;
    __l4_lipc_stub = base + __l4_kip->lipc;
}
