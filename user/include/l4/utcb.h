// Virtual registers: MRs, BRs and thread control registers in the UTCB
// (X.2 x86 layout, word indices relative to the UTCB pointer = MR0).
#pragma once

#include <l4/types.h>

// __L4_Utcb(): the running thread's UTCB pointer (= its local id, &MR0).
#if defined(__i386__) || defined(__x86_64__)
#include <l4/ia32/utcb.h>
#elif defined(__mips__)
#include <l4/mips/utcb.h>
#else
#error "no UTCB access for this architecture"
#endif

enum {
    __L4_TCR_THREAD_WORD0 = -4, __L4_TCR_THREAD_WORD1 = -5, __L4_TCR_VIRTUAL_ACTUAL_SENDER = -6,
    __L4_TCR_INTENDED_RECEIVER = -7, __L4_TCR_XFER_TIMEOUT = -8, __L4_TCR_ERROR_CODE = -9,
    __L4_TCR_PREEMPT_FLAGS = -10, __L4_TCR_EXCEPTION_HANDLER = -11, __L4_TCR_PAGER = -12,
    __L4_TCR_USER_DEFINED_HANDLE = -13, __L4_TCR_PROCESSOR_NO = -14, __L4_TCR_MY_GLOBAL_ID = -15,
    __L4_BR0 = -16,
};

L4_INLINE L4_ThreadId_t L4_MyGlobalId(void)
{
    L4_ThreadId_t t = {__L4_Utcb()[__L4_TCR_MY_GLOBAL_ID]};
    return t;
}
L4_INLINE L4_ThreadId_t L4_MyLocalId(void)
{
    L4_ThreadId_t t = {(L4_Word_t)__L4_Utcb()};
    return t;
}
L4_INLINE L4_ThreadId_t L4_Myself(void) { return L4_MyGlobalId(); }
L4_INLINE L4_Word_t L4_ProcessorNo(void) { return __L4_Utcb()[__L4_TCR_PROCESSOR_NO]; }
L4_INLINE L4_Word_t L4_UserDefinedHandle(void) { return __L4_Utcb()[__L4_TCR_USER_DEFINED_HANDLE]; }
L4_INLINE void L4_Set_UserDefinedHandle(L4_Word_t h) { __L4_Utcb()[__L4_TCR_USER_DEFINED_HANDLE] = h; }
L4_INLINE L4_ThreadId_t L4_Pager(void)
{
    L4_ThreadId_t t = {__L4_Utcb()[__L4_TCR_PAGER]};
    return t;
}
L4_INLINE void L4_Set_Pager(L4_ThreadId_t t) { __L4_Utcb()[__L4_TCR_PAGER] = t.raw; }
L4_INLINE L4_ThreadId_t L4_ExceptionHandler(void)
{
    L4_ThreadId_t t = {__L4_Utcb()[__L4_TCR_EXCEPTION_HANDLER]};
    return t;
}
L4_INLINE void L4_Set_ExceptionHandler(L4_ThreadId_t t) { __L4_Utcb()[__L4_TCR_EXCEPTION_HANDLER] = t.raw; }
L4_INLINE L4_Word_t L4_ErrorCode(void) { return __L4_Utcb()[__L4_TCR_ERROR_CODE]; }
L4_INLINE L4_Word_t L4_XferTimeouts(void) { return __L4_Utcb()[__L4_TCR_XFER_TIMEOUT]; }
L4_INLINE void L4_Set_XferTimeouts(L4_Word_t t) { __L4_Utcb()[__L4_TCR_XFER_TIMEOUT] = t; }
L4_INLINE L4_ThreadId_t L4_IntendedReceiver(void)
{
    L4_ThreadId_t t = {__L4_Utcb()[__L4_TCR_INTENDED_RECEIVER]};
    return t;
}
L4_INLINE L4_ThreadId_t L4_ActualSender(void)
{
    L4_ThreadId_t t = {__L4_Utcb()[__L4_TCR_VIRTUAL_ACTUAL_SENDER]};
    return t;
}
L4_INLINE void L4_Set_VirtualSender(L4_ThreadId_t t) { __L4_Utcb()[__L4_TCR_VIRTUAL_ACTUAL_SENDER] = t.raw; }
L4_INLINE L4_Word_t L4_ThreadWord(L4_Word_t n) { return __L4_Utcb()[__L4_TCR_THREAD_WORD0 - (int)n]; }
L4_INLINE void L4_Set_ThreadWord(L4_Word_t n, L4_Word_t w) { __L4_Utcb()[__L4_TCR_THREAD_WORD0 - (int)n] = w; }

L4_INLINE void L4_StoreMR(int i, L4_Word_t* w) { *w = __L4_Utcb()[i]; }
L4_INLINE void L4_LoadMR(int i, L4_Word_t w) { __L4_Utcb()[i] = w; }
L4_INLINE void L4_StoreMRs(int i, int k, L4_Word_t* w)
{
    L4_Word_t* mr = __L4_Utcb() + i;
    while (k-- > 0)
        *w++ = *mr++;
}
L4_INLINE void L4_LoadMRs(int i, int k, const L4_Word_t* w)
{
    L4_Word_t* mr = __L4_Utcb() + i;
    while (k-- > 0)
        *mr++ = *w++;
}
L4_INLINE void L4_StoreBR(int i, L4_Word_t* w) { *w = __L4_Utcb()[__L4_BR0 - i]; }
L4_INLINE void L4_LoadBR(int i, L4_Word_t w) { __L4_Utcb()[__L4_BR0 - i] = w; }
