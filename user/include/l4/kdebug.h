// Kernel-debugger interface: enter the debugger, print, read the console,
// and two Chestnut extensions (shutdown, free kernel pages); the encoding is
// per architecture (docs/abi.md).
#pragma once

#include <l4/types.h>

#if defined(__i386__) || defined(__x86_64__)
#include <l4/ia32/kdebug.h>
#elif defined(__mips__)
#include <l4/mips/kdebug.h>
#else
#error "kdebug interface not defined for this architecture"
#endif
