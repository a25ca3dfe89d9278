// The X.2 system calls other than Ipc (see ipc.h), in word-sized, arch-
// neutral form.  The arch entry code unpacks registers into these calls and
// packs the results back.  Each validates its arguments and, on failure,
// sets the caller's ErrorCode TCR (syscall_error) and returns 0 / nil.
#pragma once

#include "fpage.h"
#include "thread_id.h"
#include "types.h"

struct ExregsArgs {
    Word control;
    Word sp, ip, flags;
    Word user_handle;
    ThreadId pager;
};

// ExchangeRegisters: in/out in args.  Returns the other form of the
// destination's id (local for a global dest, global for a local one).
ThreadId sys_exchange_registers(ThreadId dest, ExregsArgs& args);

Word sys_thread_control(ThreadId dest, ThreadId space, ThreadId scheduler, ThreadId pager,
                        Word utcb_location);

Word sys_space_control(ThreadId space, Word control, Fpage kip_area, Fpage utcb_area,
                       ThreadId redirector, Word& old_control);

// Returns the thread-state word of X.2 Schedule (0 on error).
Word sys_schedule(ThreadId dest, Word time_control, Word processor_control, Word prio_control,
                  Word preemption_control, Word& old_time_control);

void sys_thread_switch(ThreadId dest);

[[nodiscard]] u64 sys_system_clock();

Word sys_processor_control(Word processor, Word internal_freq, Word external_freq, Word voltage);

Word sys_memory_control(Word control, const Word attributes[4]);

// Unmap: fpages in MR0..MRk of the caller's UTCB, results written back.
void sys_unmap(Word control);

// The ErrorCode values; sets it and returns `result` for brevity.
Word syscall_fail(Word error, Word result = 0);
