// Thread life cycle: creation, activation, deletion, and the start-up of a
// new thread (X.2: an active thread first receives a message from its pager
// holding its initial instruction and stack pointers).
#pragma once

#include "tcb.h"

class Space;

inline constexpr u8 default_priority = 100;
inline constexpr u8 root_server_priority = 255;
inline constexpr u64 default_timeslice_us = 10000;

// A new inactive thread in `space` (which counts it), or nullptr when memory
// is exhausted or the slot is taken.
[[nodiscard]] Tcb* create_thread(ThreadId id, Space* space, ThreadId scheduler, Cpu* cpu);

// Gives t its UTCB at `utcb_location` and lets it wait for its start-up
// message from `pager`; false when memory is exhausted.
[[nodiscard]] bool activate_thread(Tcb* t, Word utcb_location, ThreadId pager);

// Starts t in user mode at ip/sp right away (root servers).
void start_thread(Tcb* t, Word ip, Word sp);

// Deletes thread `id` (not the caller), and its space with its last thread;
// false when it no longer exists.  The caller travels (to the thread, then
// to its home) and holds no lock.
[[nodiscard]] bool delete_thread(ThreadId id);

// Moves t to another space (ThreadControl with a new SpaceSpecifier).
[[nodiscard]] bool move_thread(Tcb* t, Space* to);
