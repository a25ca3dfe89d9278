#include "exception.h"
#include "boot.h"
#include "console.h"
#include "exit_codes.h"
#include "platform.h"
#include "scheduler.h"

void stop_thread(Tcb* t, const char* why)
{
    kprintf("Chestnut: thread %lx stopped: %s\n", t->global_id.raw(), why);
    arch::dump_frame(*t->user_frame());
    t->state = ThreadState::Stopped;
    if (boot_options.test_mode && t->global_id.number() == thread_numbers::root_task)
        platform::shutdown(exit_code::root_task_died);
}

void user_exception(Tcb* t, Word vector, Word error, const char* name)
{
    char why[96];
    ksnprintf(why, sizeof why, "%s (vector %lu, error code %lx) and it has no exception handler",
              name, vector, error);
    stop_thread(t, why);
    schedule();
}
