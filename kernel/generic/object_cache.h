// Fixed-size kernel objects carved out of kernel-memory pages (a minimal
// slab allocator).  A page whose objects are all free goes back to the pool,
// so the free-page count measures leaks exactly.
#pragma once

#include "arch_contract.h"
#include "kmem.h"
#include "new.h"
#include "spinlock.h"
#include "types.h"

class ObjectCacheBase {
protected:
    constexpr ObjectCacheBase(size_t object_size, size_t align)
        : object_size_(align_up(max(object_size, sizeof(FreeObject)), max(align, sizeof(Word)))),
          first_offset_(align_up(sizeof(Slab), max(align, sizeof(Word)))),
          per_slab_((arch::page_size - first_offset_) / object_size_)
    {
    }

    [[nodiscard]] void* alloc();
    void free(void* object);

public:
    [[nodiscard]] Word objects_in_use() const { return in_use_; }

private:
    struct FreeObject {
        FreeObject* next;
    };
    struct Slab {
        Slab* next;
        Slab* prev;
        FreeObject* free;
        Word free_count;
    };

    [[nodiscard]] Slab* grow();
    void unlink(Slab* slab);

    Spinlock lock_;
    Slab* partial_ = nullptr;   // slabs with at least one free object
    size_t object_size_;
    size_t first_offset_;
    Word per_slab_;
    Word in_use_ = 0;
};

template <class T> class ObjectCache : public ObjectCacheBase {
public:
    constexpr ObjectCache() : ObjectCacheBase(sizeof(T), alignof(T)) {}

    // A default-constructed T, or nullptr when kernel memory is exhausted.
    template <class... Args> [[nodiscard]] T* create(Args&&... args)
    {
        void* p = alloc();
        return p == nullptr ? nullptr : new (p) T(static_cast<Args&&>(args)...);
    }

    void destroy(T* object)
    {
        object->~T();
        free(object);
    }
};
