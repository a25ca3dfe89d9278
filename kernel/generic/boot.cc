// The boot sequence, common to every port: the arch entry code calls
// kernel_main() on a boot stack with two words from the boot loader.
#include "arch_contract.h"
#include "assert.h"
#include "boot.h"
#include "boot_memory.h"
#include "console.h"
#include "cpu.h"
#include "elf.h"
#include "exit_codes.h"
#include "kdb.h"
#include "clock.h"
#include "kip.h"
#include "kmem.h"
#include "platform.h"
#include "scheduler.h"
#include "sigma0_memory.h"
#include "smp.h"
#include "string.h"
#include "tcb.h"

constinit BootInfo boot_info;
constinit BootOptions boot_options;
constinit Cpu cpus[CONFIG_MAX_CPUS];
unsigned cpu_count = 1;

using Constructor = void (*)();
extern "C" Constructor __init_array_start[], __init_array_end[];

namespace {

struct RootServer {
    const char* role;
    unsigned module;
    ElfImage image;
};
RootServer root_servers[] = {{"sigma0", 0, {}}, {"root task", 1, {}}};

// Globals are meant to be constant-initialized (constinit where it
// matters); anything that is not still gets its constructor run here.
void run_constructors()
{
    for (Constructor* c = __init_array_start; c != __init_array_end; c++)
        (*c)();
}

NORETURN void refuse_boot() { platform::shutdown(exit_code::boot_refused); }

void check_modules(BootMemory& memory)
{
    if (boot_info.module_count < 2) {
        kprintf("Chestnut: need the sigma0 and root task modules, got %u; boot with "
                "-initrd \"sigma0,roottask[,more modules]\"\n", boot_info.module_count);
        refuse_boot();
    }
    for (auto& rs : root_servers) {
        const BootModule& m = boot_info.modules[rs.module];
        if (const char* why = elf_parse(m, rs.image)) {
            kprintf("Chestnut: module %u (%s, the %s) %s\n", rs.module, m.cmdline, rs.role, why);
            refuse_boot();
        }
    }
    for (unsigned i = 0; i < boot_info.module_count; i++)
        memory.reserve(boot_info.modules[i].range, "a boot module");
    // Segments must land in RAM clear of the kernel, the modules and each other.
    for (auto& rs : root_servers) {
        for (unsigned s = 0; s < rs.image.segment_count; s++) {
            const ElfSegment& seg = rs.image.segments[s];
            Paddr end = seg.paddr + seg.mem_size;
            const char* clash = memory.conflict(seg.paddr, end);
            if (!boot_info.is_ram(seg.paddr, end) || end > arch::phys_window_end() || clash) {
                kprintf("Chestnut: the %s (%s) wants physical memory %lx-%lx, which %s%s; "
                        "link it at another address\n", rs.role, boot_info.modules[rs.module].cmdline,
                        seg.paddr, end, clash ? "is taken by " : "is not usable RAM",
                        clash ? clash : "");
                refuse_boot();
            }
            memory.reserve({seg.paddr, end}, rs.role);
        }
    }
}

void load_segments(const RootServer& rs)
{
    for (unsigned s = 0; s < rs.image.segment_count; s++) {
        const ElfSegment& seg = rs.image.segments[s];
        char* dst = arch::phys_to_virt<char>(seg.paddr);
        memmove(dst, arch::phys_to_virt<const char>(seg.file_data), seg.file_size);
        memset(dst + seg.file_size, 0, seg.mem_size - seg.file_size);
    }
}

NORETURN void boot_on_idle_thread();

} // namespace

extern "C" NORETURN void kernel_main(Word arg0, Word arg1)
{
    run_constructors();
    platform::console_init();
    kprintf("\nChestnut L4 X.2 microkernel, %s-%s%s, built " __DATE__ " " __TIME__ "\n",
            CONFIG_ARCH_NAME, CONFIG_PLATFORM_NAME, CONFIG_DEBUG ? " (debug)" : "");
    if (!platform::collect_boot_info(boot_info, arg0, arg1))
        refuse_boot();
    boot_options.test_mode = cmdline_has(boot_info.cmdline, "test");
    boot_options.kdb_on_start = cmdline_has(boot_info.cmdline, "kdb");
    boot_options.phantom_cpu = cmdline_has(boot_info.cmdline, "smp.phantom");

    Word ram = 0;
    for (unsigned i = 0; i < boot_info.ram_count; i++)
        ram += boot_info.ram[i].size();
    kprintf("memory: %lu KiB RAM in %u ranges, %u boot modules\n", ram / 1024, boot_info.ram_count,
            boot_info.module_count);

    BootMemory memory;
    memory.reserve({arch::kernel_image_start(), arch::kernel_image_end()}, "the kernel image");
    arch::for_each_boot_reserved_range([&](Paddr base, Paddr end, const char* what) { memory.reserve({base, end}, what); });
    check_modules(memory);
    MemoryRange pool;
    if (!memory.choose_pool(boot_info, pool)) {
        kprintf("Chestnut: no room for the kernel memory pool; give the machine more RAM\n");
        refuse_boot();
    }
    kmem.init(pool.base, pool.end);
    kprintf("memory: kernel %lx-%lx, kernel pool %lx-%lx (%lu KiB)\n", arch::kernel_image_start(),
            arch::kernel_image_end(), pool.base, pool.end, pool.size() / 1024);

    arch::init_boot_cpu(cpus[0].arch);
    cpus[0].hw_id = arch::boot_cpu_hw_id();
    platform::init_interrupts();
    if (!boot_options.test_mode)
        platform::console_enable_breakin();
    u64 cycles_per_ms = arch::calibrate_cycles_per_ms();
    system_clock.init(cycles_per_ms);
    kprintf("cpu: %lu MHz cycle counter, timer %lu kHz\n", Word(udiv64(cycles_per_ms, 1000)), arch::timer_khz());
    for (auto& rs : root_servers)
        load_segments(rs);
    kip_init(boot_info, pool, cpu_count, cycles_per_ms, 0);
    sigma0_memory_init({arch::kernel_image_start(), arch::kernel_image_end()}, pool);

    // From here on the kernel runs on thread stacks: the boot CPU continues
    // as its idle thread, which Tcb::current() can find.
    Tcb* idle = Tcb::create(ThreadId::global(thread_numbers::system_base, 1));
    assert(idle != nullptr);
    idle->cpu = idle->home = &cpus[0];
    idle->state = ThreadState::Running;
    cpus[0].idle = idle;
    arch::prepare_kernel_thread(idle->context, idle->stack_top(), boot_on_idle_thread);
    arch::ThreadContext boot_context;
    arch::switch_threads(boot_context, idle->context, idle->stack_top(), cpus[0].arch);
    __builtin_unreachable();
}

namespace {

void boot_on_idle_thread()
{
    smp::start_secondary_cpus();
    kip_set_processor_count(cpu_count);
    start_root_servers(root_servers[0].image, root_servers[1].image);
    if (boot_options.kdb_on_start)
        kdb_enter("system started (kdb on the command line); 'g' starts the root servers");
    arch::start_tick_timer(unsigned(cpus[0].tick_us));
    idle_loop();
}

} // namespace
