#include "kdb.h"
#include "boot.h"
#include "console.h"
#include "cpu.h"
#include "exit_codes.h"
#include "kmem.h"
#include "platform.h"
#include "space.h"
#include "tcb.h"

namespace {

const char* state_name(ThreadState s)
{
    switch (s) {
    case ThreadState::Free: return "free";
    case ThreadState::Inactive: return "inactive";
    case ThreadState::Running: return "running";
    case ThreadState::Polling: return "polling";
    case ThreadState::Waiting: return "waiting";
    case ThreadState::Stopped: return "stopped";
    case ThreadState::Interrupt: return "interrupt";
    case ThreadState::Transfer: return "transfer";
    case ThreadState::WaitingLipc: return "waiting (lipc)";
    }
    return "?";
}

int read_char()
{
    int c;
    while ((c = platform::console_getc()) < 0)
        arch::cpu_relax();
    return c;
}

// Reads a line with echo and backspace; returns its length.
unsigned read_line(char* buf, unsigned size)
{
    unsigned n = 0;
    for (;;) {
        int c = read_char();
        if (c == '\r' || c == '\n') {
            kputs("\n");
            buf[n] = '\0';
            return n;
        }
        if ((c == 8 || c == 127) && n > 0) {
            n--;
            kputs("\b \b");
        } else if (c >= ' ' && n + 1 < size) {
            buf[n++] = char(c);
            kputc(char(c));
        }
    }
}

Word parse_hex(const char* s)
{
    Word v = 0;
    for (; *s == ' '; s++) {
    }
    for (; *s != '\0'; s++) {
        char c = *s;
        unsigned d = c >= '0' && c <= '9' ? unsigned(c - '0')
                     : c >= 'a' && c <= 'f' ? unsigned(c - 'a' + 10)
                     : c >= 'A' && c <= 'F' ? unsigned(c - 'A' + 10)
                                            : 16;
        if (d == 16)
            break;
        v = v * 16 + d;
    }
    return v;
}

void show_thread(const Tcb* t)
{
    kprintf("thread %lx (TCB %p): %s%s%s, prio %u, cpu %u, home %u, space %p\n", t->global_id.raw(), t,
            state_name(t->state), t->halted ? " halted" : "", t->in_transit ? " in transit" : "", t->priority,
            t->cpu ? t->cpu->id : 0, t->home ? t->home->id : 0, t->space);
    kprintf("  local id %lx, partner %lx, pager %lx, scheduler %lx\n", t->local_id, t->partner.raw(),
            t->pager().raw(), t->scheduler.raw());
    kprintf("  time slice %lu us (%ld left), quantum %lu us (%lu used), ready queue %s, wakeup %s\n",
            Word(t->timeslice_us), long(t->timeslice_left_us), Word(t->total_quantum_us),
            Word(t->quantum_used_us), t->in_ready_queue ? "yes" : "no", t->in_wakeup_queue ? "yes" : "no");
    if (t->state != ThreadState::Interrupt && t->space != nullptr)
        arch::dump_frame(*t->user_frame());
}

void list_threads()
{
    for (Word n = 0; n < Tcb::max_threads; n++) {
        const Tcb* t = Tcb::slot(n);
        if (t->exists())
            kprintf("  %6lx %-9s prio %3u cpu %u home %u%s%s%s\n", t->global_id.raw(), state_name(t->state),
                    t->priority, t->cpu ? t->cpu->id : 0, t->home ? t->home->id : 0,
                    t->in_transit ? " (in transit)" : "", t->in_wakeup_queue ? " (timeout)" : "",
                    t == Tcb::current() ? " (current)" : "");
    }
}

void show_ready_queues()
{
    for (unsigned c = 0; c < cpu_count; c++) {
        Cpu& cpu = cpus[c];
        kprintf("cpu %u: highest hint %d, idle %lx\n", c, cpu.ready.highest_hint(),
                cpu.idle ? cpu.idle->global_id.raw() : 0);
        for (int p = ReadyQueue<Tcb>::priorities - 1; p >= 0; p--) {
            Tcb* head = cpu.ready.head(unsigned(p));
            if (head == nullptr)
                continue;
            kprintf("  prio %3d:", p);
            const Tcb* t = head;
            do {
                kprintf(" %lx%s", t->global_id.raw(), t->is_runnable() ? "" : "(blocked)");
                t = t->ready_next;
            } while (t != head);
            kputs("\n");
        }
    }
}

void help()
{
    kputs("g           continue\n"
          "t [id]      show a thread (hex global id; default: current)\n"
          "l           list all threads\n"
          "q           show the ready queues\n"
          "m           kernel memory\n"
          "r           reset (end the machine)\n");
}

} // namespace

void kdb_enter(const char* reason)
{
    kprintf("\n--- kdb: %s ---\n", reason);
    if (boot_options.test_mode) {
        kputs("(test run: not waiting for commands)\n");
        return;
    }
    help();
    char line[64];
    for (;;) {
        kputs("kdb> ");
        read_line(line, sizeof line);
        switch (line[0]) {
        case 'g':
            return;
        case 't': {
            Word id = parse_hex(line + 1);
            const Tcb* t = id == 0 ? Tcb::current() : Tcb::lookup(ThreadId(id));
            if (t == nullptr)
                kprintf("no thread %lx\n", id);
            else
                show_thread(t);
            break;
        }
        case 'l':
            list_threads();
            break;
        case 'q':
            show_ready_queues();
            break;
        case 'm':
            kprintf("kernel pool: %lu of %lu pages free\n", kmem.free_pages(), kmem.total_pages());
            break;
        case 'r':
            platform::shutdown(exit_code::success);
        case '\0':
            break;
        default:
            help();
        }
    }
}
