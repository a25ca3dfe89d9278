// Program start: constructors, main(), and the end of the program.
#include <l4/kdebug.h>
#include <l4/runtime.h>
#include <l4/syscalls.h>

extern "C" {
typedef void (*Constructor)();
extern Constructor __init_array_start[], __init_array_end[];
extern char __image_start[], _end[];

[[noreturn]] void __l4_start()
{
    __l4_init();
    // Touch the whole image once, so its pages are this thread's before any
    // other thread runs: sigma0 gives a page to the first thread that asks,
    // and refuses everyone else.
    for (volatile char* p = __image_start; p < _end; p += 4096)
        (void)*p;
    for (Constructor* c = __init_array_start; c != __init_array_end; c++)
        (*c)();
    l4_exit(L4_Word_t(main()));
}
}

void l4_exit(L4_Word_t code)
{
    L4_KDB_Shutdown(code);
    for (;;)
        L4_KDB_Enter("l4_exit: shutdown refused");
}
