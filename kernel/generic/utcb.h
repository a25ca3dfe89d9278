// The user thread control block (X.2 "UTCB"), kept in word slots relative
// to MR0, the word a thread's local id points at (ia32: 512-byte UTCBs,
// MR0 at +256; 64-bit ports: 1 KiB, MR0 at +512).  The layout is the X.2
// x86 one; other ports follow it.  The kernel reaches every UTCB through its
// own mapping, so it never faults on one.
#pragma once

#include "thread_id.h"
#include "types.h"

class Utcb {
public:
    static constexpr unsigned mr_count = 64;
    static constexpr unsigned br_count = 34;
    static constexpr unsigned mr0_index = 64;
    static constexpr unsigned size = 128 * sizeof(Word);
    static constexpr unsigned mr0_offset = mr0_index * sizeof(Word);

    [[nodiscard]] Word& mr(unsigned i) { return w_[mr0_index + i]; }
    [[nodiscard]] Word& br(unsigned i) { return w_[mr0_index - 16 - i]; }
    static constexpr unsigned my_global_id_index = mr0_index - 15;   // word index
    [[nodiscard]] Word& my_global_id() { return w_[my_global_id_index]; }
    [[nodiscard]] Word& processor_no() { return w_[mr0_index - 14]; }
    [[nodiscard]] Word& user_defined_handle() { return w_[mr0_index - 13]; }
    [[nodiscard]] Word& pager() { return w_[mr0_index - 12]; }
    [[nodiscard]] Word& exception_handler() { return w_[mr0_index - 11]; }
    [[nodiscard]] u8& preempt_flags() { return reinterpret_cast<u8*>(&w_[mr0_index - 10])[0]; }
    [[nodiscard]] u8& cop_flags() { return reinterpret_cast<u8*>(&w_[mr0_index - 10])[1]; }
    [[nodiscard]] Word& error_code() { return w_[mr0_index - 9]; }
    [[nodiscard]] Word& xfer_timeouts() { return w_[mr0_index - 8]; }
    [[nodiscard]] Word& intended_receiver() { return w_[mr0_index - 7]; }
    [[nodiscard]] Word& virtual_sender() { return w_[mr0_index - 6]; }   // also ActualSender on receive
    [[nodiscard]] Word& thread_word(unsigned i) { return w_[mr0_index - 4 - i]; }

    // LIPC (lipc.h): words the user-level Lipc code and the kernel share.
    // They sit in the three words below MR0 that X.2 leaves to the kernel.
    static constexpr unsigned lipc_sp_index = mr0_index - 1;
    static constexpr unsigned lipc_wait_index = mr0_index - 2;
    static constexpr unsigned lipc_key_index = mr0_index - 3;
    [[nodiscard]] Word& lipc_sp() { return w_[lipc_sp_index]; }
    [[nodiscard]] Word& lipc_wait() { return w_[lipc_wait_index]; }
    [[nodiscard]] Word& lipc_key() { return w_[lipc_key_index]; }

    [[nodiscard]] ThreadId pager_id() { return ThreadId(pager()); }
    [[nodiscard]] ThreadId exception_handler_id() { return ThreadId(exception_handler()); }

private:
    Word w_[128];
};

static_assert(sizeof(Utcb) == Utcb::size);
