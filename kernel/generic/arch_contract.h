// The arch contract: the only way generic code reaches CPU-specific code.
//
// Each port provides arch/<name>/arch.h (found through the include path the
// build sets for the configured arch) defining namespace arch.  This header
// includes it and checks at compile time that the port provides every piece
// of the contract with the right signature; docs/porting.md lists the same
// pieces as a checklist.  No virtual calls: everything is inline or a direct
// call, so hot paths cost what the port makes them cost.
#pragma once

#include "config.h"
#include "types.h"
#include <arch.h>

class Utcb;

namespace arch_contract {

// Kernel entry/exit, CPU control.
static_assert(requires { arch::cpu_relax(); });
static_assert(requires { arch::halt_forever(); });
static_assert(requires { arch::idle_wait(); });
static_assert(requires { { arch::cycles() } -> same_as<u64>; });
static_assert(requires { { arch::interrupts_enabled() } -> same_as<bool>; });
static_assert(requires { arch::enable_interrupts(); arch::disable_interrupts(); });

// Memory: the kernel's window onto physical memory and its own image.
static_assert(requires { { arch::page_size } -> same_as<const Word&>; });
static_assert(requires { { arch::max_phys_ram } -> same_as<const u64&>; });
static_assert(requires(Paddr p) { { arch::phys_to_virt<char>(p) } -> same_as<char*>; });
static_assert(requires(const void* v) { { arch::virt_to_phys(v) } -> same_as<Paddr>; });
static_assert(requires { { arch::kernel_image_start() } -> same_as<Paddr>; });
static_assert(requires { { arch::kernel_image_end() } -> same_as<Paddr>; });
static_assert(requires { { arch::phys_window_end() } -> same_as<Paddr>; });
static_assert(requires { { arch::big_endian } -> same_as<const bool&>; });
static_assert(requires { { arch::elf_machine } -> same_as<const unsigned&>; });
static_assert(requires { { arch::page_bits } -> same_as<const Word&>; } ||
              requires { { arch::page_bits } -> same_as<const unsigned&>; });
static_assert(requires { { arch::user_end } -> same_as<const Word&>; });

// Page tables: the geometry and entry codec the generic walker
// (page_table.h) and the mapping database use, and TLB maintenance.
static_assert(requires { { arch::pt_levels } -> same_as<const unsigned&>; });
static_assert(requires { { arch::pt_entries } -> same_as<const unsigned&>; });
static_assert(requires { { arch::pt_shift[0] } -> same_as<const unsigned&>; });
static_assert(requires { { arch::pt_leaf_allowed[0] } -> same_as<const bool&>; });
static_assert(requires(arch::Pte p, Paddr a, unsigned level, Word rights, arch::CacheMode c) {
    { arch::pte_table(a) } -> same_as<arch::Pte>;
    { arch::pte_page(a, level, rights, c) } -> same_as<arch::Pte>;
    { arch::pte_present(p) } -> same_as<bool>;
    { arch::pte_is_table(p, level) } -> same_as<bool>;
    { arch::pte_address(p, level) } -> same_as<Paddr>;
    { arch::pte_rights(p) } -> same_as<Word>;
    { arch::pte_with_rights(p, rights) } -> same_as<arch::Pte>;
    { arch::pte_status(p) } -> same_as<Word>;
    { arch::pte_without_status(p) } -> same_as<arch::Pte>;
    { arch::pte_cache(p) } -> same_as<arch::CacheMode>;
    { arch::pte_with_cache(p, c) } -> same_as<arch::Pte>;
});
static_assert(requires { arch::CacheMode::Default; arch::CacheMode::Uncached; arch::CacheMode::WriteThrough; });
static_assert(requires(arch::Pte* root, arch::PageTableArch& a, const arch::PageTableArch& ca, Word va, unsigned s) {
    { arch::init_root(root, a) } -> same_as<bool>;
    arch::destroy_root(root, a);
    arch::tlb_invalidate(ca, root, va, s);
});

#ifndef CHESTNUT_HOST
// The rest is kernel-only; the host unit tests' stand-in (test/unit/arch.h)
// provides just the parts above.

// Threads and register banks.
static_assert(requires { { arch::tcb_area } -> same_as<const Word&>; });
static_assert(requires { { arch::tcb_size } -> same_as<const Word&>; });
static_assert(requires { { arch::thread_no_bits } -> same_as<const unsigned&>; });
static_assert(requires(Word tcb, Paddr page) {
    arch::map_tcb_page(tcb, page);
    arch::unmap_tcb_page(tcb);
    { arch::tcb_page(tcb) } -> same_as<Paddr>;
    { arch::current_tcb_address() } -> same_as<Word>;
});
static_assert(requires(arch::ThreadContext& from, arch::ThreadContext& to, Word top, void (*entry)(),
                       arch::CpuLocal& cpu) {
    arch::prepare_user_thread(to, top, entry);
    arch::prepare_kernel_thread(to, top, entry);
    arch::switch_threads(from, to, top, cpu);
    { arch::user_frame(top) } -> same_as<arch::Frame*>;
    arch::init_boot_cpu(cpu);
});
static_assert(requires(arch::Frame& f, Word w) {
    { f.ip() } -> same_as<Word>;
    { f.sp() } -> same_as<Word>;
    { f.flags() } -> same_as<Word>;
    f.set_ip(w);
    f.set_sp(w);
    f.set_flags(w);
    arch::dump_frame(f);
});
// Address spaces: loading one (a soft-TLB port picks its ASID here) and
// the current thread's UTCB pointer for user mode.
static_assert(requires(arch::PageTableArch& a, Paddr root, unsigned cpu, Word local_id) {
    arch::activate(a, root);
    arch::activate_kernel_page_table();
    arch::set_current_utcb(a, cpu, local_id);
});
static_assert(requires { { arch::root_kip_area } -> same_as<const Word&>; });
static_assert(requires { { arch::root_utcb_area } -> same_as<const Word&>; });
static_assert(requires { { arch::root_utcb_area_log2 } -> same_as<const unsigned&>; });
static_assert(requires { { arch::page_size_mask } -> same_as<const Word&>; });
static_assert(requires { { arch::page_rights } -> same_as<const Word&>; });

// Multiprocessor: start-up of the other CPUs (each ends up in
// smp::secondary_cpu_main on its idle thread), IPIs, kernel TLB entries,
// and boot-time memory the start-up needs.
static_assert(requires(arch::CpuLocal& cpu, const arch::CpuLocal& ccpu, unsigned id, u32 hw, Word top, Word va) {
    { arch::boot_cpu_hw_id() } -> same_as<u32>;
    { arch::start_cpu(cpu, id, hw, top) } -> same_as<bool>;
    arch::send_ipi(ccpu);
    arch::flush_kernel_page(va);
    arch::for_each_boot_reserved_range([](Paddr, Paddr, const char*) {});
});

// Lazy FPU.
static_assert(requires(arch::FpuState& s, const arch::FpuState& cs) {
    arch::fpu_enable();
    arch::fpu_disable();
    arch::fpu_save(s);
    arch::fpu_restore(cs);
    arch::fpu_reset();
});

// User memory access with fault recovery, and the string-copy window.
static_assert(requires(void* dst, const void* src, Word a, Word n, Word& fault, unsigned cpu, Paddr page) {
    { arch::is_user_range(a, n) } -> same_as<bool>;
    { arch::copy_from_user(dst, a, n) } -> same_as<bool>;
    { arch::copy_to_user(a, src, n) } -> same_as<bool>;
    { arch::copy_from_user_partial(dst, a, n, fault) } -> same_as<Word>;
    { arch::copy_window(cpu, page) } -> same_as<void*>;
});

// The KIP's system-call stubs and memory descriptors; the exception message.
static_assert(requires(unsigned i) { { arch::kip_stub(i) } -> same_as<const void*>; });
static_assert(requires { { arch::kip_stub_size } -> same_as<const Word&>; });
static_assert(requires { arch::add_arch_memory_descriptors([](Word, bool, Word, Word) {}); });
static_assert(requires(arch::PageTableArch& a, Word kip_base) { arch::set_kip_location(a, kip_base); });
static_assert(requires { arch::for_each_kernel_device_range([](Paddr, Paddr) {}); });
static_assert(requires { { arch::exception_message_words } -> same_as<const unsigned&>; });
static_assert(requires(Utcb& u, arch::Frame& f, Word w) {
    arch::write_exception_message(u, f, w, w);
    arch::read_exception_reply(u, f);
});

// LIPC (kernel/generic/lipc.h): whether the KIP has user-level Lipc code,
// and how a lazily waiting thread resumes; single-stepping for its tests.
static_assert(requires { { arch::has_lipc } -> same_as<const bool&>; });
static_assert(requires(arch::ThreadContext& ctx, arch::Frame& f, const arch::PageTableArch& a, Word w) {
    { arch::lipc_resume_frame(ctx, f, a, w, w) } -> same_as<bool>;
    arch::start_single_step(f);
});

// Diagnostics: the return addresses of the calling kernel stack, innermost
// first (as far as the port can tell; debug builds keep frame pointers).
static_assert(requires { arch::backtrace([](Word) {}); });

// Time: the cycle counter's rate and the tick timer.
static_assert(requires(unsigned us) {
    { arch::calibrate_cycles_per_ms() } -> same_as<u64>;
    arch::start_tick_timer(us);
    { arch::timer_khz() } -> same_as<Word>;
});
#endif

} // namespace arch_contract
