#include "space.h"
#include "object_cache.h"

namespace {
ObjectCache<Space> space_cache;
}

Space* Space::create()
{
    Space* s = space_cache.create();
    if (s == nullptr)
        return nullptr;
    if (!s->page_table.init()) {
        space_cache.destroy(s);
        return nullptr;
    }
    return s;
}

void Space::destroy()
{
    page_table.destroy();
    space_cache.destroy(this);
}
