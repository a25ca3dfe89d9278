// The X.2 system calls, through the stubs in the KIP.
#pragma once

#include <l4/kip.h>
#include <l4/types.h>
#include <l4/utcb.h>

typedef struct {
    L4_Word_t raw;
} L4_MsgTag_t;

L4_ThreadId_t L4_ExchangeRegisters(L4_ThreadId_t dest, L4_Word_t control, L4_Word_t sp, L4_Word_t ip,
                                   L4_Word_t flags, L4_Word_t user_handle, L4_ThreadId_t pager,
                                   L4_Word_t* old_control, L4_Word_t* old_sp, L4_Word_t* old_ip,
                                   L4_Word_t* old_flags, L4_Word_t* old_user_handle,
                                   L4_ThreadId_t* old_pager);
L4_Word_t L4_ThreadControl(L4_ThreadId_t dest, L4_ThreadId_t space, L4_ThreadId_t scheduler,
                           L4_ThreadId_t pager, void* utcb_location);
L4_Word_t L4_SpaceControl(L4_ThreadId_t space, L4_Word_t control, L4_Fpage_t kip_area,
                          L4_Fpage_t utcb_area, L4_ThreadId_t redirector, L4_Word_t* old_control);
L4_Word_t L4_Schedule(L4_ThreadId_t dest, L4_Word_t time_control, L4_Word_t processor_control,
                      L4_Word_t prio_control, L4_Word_t preemption_control, L4_Word_t* old_time_control);
void L4_ThreadSwitch(L4_ThreadId_t dest);
L4_Clock_t L4_SystemClock(void);
L4_Word_t L4_ProcessorControl(L4_Word_t processor, L4_Word_t internal_freq, L4_Word_t external_freq,
                              L4_Word_t voltage);
L4_Word_t L4_MemoryControl(L4_Word_t control, const L4_Word_t* attributes);
void L4_Unmap(L4_Word_t control);

// Ipc and Lipc: MR0 in and out through the UTCB (the X.2 register
// conventions are handled inside).
L4_MsgTag_t L4_Ipc(L4_ThreadId_t to, L4_ThreadId_t from_specifier, L4_Word_t timeouts,
                   L4_ThreadId_t* from);
L4_MsgTag_t L4_Lipc(L4_ThreadId_t to, L4_ThreadId_t from_specifier, L4_Word_t timeouts,
                    L4_ThreadId_t* from);

// Set up by the start-up code from the KIP.
void __l4_init(void);
