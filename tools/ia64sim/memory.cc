#include "memory.h"

#include <cstring>

namespace ia64 {

Memory::Memory(uint64_t ram_bytes)
    : ram_(ram_bytes), code_((ram_bytes >> kCodePageShift) + 1), gen_((ram_bytes >> kCodePageShift) + 1) {}

bool Memory::read(uint64_t pa, unsigned size, uint64_t& v) {
    if (uint8_t* p = ram_ptr(pa, size)) {
        v = 0;
        std::memcpy(&v, p, size);   // the host is little-endian like PSR.be = 0
        return true;
    }
    pa = strip(pa);
    if (pa >= kDeviceBase && pa < kDeviceBase + kDeviceSize && device) {
        v = device->device_read(pa - kDeviceBase);
        if (size < 8) v &= (uint64_t{1} << (size * 8)) - 1;
        return true;
    }
    return false;
}

bool Memory::write(uint64_t pa, unsigned size, uint64_t v) {
    if (uint8_t* p = ram_ptr(pa, size)) {
        note_store(pa);
        if (((strip(pa) + size - 1) >> kCodePageShift) != (strip(pa) >> kCodePageShift)) note_store(pa + size - 1);
        std::memcpy(p, &v, size);
        return true;
    }
    pa = strip(pa);
    if (pa >= kDeviceBase && pa < kDeviceBase + kDeviceSize && device) {
        device->device_write(pa - kDeviceBase, v);
        return true;
    }
    return false;
}

}  // namespace ia64
