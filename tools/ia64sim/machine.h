// The simulated board: one CPU, its memory, the device page and the
// decoded-bundle cache, and the run loop.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "cpu.h"
#include "decode.h"
#include "memory.h"

namespace ia64 {

// Device page registers (platform/ia64sim/README.md).
enum : uint64_t {
    kDevConsoleOut = 0x00, kDevConsoleIn = 0x08, kDevExit = 0x10, kDevCheckpoint = 0x18, kDevIcount = 0x20,
    kDevIrqRaise = 0x28, kDevIrqAt = 0x30, kDevIrqAtVector = 0x38, kDevRamSize = 0x40,
};

class Machine : public DeviceHandler {
public:
    explicit Machine(uint64_t ram_bytes);
    void run();
    [[nodiscard]] uint64_t device_read(uint64_t offset) override;
    void device_write(uint64_t offset, uint64_t value) override;

    Memory memory;
    Cpu cpu;
    uint64_t checkpoint = 0;

private:
    struct CodePage {
        uint32_t generation = 0;
        bool valid[256] = {};
        DecodedBundle bundle[256];
    };
    [[nodiscard]] const DecodedBundle* bundle_at(uint64_t pa);
    void poll_events();
    void trace_insn(const Insn& in) const;

    std::unordered_map<uint64_t, std::unique_ptr<CodePage>> pages_;
    CodePage* last_page_ = nullptr;
    uint64_t last_page_number_ = ~uint64_t{0};
};

}  // namespace ia64
