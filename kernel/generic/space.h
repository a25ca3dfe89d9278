// Address spaces.
//
// A space's UTCB area and KIP area are fixed by SpaceControl before its
// first thread is activated (root servers get them at boot).  UTCB pages are
// kernel memory, mapped into the UTCB area on demand; nothing else can be
// mapped there or onto the KIP.  A space dies with its last thread.
#pragma once

#include "arch_contract.h"
#include "fpage.h"
#include "page_table.h"
#include "thread_id.h"
#include "types.h"

class Tcb;
class Utcb;

class Space {
public:
    PageTable page_table;
    Fpage kip_area;
    Fpage utcb_area;
    ThreadId redirector = ThreadId::any();   // any: no redirection
    Word thread_count = 0;
    bool privileged = false;                 // a root server's space
    bool is_sigma0 = false;                  // sigma0's space: faults map memory 1:1

    // An empty space (kernel half only), or nullptr when memory is exhausted.
    [[nodiscard]] static Space* create();
    void destroy();

    [[nodiscard]] bool is_initialized() const { return !kip_area.is_nil(); }
    // Sets the areas and maps the KIP; false when they are unusable.
    [[nodiscard]] bool initialize(Fpage kip, Fpage utcb);

    // Whether a UTCB may live at `location` (inside the area, aligned).
    [[nodiscard]] bool is_valid_utcb_location(Word location) const;
    // The kernel view of the UTCB at `location`, creating its page on
    // demand; nullptr when kernel memory is exhausted.
    [[nodiscard]] Utcb* utcb_at(Word location);
    // The thread of this space whose local id is `local_id`, or nullptr.
    [[nodiscard]] Tcb* thread_by_local_id(Word local_id);

    // Whether [base, last] touches the KIP or UTCB area.
    [[nodiscard]] bool overlaps_kernel_areas(Word base, Word last) const
    {
        return (!kip_area.is_nil() && kip_area.base() <= last && base <= kip_area.last()) ||
               (!utcb_area.is_nil() && utcb_area.base() <= last && base <= utcb_area.last());
    }
};
