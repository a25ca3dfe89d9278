#include "object_cache.h"
#include "arch_contract.h"
#include "assert.h"

ObjectCacheBase::Slab* ObjectCacheBase::grow()
{
    auto* slab = static_cast<Slab*>(kmem.alloc_page());
    if (slab == nullptr)
        return nullptr;
    char* first = reinterpret_cast<char*>(slab) + first_offset_;
    slab->free = nullptr;
    for (Word i = per_slab_; i > 0; i--) {
        auto* o = reinterpret_cast<FreeObject*>(first + (i - 1) * object_size_);
        o->next = slab->free;
        slab->free = o;
    }
    slab->free_count = per_slab_;
    slab->prev = nullptr;
    slab->next = partial_;
    if (partial_ != nullptr)
        partial_->prev = slab;
    partial_ = slab;
    return slab;
}

void ObjectCacheBase::unlink(Slab* slab)
{
    if (slab->prev != nullptr)
        slab->prev->next = slab->next;
    else
        partial_ = slab->next;
    if (slab->next != nullptr)
        slab->next->prev = slab->prev;
    slab->next = slab->prev = nullptr;
}

void* ObjectCacheBase::alloc()
{
    SpinlockGuard guard(lock_);
    Slab* slab = partial_ != nullptr ? partial_ : grow();
    if (slab == nullptr)
        return nullptr;
    FreeObject* o = slab->free;
    slab->free = o->next;
    if (--slab->free_count == 0)
        unlink(slab);
    in_use_++;
    auto* bytes = reinterpret_cast<char*>(o);
    for (size_t i = 0; i < object_size_; i++)
        bytes[i] = 0;
    return o;
}

void ObjectCacheBase::free(void* object)
{
    SpinlockGuard guard(lock_);
    auto* slab = reinterpret_cast<Slab*>(align_down(reinterpret_cast<Word>(object), arch::page_size));
    auto* o = static_cast<FreeObject*>(object);
    bool was_full = slab->free_count == 0;
    o->next = slab->free;
    slab->free = o;
    slab->free_count++;
    in_use_--;
    if (was_full) {
        slab->prev = nullptr;
        slab->next = partial_;
        if (partial_ != nullptr)
            partial_->prev = slab;
        partial_ = slab;
    }
    if (slab->free_count == per_slab_) {
        unlink(slab);
        kmem.free_page(slab);
    }
}
