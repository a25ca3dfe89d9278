// Messages and the IPC convenience calls (X.2 names).
#pragma once

#include <l4/syscalls.h>

// --- message tags ---
static const L4_MsgTag_t L4_Niltag = {0};
L4_INLINE L4_Word_t L4_Label(L4_MsgTag_t t) { return t.raw >> 16; }
L4_INLINE L4_Word_t L4_UntypedWords(L4_MsgTag_t t) { return t.raw & 0x3f; }
L4_INLINE L4_Word_t L4_TypedWords(L4_MsgTag_t t) { return (t.raw >> 6) & 0x3f; }
L4_INLINE L4_MsgTag_t L4_MsgTagMake(L4_Word_t label, L4_Word_t untyped, L4_Word_t typed)
{
    L4_MsgTag_t t = {(label << 16) | ((typed & 0x3f) << 6) | (untyped & 0x3f)};
    return t;
}
L4_INLINE L4_MsgTag_t L4_MsgTagAddLabel(L4_MsgTag_t t, L4_Word_t label)
{
    t.raw = (t.raw & 0xffff) | (label << 16);
    return t;
}
L4_INLINE L4_Bool_t L4_IpcSucceeded(L4_MsgTag_t t) { return (t.raw & (1u << 15)) == 0; }
L4_INLINE L4_Bool_t L4_IpcFailed(L4_MsgTag_t t) { return (t.raw & (1u << 15)) != 0; }
L4_INLINE L4_Bool_t L4_IpcPropagated(L4_MsgTag_t t) { return (t.raw & (1u << 12)) != 0; }
L4_INLINE L4_Bool_t L4_IpcRedirected(L4_MsgTag_t t) { return (t.raw & (1u << 13)) != 0; }
L4_INLINE L4_Bool_t L4_IpcXcpu(L4_MsgTag_t t) { return (t.raw & (1u << 14)) != 0; }
L4_INLINE void L4_Set_MsgTag(L4_MsgTag_t t) { __L4_Utcb()[0] = t.raw; }
L4_INLINE L4_MsgTag_t L4_MsgTag(void)
{
    L4_MsgTag_t t = {__L4_Utcb()[0]};
    return t;
}
L4_INLINE void L4_Set_Propagation(L4_MsgTag_t* t) { t->raw |= 1u << 12; }

// --- IPC error codes (ErrorCode: error << 1 | phase) ---
enum { L4_ErrOk = 0, L4_ErrTimeout = 1, L4_ErrNonExist = 2, L4_ErrCanceled = 3, L4_ErrMsgOverflow = 4,
       L4_ErrXferTimeoutSelf = 5, L4_ErrXferTimeoutPartner = 6, L4_ErrAborted = 7 };
L4_INLINE L4_Word_t L4_IpcError(void) { return (L4_ErrorCode() >> 1) & 7; }
L4_INLINE L4_Bool_t L4_IpcErrorInReceive(void) { return L4_ErrorCode() & 1; }

// --- messages assembled in memory, then loaded into the MRs ---
typedef union {
    L4_Word_t raw[64];
    L4_Word_t msg[64];
    L4_MsgTag_t tag;
} L4_Msg_t;

L4_INLINE void L4_MsgClear(L4_Msg_t* m) { m->raw[0] = 0; }
L4_INLINE void L4_Set_MsgLabel(L4_Msg_t* m, L4_Word_t label) { m->tag = L4_MsgTagAddLabel(m->tag, label); }
L4_INLINE L4_Word_t L4_MsgLabel(const L4_Msg_t* m) { return L4_Label(m->tag); }
L4_INLINE void L4_MsgAppendWord(L4_Msg_t* m, L4_Word_t w)
{
    L4_Word_t u = L4_UntypedWords(m->tag);
    m->raw[1 + u] = w;
    m->tag.raw = (m->tag.raw & ~0x3ful) | (u + 1);
}
L4_INLINE L4_Word_t L4_MsgWord(const L4_Msg_t* m, L4_Word_t i) { return m->raw[1 + i]; }
L4_INLINE void L4_MsgLoad(const L4_Msg_t* m)
{
    L4_LoadMRs(0, 1 + (int)(L4_UntypedWords(m->tag) + L4_TypedWords(m->tag)), m->raw);
}
L4_INLINE void L4_MsgStore(L4_MsgTag_t t, L4_Msg_t* m)
{
    m->tag = t;
    L4_StoreMRs(1, (int)(L4_UntypedWords(t) + L4_TypedWords(t)), &m->raw[1]);
}

// --- the IPC forms ---
L4_INLINE L4_MsgTag_t L4_Call_Timeouts(L4_ThreadId_t to, L4_Time_t snd, L4_Time_t rcv)
{
    L4_ThreadId_t dummy;
    return L4_Ipc(to, to, L4_Timeouts(snd, rcv), &dummy);
}
L4_INLINE L4_MsgTag_t L4_Call(L4_ThreadId_t to) { return L4_Call_Timeouts(to, L4_Never, L4_Never); }
L4_INLINE L4_MsgTag_t L4_Send_Timeout(L4_ThreadId_t to, L4_Time_t t)
{
    L4_ThreadId_t dummy;
    return L4_Ipc(to, L4_nilthread, L4_Timeouts(t, L4_Never), &dummy);
}
L4_INLINE L4_MsgTag_t L4_Send(L4_ThreadId_t to) { return L4_Send_Timeout(to, L4_Never); }
L4_INLINE L4_MsgTag_t L4_Reply(L4_ThreadId_t to) { return L4_Send_Timeout(to, L4_ZeroTime); }
L4_INLINE L4_MsgTag_t L4_Receive_Timeout(L4_ThreadId_t from, L4_Time_t t)
{
    L4_ThreadId_t dummy;
    return L4_Ipc(L4_nilthread, from, L4_Timeouts(L4_Never, t), &dummy);
}
L4_INLINE L4_MsgTag_t L4_Receive(L4_ThreadId_t from) { return L4_Receive_Timeout(from, L4_Never); }
L4_INLINE L4_MsgTag_t L4_Wait_Timeout(L4_Time_t t, L4_ThreadId_t* from)
{
    return L4_Ipc(L4_nilthread, L4_anythread, L4_Timeouts(L4_Never, t), from);
}
L4_INLINE L4_MsgTag_t L4_Wait(L4_ThreadId_t* from) { return L4_Wait_Timeout(L4_Never, from); }
L4_INLINE L4_MsgTag_t L4_ReplyWait_Timeout(L4_ThreadId_t to, L4_Time_t t, L4_ThreadId_t* from)
{
    return L4_Ipc(to, L4_anythread, L4_Timeouts(L4_ZeroTime, t), from);
}
L4_INLINE L4_MsgTag_t L4_ReplyWait(L4_ThreadId_t to, L4_ThreadId_t* from)
{
    return L4_ReplyWait_Timeout(to, L4_Never, from);
}
L4_INLINE L4_MsgTag_t L4_Sleep(L4_Time_t t) { return L4_Receive_Timeout(L4_MyLocalId(), t); }
L4_INLINE L4_MsgTag_t L4_Lcall(L4_ThreadId_t to)
{
    L4_ThreadId_t dummy;
    return L4_Lipc(to, to, L4_Timeouts(L4_Never, L4_Never), &dummy);
}
L4_INLINE L4_MsgTag_t L4_LreplyWait(L4_ThreadId_t to, L4_ThreadId_t* from)
{
    return L4_Lipc(to, L4_anylocalthread, L4_Timeouts(L4_Never, L4_Never), from);
}

// --- map and grant items (two words: send base with the item type, fpage) ---
typedef struct {
    L4_Word_t raw[2];
} L4_MapItem_t;
typedef L4_MapItem_t L4_GrantItem_t;
L4_INLINE L4_MapItem_t L4_MapItem(L4_Fpage_t f, L4_Word_t send_base)
{
    L4_MapItem_t m = {{(send_base & ~0x3fful) | 0x8, f.raw}};
    return m;
}
L4_INLINE L4_GrantItem_t L4_GrantItem(L4_Fpage_t f, L4_Word_t send_base)
{
    L4_GrantItem_t m = {{(send_base & ~0x3fful) | 0xa, f.raw}};
    return m;
}
L4_INLINE void L4_MsgAppendMapItem(L4_Msg_t* m, L4_MapItem_t item)
{
    L4_Word_t u = L4_UntypedWords(m->tag), t = L4_TypedWords(m->tag);
    m->raw[1 + u + t] = item.raw[0];
    m->raw[2 + u + t] = item.raw[1];
    m->tag.raw = (m->tag.raw & ~0xfc0ul) | ((t + 2) << 6);
}
L4_INLINE void L4_MsgAppendGrantItem(L4_Msg_t* m, L4_GrantItem_t item) { L4_MsgAppendMapItem(m, item); }

// --- string items: header (length, substrings, compound bit c) + pointers ---
// Header: C (bit 0, in BRs: more receive buffers follow), type 0 with cache
// hints in bits 2-1, substring count - 1 in bits 8-4, c (bit 9: the string
// continues in the next item), length of each substring from bit 10.
L4_INLINE L4_Word_t L4_StringHeader(L4_Word_t length, L4_Word_t substrings, int compound, int more_buffers)
{
    return (length << 10) | (compound ? 1u << 9 : 0) | (((substrings - 1) & 0x1f) << 4) | (more_buffers ? 1 : 0);
}
// Appends a simple string item (one substring) to a message.
L4_INLINE void L4_MsgAppendSimpleStringItem(L4_Msg_t* m, const void* address, L4_Word_t length)
{
    L4_Word_t u = L4_UntypedWords(m->tag), t = L4_TypedWords(m->tag);
    m->raw[1 + u + t] = L4_StringHeader(length, 1, 0, 0);
    m->raw[2 + u + t] = (L4_Word_t)address;
    m->tag.raw = (m->tag.raw & ~0xfc0ul) | ((t + 2) << 6);
}

// --- acceptor (BR0): receive window for mappings, s bit for strings ---
typedef struct {
    L4_Word_t raw;
} L4_Acceptor_t;
static const L4_Acceptor_t L4_UntypedWordsAcceptor = {0};
static const L4_Acceptor_t L4_StringItemsAcceptor = {1};
L4_INLINE L4_Acceptor_t L4_MapGrantItems(L4_Fpage_t window)
{
    L4_Acceptor_t a = {window.raw & ~0xful};
    return a;
}
L4_INLINE void L4_Accept(L4_Acceptor_t a) { L4_LoadBR(0, a.raw); }
L4_INLINE L4_Acceptor_t L4_AddAcceptor(L4_Acceptor_t a, L4_Acceptor_t b)
{
    L4_Acceptor_t r = {a.raw | b.raw};
    return r;
}
// Accepts strings into one simple receive buffer (BR1, BR2).
L4_INLINE void L4_AcceptString(void* buffer, L4_Word_t length)
{
    L4_LoadBR(0, L4_StringItemsAcceptor.raw);
    L4_LoadBR(1, L4_StringHeader(length, 1, 0, 0));
    L4_LoadBR(2, (L4_Word_t)buffer);
}
