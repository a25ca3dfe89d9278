// Thread management convenience calls (X.2 names).
#pragma once

#include <l4/syscalls.h>

L4_INLINE L4_ThreadId_t L4_GlobalIdOf(L4_ThreadId_t t)
{
    if (!L4_IsLocalId(t))
        return t;
    L4_Word_t d;
    L4_ThreadId_t p;
    return L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &d, &d, &d, &d, &d, &p);
}
L4_INLINE L4_ThreadId_t L4_LocalIdOf(L4_ThreadId_t t)
{
    if (L4_IsLocalId(t))
        return t;
    L4_Word_t d;
    L4_ThreadId_t p;
    return L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &d, &d, &d, &d, &d, &p);
}
// Resume t, aborting any IPC (X.2 L4_Start).
L4_INLINE void L4_Start(L4_ThreadId_t t)
{
    L4_Word_t d;
    L4_ThreadId_t p;
    L4_ExchangeRegisters(t, (1u << 8) | 6, 0, 0, 0, 0, L4_nilthread, &d, &d, &d, &d, &d, &p);
}
L4_INLINE void L4_Start_SpIp(L4_ThreadId_t t, L4_Word_t sp, L4_Word_t ip)
{
    L4_Word_t d;
    L4_ThreadId_t p;
    L4_ExchangeRegisters(t, (3u << 3) | (1u << 8) | 6, sp, ip, 0, 0, L4_nilthread, &d, &d, &d, &d, &d, &p);
}
L4_INLINE void L4_Stop(L4_ThreadId_t t)
{
    L4_Word_t d;
    L4_ThreadId_t p;
    L4_ExchangeRegisters(t, (1u << 8) | 1, 0, 0, 0, 0, L4_nilthread, &d, &d, &d, &d, &d, &p);
}
L4_INLINE void L4_AbortIpc_and_stop(L4_ThreadId_t t)
{
    L4_Word_t d;
    L4_ThreadId_t p;
    L4_ExchangeRegisters(t, (1u << 8) | 7, 0, 0, 0, 0, L4_nilthread, &d, &d, &d, &d, &d, &p);
}
L4_INLINE L4_Word_t L4_UserDefinedHandleOf(L4_ThreadId_t t)
{
    L4_Word_t d, h;
    L4_ThreadId_t p;
    L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &d, &d, &d, &d, &h, &p);
    return h;
}
L4_INLINE void L4_Set_UserDefinedHandleOf(L4_ThreadId_t t, L4_Word_t handle)
{
    L4_Word_t d;
    L4_ThreadId_t p;
    L4_ExchangeRegisters(t, 1u << 6, 0, 0, 0, handle, L4_nilthread, &d, &d, &d, &d, &d, &p);
}
L4_INLINE L4_ThreadId_t L4_PagerOf(L4_ThreadId_t t)
{
    L4_Word_t d;
    L4_ThreadId_t p;
    L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &d, &d, &d, &d, &d, &p);
    return p;
}
L4_INLINE void L4_Set_PagerOf(L4_ThreadId_t t, L4_ThreadId_t pager)
{
    L4_Word_t d;
    L4_ThreadId_t p;
    L4_ExchangeRegisters(t, 1u << 7, 0, 0, 0, 0, pager, &d, &d, &d, &d, &d, &p);
}

// Schedule helpers.
L4_INLINE L4_Word_t L4_Set_Priority(L4_ThreadId_t t, L4_Word_t prio)
{
    L4_Word_t old;
    return L4_Schedule(t, ~0ul, ~0ul, prio & 0xff, ~0ul, &old);
}
L4_INLINE L4_Word_t L4_Set_Timeslice(L4_ThreadId_t t, L4_Time_t slice, L4_Time_t quantum)
{
    L4_Word_t old;
    return L4_Schedule(t, ((L4_Word_t)slice.raw << 16) | quantum.raw, ~0ul, ~0ul, ~0ul, &old);
}
L4_INLINE L4_Word_t L4_Set_ProcessorNo(L4_ThreadId_t t, L4_Word_t cpu)
{
    L4_Word_t old;
    return L4_Schedule(t, ~0ul, cpu, ~0ul, ~0ul, &old);
}
L4_INLINE void L4_Yield(void) { L4_ThreadSwitch(L4_nilthread); }

// Schedule's thread-state results.
enum { L4_SCHEDRESULT_ERROR = 0, L4_SCHEDRESULT_DEAD = 1, L4_SCHEDRESULT_INACTIVE = 2,
       L4_SCHEDRESULT_RUNNING = 3, L4_SCHEDRESULT_PENDING_SEND = 4, L4_SCHEDRESULT_SENDING = 5,
       L4_SCHEDRESULT_WAITING = 6, L4_SCHEDRESULT_RECEIVING = 7 };

// ThreadControl/SpaceControl/ExchangeRegisters error codes.
enum { L4_ErrNoPrivilege = 1, L4_ErrInvalidThread = 2, L4_ErrInvalidSpace = 3, L4_ErrInvalidScheduler = 4,
       L4_ErrInvalidParam = 5, L4_ErrUtcbArea = 6, L4_ErrKipArea = 7, L4_ErrNoMem = 8 };
