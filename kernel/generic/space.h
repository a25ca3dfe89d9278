// Address spaces.
#pragma once

#include "arch_contract.h"
#include "types.h"

class Space {
public:
    arch::PageTable page_table;

    // An empty space (kernel half only), or nullptr when memory is exhausted.
    [[nodiscard]] static Space* create();
    void destroy();
};
