#include "kip.h"
#include "arch_contract.h"
#include "assert.h"
#include "boot.h"
#include "string.h"
#include "utcb.h"

extern "C" char __kip_start[], __kip_end[];

namespace {

constexpr Word w = sizeof(Word) / 4;   // offsets double on 64-bit machines
static_assert(offsetof(Kip, kernel_descriptor) == 0x0c * w);
static_assert(offsetof(Kip, sigma0) == 0x20 * w);
static_assert(offsetof(Kip, root_server) == 0x40 * w);
static_assert(offsetof(Kip, memory_info) == 0x54 * w);
static_assert(offsetof(Kip, utcb_info) == 0xa8 * w);
static_assert(offsetof(Kip, kip_area_info) == 0xac * w);
static_assert(offsetof(Kip, boot_info) == 0xb8 * w);
static_assert(offsetof(Kip, processor_descriptors) == 0xbc * w);
static_assert(offsetof(Kip, clock_info) == 0xc0 * w);
static_assert(offsetof(Kip, processor_info) == 0xcc * w);
static_assert(offsetof(Kip, syscall) == 0xd0 * w);
static_assert(offsetof(Kip, syscall) + 10 * sizeof(Word) == 0xf8 * w);

// The Kip header comes first in the page; kip_body holds the descriptors.
Kip the_kip SECTION(".kip.header");
constexpr unsigned body_words = 512 * 4 / sizeof(Word);   // 2 KiB of descriptors
Word kip_body[body_words] SECTION(".kip.data");

struct ProcessorDescriptor {
    Word external_freq;   // kHz
    Word internal_freq;   // kHz
    Word freq_change;
    Word arch;
};
constexpr unsigned procdesc_log2 = word_bits == 32 ? 4 : 5;
static_assert(sizeof(ProcessorDescriptor) == (1u << procdesc_log2));

// The body is filled front to back.
unsigned body_used = 0;

template <class T> T* body_alloc(unsigned count, unsigned align = sizeof(Word))
{
    Word at = align_up(Word(body_used * sizeof(Word)), align);
    unsigned words = unsigned(at / sizeof(Word)) + unsigned((sizeof(T) * count + sizeof(Word) - 1) / sizeof(Word));
    assert(words <= body_words);
    body_used = words;
    return reinterpret_cast<T*>(reinterpret_cast<char*>(kip_body) + at);
}

// The kernel generation date, X.2 format (year - 2000, month, day), from __DATE__.
constexpr Word build_date()
{
    constexpr const char* d = __DATE__;   // "Mmm dd yyyy"
    constexpr const char* months = "JanFebMarAprMayJunJulAugSepOctNovDec";
    Word month = 1;
    for (unsigned m = 0; m < 12; m++)
        if (d[0] == months[3 * m] && d[1] == months[3 * m + 1] && d[2] == months[3 * m + 2])
            month = m + 1;
    Word day = (d[4] == ' ' ? 0 : Word(d[4] - '0') * 10) + Word(d[5] - '0');
    Word year = Word(d[9] - '0') * 10 + Word(d[10] - '0');
    return (year << 9) | (month << 5) | day;
}

Word offset_in_kip(const void* p) { return reinterpret_cast<Word>(p) - reinterpret_cast<Word>(&the_kip); }

// X.2 memory descriptor: type, subtype, virtual bit, 1 KiB granular bounds
// with an inclusive high end.
struct MemoryDescriptor {
    Word low_word, high_word;
};

unsigned memdesc_count = 0;
MemoryDescriptor* memdescs = nullptr;
constexpr unsigned max_memdescs = 48;

void add_memdesc(MemoryType type, bool is_virtual, Word low, Word high_inclusive, Word subtype = 0)
{
    assert(memdesc_count < max_memdescs);
    memdescs[memdesc_count++] = {(low & ~Word(0x3ff)) | (is_virtual ? 1u << 9 : 0) |
                                     ((subtype & 0xf) << 4) | Word(type),
                                 high_inclusive & ~Word(0x3ff)};
}

} // namespace

Kip& kip() { return the_kip; }
Paddr kip_physical_page() { return arch::virt_to_phys(&the_kip); }
Word kip_utcb_alignment() { return Word(1) << ((the_kip.utcb_info >> 10) & 0x3f); }
unsigned kip_area_size_log2() { return unsigned(the_kip.kip_area_info & 0x3f); }

void kip_init(const BootInfo& boot, MemoryRange pool, unsigned cpu_count, u64 cpu_khz, u64 bus_khz)
{
    assert(reinterpret_cast<char*>(&the_kip) == __kip_start && __kip_end - __kip_start == long(arch::page_size));
    Kip& k = the_kip;
    k.magic = 'L' | ('4' << 8) | (0xe6 << 16) | (Word('K') << 24);
    k.api_version = (0x84u << 24) | (5u << 16);                 // X.2, subversion 5
    k.api_flags = (word_bits == 64 ? 1u << 2 : 0) | (arch::big_endian ? 1 : 0);
    k.utcb_info = (Word(12) << 16) | (Word(word_bits == 32 ? 9 : 10) << 10) | 1;   // s, a, m
    k.kip_area_info = 12;
    k.clock_info = (Word(1000) << 16) | 1;                      // schedule, read precision (us)
    k.thread_info = (thread_numbers::user_base << 20) | (thread_numbers::system_base << 8) |
                    arch::thread_no_bits;
    k.page_info = arch::page_size_mask | arch::page_rights;
    k.processor_info = (Word(procdesc_log2) << (word_bits - 4)) | (cpu_count - 1);

    // Processor descriptors (all CPUs run at the boot CPU's calibrated rate).
    auto* pd = body_alloc<ProcessorDescriptor>(CONFIG_MAX_CPUS, 1u << procdesc_log2);
    for (unsigned i = 0; i < CONFIG_MAX_CPUS; i++)
        pd[i] = {Word(bus_khz), Word(cpu_khz), 0, 0};
    k.processor_descriptors = offset_in_kip(pd);

    // Kernel descriptor: id, generation date, version, supplier, version string.
    static const char version[] = "Chestnut 0.1 (" CONFIG_ARCH_NAME "-" CONFIG_PLATFORM_NAME ")";
    auto* kd = body_alloc<Word>(4 + (sizeof version + sizeof(Word) - 1) / sizeof(Word) + 1);
    kd[0] = (Word(0x0c) << 24) | (Word(1) << 16);              // kernel id: Chestnut, subid 1
    kd[1] = build_date();
    kd[2] = (Word(0) << 24) | (Word(1) << 16);                  // version 0.1
    memcpy(&kd[3], "CNUT", 4);
    memcpy(&kd[4], version, sizeof version);
    k.kernel_descriptor = offset_in_kip(kd);

    // Memory descriptors: later entries override earlier ones (X.2).
    memdescs = body_alloc<MemoryDescriptor>(max_memdescs, 16);
    add_memdesc(MemoryType::Conventional, true, 0, arch::user_end - 1);
    for (unsigned i = 0; i < boot.ram_count; i++)
        add_memdesc(MemoryType::Conventional, false, boot.ram[i].base, boot.ram[i].end - 1);
    add_memdesc(MemoryType::Reserved, false, arch::kernel_image_start(), arch::kernel_image_end() - 1);
    add_memdesc(MemoryType::Reserved, false, pool.base, pool.end - 1);
    for (unsigned i = 0; i < boot.module_count; i++)
        add_memdesc(MemoryType::BootLoader, false, boot.modules[i].range.base,
                    align_up(boot.modules[i].range.end, 1024) - 1, 1);
    arch::add_arch_memory_descriptors([](Word type, bool virt, Word low, Word high) {
        add_memdesc(MemoryType(type), virt, low, high);
    });
    k.memory_info = (offset_in_kip(memdescs) << (word_bits / 2)) | memdesc_count;

    for (unsigned i = 0; i < unsigned(Syscall::Count); i++)
        k.syscall[i] = offset_in_kip(arch::kip_stub(i));
}

void kip_set_root_server(KipRootServer Kip::*which, Word ip, Word sp, Word low, Word high)
{
    the_kip.*which = {sp, ip, {low, high}};
}

void kip_set_boot_info(Word address) { the_kip.boot_info = address; }

void kip_set_processor_count(unsigned cpu_count)
{
    the_kip.processor_info = (the_kip.processor_info & ~Word(0xffff)) | (cpu_count - 1);
}

Syscall kip_syscall_at(Word offset)
{
    // The stub whose code contains offset - 1 (the trapping instruction ends at offset).
    Syscall best = Syscall::Count;
    Word best_start = 0;
    for (unsigned i = 0; i < unsigned(Syscall::Count); i++) {
        Word start = the_kip.syscall[i];
        if (start < offset && start >= best_start && offset - start <= arch::kip_stub_size) {
            best = Syscall(i);
            best_start = start;
        }
    }
    return best;
}
