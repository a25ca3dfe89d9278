// The IO-APIC (Intel 82093AA datasheet): 24 redirection entries, one per
// interrupt pin, each with a vector, a destination local APIC, trigger
// mode, polarity and a mask bit.  Register access goes through an index
// and a window register pair, so it is serialized by a spinlock.
#pragma once

#include <generic/spinlock.h>
#include <generic/types.h>

namespace platform::pc99 {

class IoApic {
public:
    // Maps the IO-APIC at `phys`; every pin is masked.  Returns its pins.
    unsigned init(Paddr phys);
    [[nodiscard]] unsigned pins() const { return pins_; }

    // Programs `pin`: vector, edge or level trigger, active high or low,
    // delivered to local APIC `dest`; masked.
    void setup(unsigned pin, u8 vector, bool level, bool active_low, u32 dest);
    void mask(unsigned pin) { set_mask(pin, true); }
    void unmask(unsigned pin) { set_mask(pin, false); }
    void route(unsigned pin, u32 dest);

private:
    [[nodiscard]] u32 read(unsigned reg);
    void write(unsigned reg, u32 value);
    void set_mask(unsigned pin, bool masked);

    volatile u32* base_ = nullptr;
    unsigned pins_ = 0;
    Spinlock lock_;
};

} // namespace platform::pc99
