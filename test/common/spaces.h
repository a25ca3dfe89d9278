// Helpers for test cases that need more address spaces.  Child spaces run
// the test program's own code: an identity pager thread of the root task
// answers their page faults on the program image by mapping the root task's
// page at the same address.
#pragma once

#include "threads.h"

namespace ktest {

// The root task's identity pager (started on first use).  Faults outside
// the program image are counted and resolved with a dummy page.
L4_ThreadId_t identity_pager();
struct FaultLog {
    volatile L4_Word_t count;
    volatile L4_Word_t last_address;
    volatile L4_Word_t last_access;
};
extern FaultLog pager_faults;

// Creates a new space (KIP and UTCB areas as the root task's) with one
// thread running fn(arg) on a stack of its own, paged by `pager` (default:
// the identity pager).  Returns the thread, which names the space.
L4_ThreadId_t spawn_in_new_space(ThreadFn fn, L4_Word_t arg = 0, L4_ThreadId_t pager = L4_nilthread);

// A second thread in the space of `space_thread`.
L4_ThreadId_t spawn_in_space(L4_ThreadId_t space_thread, ThreadFn fn, L4_Word_t arg = 0,
                             L4_ThreadId_t pager = L4_nilthread);

// Deletes a thread made by the two functions above (the last one takes its
// space with it).
void reap_space_thread(L4_ThreadId_t t);

// A page-aligned scratch area of the root task's image, free for tests to
// map around: `scratch_pages` pages starting at scratch_page(0); the last
// one is the identity pager's dummy page.
L4_Word_t scratch_page(unsigned index);
constexpr unsigned scratch_pages = 64;

// Child threads that serve commands (below) from anyone, accepting
// mappings into [command_window, +2^command_window_log2).
constexpr L4_Word_t command_window = 0x30000000;
constexpr unsigned command_window_log2 = 28;
enum Command : L4_Word_t { cmd_nop, cmd_read, cmd_write, cmd_send_item, cmd_unmap };
[[noreturn]] void command_loop(L4_Word_t);

// Sends a command and returns the reply tag; MR1.. hold the reply.
L4_MsgTag_t command(L4_ThreadId_t t, Command c, L4_Word_t a = 0, L4_Word_t b = 0, L4_Word_t d = 0,
                    L4_Word_t e = 0);
// Sends a map or grant item (item_word0 = send base | 0x8 or 0xa) with a
// no-op command.
L4_MsgTag_t give(L4_ThreadId_t t, L4_Word_t item_word0, L4_Fpage_t fpage);

} // namespace ktest
