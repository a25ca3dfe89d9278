#include "ioapic.h"
#include <arch.h>

namespace platform::pc99 {

namespace {
// Register window (datasheet 3.1): select at +0x00, data at +0x10.
enum : unsigned { reg_select = 0, reg_window = 4 };
enum : unsigned { reg_version = 1, reg_redirection = 0x10 };
constexpr u32 entry_masked = 1u << 16, entry_level = 1u << 15, entry_active_low = 1u << 13;
} // namespace

u32 IoApic::read(unsigned reg)
{
    base_[reg_select] = reg;
    return base_[reg_window];
}

void IoApic::write(unsigned reg, u32 value)
{
    base_[reg_select] = reg;
    base_[reg_window] = value;
}

unsigned IoApic::init(Paddr phys)
{
    base_ = reinterpret_cast<volatile u32*>(arch::map_device(phys, 0x20));
    SpinlockGuard guard(lock_);
    pins_ = ((read(reg_version) >> 16) & 0xff) + 1;
    for (unsigned pin = 0; pin < pins_; pin++) {
        write(reg_redirection + 2 * pin, entry_masked);
        write(reg_redirection + 2 * pin + 1, 0);
    }
    return pins_;
}

void IoApic::setup(unsigned pin, u8 vector, bool level, bool active_low, u32 dest)
{
    if (pin >= pins_)
        return;
    SpinlockGuard guard(lock_);
    // Fixed delivery, physical destination mode.
    write(reg_redirection + 2 * pin + 1, dest << 24);
    write(reg_redirection + 2 * pin,
          entry_masked | (level ? entry_level : 0) | (active_low ? entry_active_low : 0) | vector);
}

void IoApic::set_mask(unsigned pin, bool masked)
{
    if (pin >= pins_)
        return;
    SpinlockGuard guard(lock_);
    u32 low = read(reg_redirection + 2 * pin);
    write(reg_redirection + 2 * pin, masked ? low | entry_masked : low & ~entry_masked);
}

void IoApic::route(unsigned pin, u32 dest)
{
    if (pin >= pins_)
        return;
    SpinlockGuard guard(lock_);
    write(reg_redirection + 2 * pin + 1, dest << 24);
}

} // namespace platform::pc99
