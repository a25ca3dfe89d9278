// sigma0: the root pager.  It owns all free physical memory and serves it
// with the X.2 sigma0 protocol once the kernel's IPC lands.
#include <l4/kdebug.h>
#include <l4/runtime.h>

int main()
{
    for (;;)
        L4_KDB_Enter("sigma0: no IPC yet");
}
