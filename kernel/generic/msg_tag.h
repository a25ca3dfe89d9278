// X.2 message tag (MR0): untyped words u (bits 0-5), typed words t (bits
// 6-11), flags (12-15: p propagated, r redirected, X cross-CPU, E error),
// label (bits 16 and up).
#pragma once

#include "types.h"

class MsgTag {
public:
    enum : Word { flag_propagated = 1u << 12, flag_redirected = 1u << 13, flag_xcpu = 1u << 14,
                  flag_error = 1u << 15 };
    static constexpr Word flags_mask = 0xf000;
    static constexpr unsigned label_shift = 16;

    constexpr MsgTag() = default;
    constexpr explicit MsgTag(Word raw) : raw_(raw) {}
    static constexpr MsgTag make(Word label, unsigned untyped, unsigned typed)
    {
        return MsgTag((label << label_shift) | (Word(typed & 0x3f) << 6) | (untyped & 0x3f));
    }
    static constexpr MsgTag error() { return MsgTag(flag_error); }

    // Kernel-generated message labels (X.2): the label is -n << 4, with the
    // low four bits free for details (page-fault access rights).
    static constexpr Word label_interrupt = Word(-1) << 4;
    static constexpr Word label_pagefault = Word(-2) << 4;
    static constexpr Word label_preemption = Word(-3) << 4;
    static constexpr Word label_arch_exception = Word(-4) << 4;
    static constexpr Word label_exception = Word(-5) << 4;
    static constexpr Word label_sigma0 = Word(-6) << 4;
    static constexpr Word label_io_pagefault = Word(-8) << 4;

    [[nodiscard]] constexpr Word raw() const { return raw_; }
    [[nodiscard]] constexpr unsigned untyped() const { return unsigned(raw_ & 0x3f); }
    [[nodiscard]] constexpr unsigned typed() const { return unsigned((raw_ >> 6) & 0x3f); }
    [[nodiscard]] constexpr Word label() const { return raw_ >> label_shift; }
    [[nodiscard]] constexpr bool has(Word flag) const { return (raw_ & flag) != 0; }
    [[nodiscard]] constexpr bool is_error() const { return has(flag_error); }
    [[nodiscard]] constexpr bool is_propagated() const { return has(flag_propagated); }
    // Label compared as the kernel writes it (label bits only, sign-agnostic).
    [[nodiscard]] constexpr bool label_is(Word kernel_label) const
    {
        return label() == (kernel_label & (~Word(0) >> label_shift));
    }

    [[nodiscard]] constexpr MsgTag with_flags(Word flags) const { return MsgTag((raw_ & ~flags_mask) | flags); }

    constexpr bool operator==(const MsgTag&) const = default;

private:
    Word raw_ = 0;
};

// IPC error codes (ErrorCode TCR: error << 1 | phase, X.2 "IPC").
namespace ipc_error {
enum : Word {
    timeout = 1,
    no_partner = 2,        // non-existing partner
    canceled = 3,          // by another thread (ExchangeRegisters) before transfer
    overflow = 4,          // message overflow
    xfer_timeout_self = 5, // transfer timeout in the invoker's page fault
    xfer_timeout_partner = 6,
    aborted = 7,           // by another thread during the transfer
};
constexpr Word send_phase = 0, receive_phase = 1;
constexpr Word code(Word error, Word phase, Word offset = 0) { return (offset << 4) | (error << 1) | phase; }
} // namespace ipc_error

// ErrorCode values of the other system calls.
namespace syscall_error {
enum : Word {
    no_privilege = 1,
    invalid_thread = 2,
    invalid_space = 3,
    invalid_scheduler = 4,
    invalid_param = 5,
    invalid_utcb = 6,
    invalid_kip_area = 7,
    out_of_memory = 8,
};
} // namespace syscall_error
