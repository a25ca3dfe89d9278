#include "kdebug.h"
#include "boot.h"
#include "console.h"
#include "cpu.h"
#include "kdb.h"
#include "kmem.h"
#include "lipc.h"
#include "space.h"
#include "platform.h"

namespace {

// Prints a user string in bounded chunks; stops at the first unreadable byte.
void print_user_string(Word address)
{
    char chunk[64];
    Word offset = 0;
    while (offset < 4096) {
        Word n = sizeof chunk - 1;
        while (n > 0 && !arch::copy_from_user(chunk, address + offset, n))
            n /= 2;   // the string may end right before an unmapped page
        if (n == 0)
            return;
        chunk[n] = '\0';
        kputs(chunk);
        for (Word i = 0; i < n; i++)
            if (chunk[i] == '\0')
                return;
        offset += n;
    }
}

} // namespace

Word kdebug(Tcb* t, KdebugOp op, Word arg)
{
    switch (op) {
    case KdebugOp::PrintChar:
        kputc(char(arg));
        return arg;
    case KdebugOp::PrintString:
        print_user_string(arg);
        return arg;
    case KdebugOp::ReadChar:
        return Word(SWord(platform::console_getc()));
    case KdebugOp::ReadCharBlocking: {
        int c;
        while ((c = platform::console_getc()) < 0)
            arch::cpu_relax();
        return Word(c);
    }
    case KdebugOp::Enter: {
        char reason[96];
        ksnprintf(reason, sizeof reason, "thread %lx entered the debugger", t->global_id.raw());
        if (arg != 0) {
            kputs("KD# ");
            print_user_string(arg);
            kputs("\n");
        }
        kdb_enter(reason);
        return 0;
    }
    case KdebugOp::Shutdown:
        if (!t->space->privileged) {
            kprintf("Chestnut: thread %lx may not shut the machine down\n", t->global_id.raw());
            return 0;
        }
        kprintf("Chestnut: shutdown requested by thread %lx, exit code %lu\n", t->global_id.raw(), arg);
        platform::shutdown(unsigned(arg));
    case KdebugOp::FreeKernelMemory:
        return t->space->privileged ? kmem.free_pages() : 0;
    case KdebugOp::InterruptAfter:
    case KdebugOp::FaultAfter:
        // The arch single-steps the thread and counts (arch::step_user).
        if (!t->space->privileged || arg == 0)
            return 0;
        t->step_budget = arg;
        t->step_as_fault = op == KdebugOp::FaultAfter;
        arch::start_single_step(*t->user_frame());
        return arg;
    case KdebugOp::LipcStatistics:
        if (!t->space->privileged)
            return 0;
        return arg == 0 ? lipc::statistics.kernel_calls : lipc::statistics.syncs;
    case KdebugOp::InterruptsTaken:
        if (!t->space->privileged || arg >= cpu_count)
            return 0;
        return __atomic_load_n(&cpus[arg].interrupts_taken, __ATOMIC_RELAXED);
    case KdebugOp::CurrentProcessor:
        return t->cpu->id;
    }
    return 0;
}
