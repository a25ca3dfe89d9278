// Host-side support for running generic kernel code in unit tests: a kernel
// memory pool carved from host memory, and panic() as a test failure.
#pragma once

#include <generic/kmem.h>

namespace host {

// (Re)initializes the kernel memory pool with `pages` pages of host memory.
void reset_kernel_memory(Word pages);

} // namespace host
