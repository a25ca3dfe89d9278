// Physical memory of the ia64sim board: RAM from address 0 and the device
// page (platform/ia64sim/README.md).  Tracks which RAM pages hold decoded
// code so stores can invalidate the bundle cache.
#pragma once
#include <cstdint>
#include <vector>

namespace ia64 {

constexpr uint64_t kDeviceBase = 0xf0000000;
constexpr uint64_t kDeviceSize = 0x10000;
constexpr unsigned kCodePageShift = 12;

class DeviceHandler {
public:
    virtual ~DeviceHandler() = default;
    [[nodiscard]] virtual uint64_t device_read(uint64_t offset) = 0;
    virtual void device_write(uint64_t offset, uint64_t value) = 0;
};

class Memory {
public:
    explicit Memory(uint64_t ram_bytes);

    [[nodiscard]] uint64_t ram_size() const { return ram_.size(); }
    // Physical bit 63 selects the uncacheable alias in physical mode (SDM vol 2 sec 4.4.11).
    [[nodiscard]] static uint64_t strip(uint64_t pa) { return pa & ~(uint64_t{1} << 63); }

    [[nodiscard]] uint8_t* ram_ptr(uint64_t pa, unsigned size) {
        pa = strip(pa);
        return pa + size <= ram_.size() && pa + size >= pa ? &ram_[pa] : nullptr;
    }
    [[nodiscard]] bool read(uint64_t pa, unsigned size, uint64_t& v);
    [[nodiscard]] bool write(uint64_t pa, unsigned size, uint64_t v);

    // Code tracking for the decoded-bundle cache.
    void mark_code(uint64_t pa) { code_[strip(pa) >> kCodePageShift] = 1; }
    [[nodiscard]] uint32_t code_generation(uint64_t pa) const { return gen_[strip(pa) >> kCodePageShift]; }
    void note_store(uint64_t pa) {
        uint64_t page = strip(pa) >> kCodePageShift;
        if (code_[page]) {
            code_[page] = 0;
            ++gen_[page];
        }
    }

    DeviceHandler* device = nullptr;

private:
    std::vector<uint8_t> ram_;
    std::vector<uint8_t> code_;
    std::vector<uint32_t> gen_;
};

}  // namespace ia64
