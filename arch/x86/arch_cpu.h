// The part of the arch contract both x86 ports implement alike and that
// needs no port types: CPU control, the physical window and the kernel
// image.  Included by arch/<port>/arch.h after its layout.h.
#pragma once

#include <generic/types.h>
#include <layout.h>
#include <x86/cpu.h>

namespace arch {

inline void cpu_relax() { x86::pause(); }
inline u64 cycles() { return x86::rdtsc(); }
inline bool interrupts_enabled() { return (x86::read_flags() & x86::eflags_if) != 0; }
inline void enable_interrupts() { x86::sti(); }
inline void disable_interrupts() { x86::cli(); }
// Waits for an interrupt with interrupts enabled; returns with them disabled.
inline void idle_wait()
{
    x86::sti_hlt();
    x86::cli();
}
NORETURN void halt_forever();

template <class T> inline T* phys_to_virt(Paddr p) { return reinterpret_cast<T*>(p + KERNEL_OFFSET); }
inline Paddr virt_to_phys(const void* v) { return reinterpret_cast<Word>(v) - KERNEL_OFFSET; }
inline Paddr phys_window_end() { return PHYS_WINDOW_SIZE; }

Paddr kernel_image_start();
Paddr kernel_image_end();

} // namespace arch
