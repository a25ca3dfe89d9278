// The demo root task `ninja run` boots: says hello from user mode.
#include <l4/print.h>
#include <l4/runtime.h>

int main()
{
    unsigned short cs;
    __asm__("mov %%cs, %0" : "=r"(cs));
    printf("hello from the Chestnut root task (user mode, privilege level %u)\n", cs & 3u);
    return 0;
}
