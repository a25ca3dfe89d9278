#include "arch_contract.h"
#include "assert.h"
#include "boot.h"
#include "console.h"
#include "cpu.h"
#include "exit_codes.h"
#include "kdb.h"
#include "platform.h"

void panic(const char* fmt, ...)
{
    arch::disable_interrupts();
    kputs("\nPANIC: ");
    va_list args;
    va_start(args, fmt);
    kvprintf(fmt, args);
    va_end(args);
    if (cpus[0].idle != nullptr) {   // threads exist: say where
        Tcb* t = Tcb::current();
        kprintf("\n  on CPU %u in thread %lx", t->cpu->id, t->global_id.raw());
    }
    kputs("\n  backtrace:");
    arch::backtrace([](Word ip) { kprintf(" %lx", ip); });
    kputs("\n");
    if (boot_options.test_mode)
        platform::shutdown(exit_code::panic);
    for (;;)
        kdb_enter("kernel panic; 'r' resets the machine");
}

void assert_failed(const char* expr, const char* file, unsigned line)
{
    panic("assertion '%s' failed at %s:%u", expr, file, line);
}
