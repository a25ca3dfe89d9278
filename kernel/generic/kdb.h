// The kernel debugger: a command prompt on the kernel console.  Entered
// from user code (kdebug Enter), by a break-in key on the console, and on a
// panic outside test runs.  In test runs it only reports and continues, so
// nothing waits for a human.
#pragma once

#include "types.h"

// Runs the prompt until the user continues; `reason` says why it started.
void kdb_enter(const char* reason);
