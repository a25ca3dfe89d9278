// The kernel-debugger user interface (X.2 "kdebug" on x86: int3 followed by
// a marker).  The arch decodes the marker; this is what each operation does.
#pragma once

#include "tcb.h"

enum class KdebugOp {
    Enter,             // enter the kernel debugger; arg = user address of a message or 0
    PrintChar,         // arg = character
    PrintString,       // arg = user address of a NUL-terminated string
    ReadChar,          // returns a character or -1 (non-blocking)
    ReadCharBlocking,  // returns a character
    Shutdown,          // Chestnut extension: end the machine, arg = exit code (privileged)
    FreeKernelMemory,  // Chestnut extension: returns the free kernel-pool pages (privileged)
    InterruptAfter,    // Chestnut test support: interrupt the caller after arg user
                       // instructions, by preemption (privileged)
    FaultAfter,        // the same, delivered as if that instruction faulted (privileged)
    LipcStatistics,    // Chestnut test support: arg 0 = Lipc calls the kernel handled,
                       // 1 = lazy switches it synchronized (privileged)
    InterruptsTaken,   // Chestnut test support: device interrupts CPU arg received
                       // (privileged; 0 for a CPU that does not run)
    CurrentProcessor,  // Chestnut test support: the CPU the caller runs on
};

// Performs op for thread t; the result goes back to the caller's register.
Word kdebug(Tcb* t, KdebugOp op, Word arg);
