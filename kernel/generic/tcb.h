// Thread control blocks.
//
// Invariants:
// - A TCB occupies the page of its thread number in the arch's TCB area; the
//   rest of the page is the thread's kernel stack.  Free slots map a shared
//   read-only zero page, so looking up any thread number is safe and a free
//   slot reads as state Free with a nil global id.
// - A thread entered from user mode has its arch::Frame at the top of its
//   kernel stack (user_frame()).
#pragma once

#include "arch_contract.h"
#include "thread_id.h"

class Space;
struct Cpu;

enum class ThreadState : u8 {
    Free = 0,    // the zero page: no thread here
    Inactive,    // created, never started (X.2 "inactive")
    Running,     // ready or running
    Stopped,     // stopped by the kernel after a fault it could not deliver
};

class Tcb {
public:
    ThreadId global_id;
    Word local_id = 0;
    ThreadState state = ThreadState::Inactive;
    Space* space = nullptr;
    Cpu* cpu = nullptr;
    arch::ThreadContext context;

    static constexpr Word max_threads = Word(1) << arch::thread_no_bits;

    // The TCB slot of a thread number (always readable, see above).
    [[nodiscard]] static Tcb* slot(Word number)
    {
        return reinterpret_cast<Tcb*>(arch::tcb_area + number * arch::tcb_size);
    }
    // The thread a global id names, or nullptr (free slot, stale version,
    // number out of range).
    [[nodiscard]] static Tcb* lookup(ThreadId id)
    {
        if (id.number() >= max_threads)
            return nullptr;
        Tcb* t = slot(id.number());
        return t->global_id == id && !id.is_nil() ? t : nullptr;
    }
    [[nodiscard]] static Tcb* current() { return reinterpret_cast<Tcb*>(arch::current_tcb_address()); }

    // Backs the slot of id.number() with a fresh page; nullptr when the slot
    // is taken or kernel memory is exhausted.
    [[nodiscard]] static Tcb* create(ThreadId id);
    void destroy();

    [[nodiscard]] Word stack_top() const { return reinterpret_cast<Word>(this) + arch::tcb_size; }
    [[nodiscard]] arch::Frame* user_frame() const { return arch::user_frame(stack_top()); }
};

static_assert(sizeof(Tcb) <= arch::tcb_size / 4, "the kernel stack needs the rest of the page");
