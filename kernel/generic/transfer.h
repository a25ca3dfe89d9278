// Message transfer between two threads' UTCBs (the sender's side of IPC).
#pragma once

#include "tcb.h"

// How the receiver sees a message.
struct Delivery {
    Word flags = 0;       // MsgTag p, r, X flags
    ThreadId from;        // the sender as the receiver names it
    ThreadId actual;      // propagation: the actual sender
    ThreadId intended;    // redirection: the original destination
};

// Copies src's message (MR0 tag, untyped words, typed items) to dst and
// records the delivery in dst.  Returns 0, or the ipc_error number that ends
// both IPCs.
[[nodiscard]] Word transfer_message(Tcb* src, Tcb* dst, const Delivery& d);
