// The sigma0 protocol (X.2): ask sigma0 for physical memory.
#pragma once

#include <l4/ipc.h>
#include <l4/kip.h>

// Label of sigma0 requests: -6 << 4 in the label field.
#define L4_SIGMA0_LABEL ((L4_Word_t)(-6 << 4) & ((1ul << (L4_WORD_BITS - 16)) - 1))

// sigma0's thread id (UserBase).
L4_INLINE L4_ThreadId_t L4_Sigma0Id(void)
{
    return L4_GlobalId(L4_ThreadIdUserBase(L4_GetKernelInterface()), 1);
}

// Asks for `f` (base ~0 above bit 10: any free page of that size) with the
// given attributes, received into `window`.  Returns the fpage granted
// (nil on refusal).
L4_INLINE L4_Fpage_t L4_Sigma0_GetPage_RcvWindow(L4_ThreadId_t sigma0, L4_Fpage_t f, L4_Word_t attributes,
                                                  L4_Fpage_t window)
{
    L4_Accept(L4_MapGrantItems(window));
    L4_LoadMR(1, f.raw);
    L4_LoadMR(2, attributes);
    L4_Set_MsgTag(L4_MsgTagMake(L4_SIGMA0_LABEL, 2, 0));
    L4_MsgTag_t tag = L4_Call(sigma0);
    L4_Fpage_t got = L4_Nilpage;
    if (L4_IpcSucceeded(tag) && L4_TypedWords(tag) == 2)
        L4_StoreMR(2, &got.raw);
    L4_Accept(L4_UntypedWordsAcceptor);
    return got;
}

L4_INLINE L4_Fpage_t L4_Sigma0_GetPage(L4_ThreadId_t sigma0, L4_Fpage_t f)
{
    return L4_Sigma0_GetPage_RcvWindow(sigma0, f, 0, L4_CompleteAddressSpace);
}

L4_INLINE L4_Fpage_t L4_Sigma0_GetAny(L4_ThreadId_t sigma0, L4_Word_t size_log2, L4_Fpage_t window)
{
    return L4_Sigma0_GetPage_RcvWindow(sigma0, L4_FpageLog2(~0ul, (int)size_log2), 0, window);
}
