// The mips64 exception message (exception_message.cc, docs/abi.md).
#pragma once

#include "frame.h"
#include <generic/types.h>

class Utcb;

namespace arch {

inline constexpr unsigned exception_message_words = 35;
void write_exception_message(Utcb& u, const Frame& f, Word vector, Word error);
void read_exception_reply(Utcb& u, Frame& f);

} // namespace arch
