// Per-CPU ready queue: 256 priorities, a ring of threads per priority whose
// head is the thread to run next there, and a hint at the highest priority
// that may hold a runnable thread (seed 004, "Priorities").
//
// Lazy dispatching (seed 004): threads are not removed when they block.
// select() drops every non-runnable thread it meets, so the hint is an upper
// bound, never below the highest runnable priority.
//
// Templated over the thread type so the host unit tests can drive it with a
// plain struct; the kernel instantiates it with Tcb.
#pragma once

#include "types.h"

struct AsmOffsets;   // arch/<cpu>/asm_offsets.cc: member offsets for assembly

template <class T> class ReadyQueue {
    friend struct AsmOffsets;

public:
    static constexpr unsigned priorities = 256;

    // Appends t at the tail of its priority ring unless it is queued already.
    void insert(T* t)
    {
        if (t->in_ready_queue)
            return;
        T*& head = rings_[t->priority];
        if (head == nullptr) {
            t->ready_next = t->ready_prev = t;
            head = t;
        } else {
            t->ready_next = head;
            t->ready_prev = head->ready_prev;
            head->ready_prev->ready_next = t;
            head->ready_prev = t;
        }
        t->in_ready_queue = true;
        if (int(t->priority) > highest_)
            highest_ = t->priority;
    }

    void remove(T* t)
    {
        if (!t->in_ready_queue)
            return;
        T*& head = rings_[t->priority];
        if (t->ready_next == t) {
            head = nullptr;
        } else {
            t->ready_prev->ready_next = t->ready_next;
            t->ready_next->ready_prev = t->ready_prev;
            if (head == t)
                head = t->ready_next;
        }
        t->ready_next = t->ready_prev = nullptr;
        t->in_ready_queue = false;
    }

    // The highest-priority runnable thread (the head of its ring), or nullptr.
    [[nodiscard]] T* select()
    {
        for (; highest_ >= 0; highest_--) {
            T*& head = rings_[highest_];
            while (head != nullptr) {
                if (head->is_runnable())
                    return head;
                remove(head);
            }
        }
        return nullptr;
    }

    // Round robin: t (the head of its ring) goes to the tail.
    void rotate(T* t)
    {
        if (t->in_ready_queue && rings_[t->priority] == t)
            rings_[t->priority] = t->ready_next;
    }

    // Whether a thread of priority p would preempt whatever select() finds:
    // true only when it can be sure (the hint may be stale-high).
    [[nodiscard]] bool is_highest(unsigned p) const { return int(p) >= highest_; }
    [[nodiscard]] int highest_hint() const { return highest_; }
    [[nodiscard]] T* head(unsigned p) const { return rings_[p]; }

private:
    T* rings_[priorities] = {};
    int highest_ = -1;
};
