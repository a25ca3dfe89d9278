// Address spaces: map/grant/unmap chains across spaces with recursive
// revocation, rights, access status, superpages, the sigma0 protocol, page
// faults, hostile fpages, and spaces that leave no kernel memory behind.
#include "ktest.h"
#include "spaces.h"
#include <l4/ipc.h>
#include <l4/kdebug.h>
#include <l4/sigma0.h>
#include <l4/thread.h>

using namespace ktest;

namespace {

constexpr L4_Word_t map_item_type = 0x8, grant_item_type = 0xa;

L4_Word_t read_in(L4_ThreadId_t t, L4_Word_t address)
{
    L4_MsgTag_t tag = command(t, cmd_read, address);
    L4_Word_t v = ~0ul;
    if (L4_IpcSucceeded(tag))
        L4_StoreMR(1, &v);
    return v;
}

bool write_in(L4_ThreadId_t t, L4_Word_t address, L4_Word_t value)
{
    return L4_IpcSucceeded(command(t, cmd_write, address, value));
}

// Whether t faults when it reads `address` (the identity pager then maps
// its dummy page there).
bool faults_on_read(L4_ThreadId_t t, L4_Word_t address)
{
    L4_Word_t before = pager_faults.count;
    (void)read_in(t, address);
    return pager_faults.count != before && pager_faults.last_address == address;
}

bool faults_on_write(L4_ThreadId_t t, L4_Word_t address)
{
    L4_Word_t before = pager_faults.count;
    (void)write_in(t, address, 1);
    return pager_faults.count != before && pager_faults.last_address == address;
}

L4_Fpage_t page_rwx(L4_Word_t address) { return L4_FpageAddRights(L4_FpageLog2(address, 12), 7); }

// Unmap in our own space; returns the fpage with the access status bits.
L4_Fpage_t unmap_here(L4_Fpage_t f, bool flush)
{
    L4_LoadMR(0, f.raw);
    L4_Unmap(flush ? 0x40 : 0);
    L4_Fpage_t out;
    L4_StoreMR(0, &out.raw);
    return out;
}

struct Chain {
    L4_ThreadId_t a, b, c;
};

// root -> A at 0x31000000 -> B at 0x32000000 -> C at 0x33000000.
Chain build_chain(L4_Word_t page)
{
    Chain ch{spawn_in_new_space(command_loop), spawn_in_new_space(command_loop), spawn_in_new_space(command_loop)};
    L4_MsgTag_t t1 = give(ch.a, 0x31000000 | map_item_type, page_rwx(page));
    L4_MsgTag_t t2 = command(ch.a, cmd_send_item, ch.b.raw, 0x32000000 | map_item_type, page_rwx(0x31000000).raw);
    L4_MsgTag_t t3 = command(ch.b, cmd_send_item, ch.c.raw, 0x33000000 | map_item_type, page_rwx(0x32000000).raw);
    CHECK(L4_IpcSucceeded(t1) && L4_IpcSucceeded(t2) && L4_IpcSucceeded(t3));
    return ch;
}

void reap_chain(const Chain& ch)
{
    reap_space_thread(ch.a);
    reap_space_thread(ch.b);
    reap_space_thread(ch.c);
}

} // namespace

KTEST(memory, map_shares_the_page)
{
    L4_Word_t page = scratch_page(0);
    *(volatile L4_Word_t*)page = 0x1111;
    L4_ThreadId_t a = spawn_in_new_space(command_loop);
    CHECK(L4_IpcSucceeded(give(a, 0x31000000 | map_item_type, page_rwx(page))));
    CHECK_EQ(read_in(a, 0x31000000), 0x1111);
    CHECK(write_in(a, 0x31000000 + sizeof(L4_Word_t), 0x2222));
    CHECK_EQ(*(volatile L4_Word_t*)(page + sizeof(L4_Word_t)), 0x2222);
    reap_space_thread(a);
}

KTEST(memory, chain_three_deep_and_recursive_revoke)
{
    L4_Word_t page = scratch_page(1);
    *(volatile L4_Word_t*)page = 0xabc;
    Chain ch = build_chain(page);
    CHECK_EQ(read_in(ch.c, 0x33000000), 0xabc);
    CHECK(write_in(ch.c, 0x33000000, 0xdef));
    CHECK_EQ(*(volatile L4_Word_t*)page, 0xdef);
    // Unmap without flush: every derived mapping goes, ours stays.
    unmap_here(page_rwx(page), false);
    CHECK_EQ(*(volatile L4_Word_t*)page, 0xdef);
    CHECK(faults_on_read(ch.a, 0x31000000));
    CHECK(faults_on_read(ch.b, 0x32000000));
    CHECK(faults_on_read(ch.c, 0x33000000));
    reap_chain(ch);
}

KTEST(memory, flush_in_the_middle_of_a_chain)
{
    L4_Word_t page = scratch_page(2);
    *(volatile L4_Word_t*)page = 7;
    Chain ch = build_chain(page);
    // B flushes its own mapping: B and C lose the page, A keeps it.
    L4_MsgTag_t t = command(ch.b, cmd_unmap, page_rwx(0x32000000).raw, 0x40);
    CHECK(L4_IpcSucceeded(t));
    CHECK_EQ(read_in(ch.a, 0x31000000), 7);
    CHECK(faults_on_read(ch.b, 0x32000000));
    CHECK(faults_on_read(ch.c, 0x33000000));
    reap_chain(ch);
}

KTEST(memory, revoking_write_rights_only)
{
    L4_Word_t page = scratch_page(3);
    *(volatile L4_Word_t*)page = 5;
    Chain ch = build_chain(page);
    unmap_here(L4_FpageAddRights(L4_FpageLog2(page, 12), L4_Writable), false);
    // Still readable everywhere, no longer writable below us.
    CHECK(!faults_on_read(ch.c, 0x33000000));
    CHECK_EQ(read_in(ch.c, 0x33000000), 5);
    CHECK(faults_on_write(ch.b, 0x32000000));
    CHECK_EQ(pager_faults.last_access & 2, 2);
    CHECK_EQ(*(volatile L4_Word_t*)page, 5);   // the write went to the dummy page
    reap_chain(ch);
}

KTEST(memory, access_status_bits_are_reported_and_reset)
{
    L4_Word_t page = scratch_page(4);
    L4_ThreadId_t a = spawn_in_new_space(command_loop);
    CHECK(L4_IpcSucceeded(give(a, 0x31000000 | map_item_type, page_rwx(page))));
    unmap_here(L4_FpageLog2(page, 12), false);   // read and reset
    CHECK(write_in(a, 0x31000000, 9));
    L4_Fpage_t st = unmap_here(L4_FpageLog2(page, 12), false);
    CHECK(L4_Rights(st) & L4_Writable);    // dirty, in the derived mapping
    CHECK(L4_Rights(st) & L4_Readable);    // and referenced
    st = unmap_here(L4_FpageLog2(page, 12), false);
    CHECK_EQ(L4_Rights(st), 0);            // reset by the previous call
    CHECK_EQ(read_in(a, 0x31000000), 9);   // status queries revoke nothing
    reap_space_thread(a);
}

KTEST(memory, grant_moves_the_mapping)
{
    L4_Word_t page = scratch_page(5);
    *(volatile L4_Word_t*)page = 0x77;
    L4_ThreadId_t a = spawn_in_new_space(command_loop);
    L4_ThreadId_t b = spawn_in_new_space(command_loop);
    CHECK(L4_IpcSucceeded(give(a, 0x31000000 | map_item_type, page_rwx(page))));
    L4_MsgTag_t t = command(a, cmd_send_item, b.raw, 0x32000000 | grant_item_type, page_rwx(0x31000000).raw);
    CHECK(L4_IpcSucceeded(t));
    CHECK_EQ(read_in(b, 0x32000000), 0x77);
    CHECK(faults_on_read(a, 0x31000000));     // A gave it away
    // B's page still derives from ours: revoking reaches it.
    unmap_here(page_rwx(page), false);
    CHECK(faults_on_read(b, 0x32000000));
    reap_space_thread(a);
    reap_space_thread(b);
}

KTEST(memory, superpage_map_and_partial_unmap)
{
    // A 4 MiB page from sigma0, mapped whole to a child, then a 4 KiB hole.
    L4_Fpage_t big = L4_Sigma0_GetAny(L4_Sigma0Id(), 22, L4_FpageLog2(0x20000000, 28));
    CHECK(!L4_IsNilFpage(big));
    if (L4_IsNilFpage(big))
        return;
    // Our copy is where the window put it (the send base picks the offset).
    L4_Word_t here = 0x20000000 + (L4_Address(big) & ((1ul << 28) - 1) & ~((1ul << 22) - 1));
    *(volatile L4_Word_t*)here = 0x5a5a;
    *(volatile L4_Word_t*)(here + 0x3ff000) = 0xa5a5;
    L4_ThreadId_t a = spawn_in_new_space(command_loop);
    CHECK(L4_IpcSucceeded(give(a, 0x30000000 | map_item_type, L4_FpageAddRights(L4_FpageLog2(here, 22), 7))));
    CHECK_EQ(read_in(a, 0x30000000), 0x5a5a);
    CHECK_EQ(read_in(a, 0x303ff000), 0xa5a5);
    L4_MsgTag_t t = command(a, cmd_unmap, L4_FpageAddRights(L4_FpageLog2(0x30001000, 12), 7).raw, 0x40);
    CHECK(L4_IpcSucceeded(t));
    CHECK(faults_on_read(a, 0x30001000));
    CHECK_EQ(read_in(a, 0x30000000), 0x5a5a);
    CHECK_EQ(read_in(a, 0x30002000), 0);
    CHECK_EQ(read_in(a, 0x303ff000), 0xa5a5);
    reap_space_thread(a);
    unmap_here(L4_FpageAddRights(L4_FpageLog2(here, 22), 7), true);
}

KTEST(memory, sigma0_protocol_and_its_errors)
{
    L4_ThreadId_t s0 = L4_Sigma0Id();
    L4_Fpage_t window = L4_FpageLog2(0x24000000, 24);
    // Any page of 4 KiB, then the same page again (idempotent).
    L4_Fpage_t got = L4_Sigma0_GetAny(s0, 12, window);
    CHECK(!L4_IsNilFpage(got));
    CHECK_EQ(L4_SizeLog2(got), 12);
    L4_Fpage_t again = L4_Sigma0_GetPage_RcvWindow(s0, L4_FpageLog2(L4_Address(got), 12), 0, window);
    CHECK_EQ(again.raw & ~0xful, got.raw & ~0xful);
    // Kernel memory (reserved) is refused, and so is a misaligned request.
    L4_KernelInterfacePage_t* kip = L4_GetKernelInterface();
    L4_Word_t reserved = 0;
    for (L4_Word_t i = 0; i < L4_NumMemoryDescriptors(kip); i++)
        if (L4_MemoryDescType(L4_MemoryDesc(kip, i)) == L4_ReservedMemoryType)
            reserved = L4_MemoryDescLow(L4_MemoryDesc(kip, i));
    CHECK(L4_IsNilFpage(L4_Sigma0_GetPage_RcvWindow(s0, L4_FpageLog2(reserved, 12), 0, window)));
    CHECK(L4_IsNilFpage(L4_Sigma0_GetPage_RcvWindow(s0, (L4_Fpage_t){(L4_Address(got) + 0x400) | (12 << 4)}, 0, window)));
    // Absurd sizes.
    CHECK(L4_IsNilFpage(L4_Sigma0_GetAny(s0, 40 < L4_WORD_BITS ? 40 : 31, window)));
    // Another thread may not have what we own.
    struct Other {
        static void run(L4_Word_t page)
        {
            L4_Fpage_t r = L4_Sigma0_GetPage_RcvWindow(L4_Sigma0Id(), L4_FpageLog2(page, 12), 0,
                                                       L4_FpageLog2(0x25000000, 24));
            L4_LoadMR(1, r.raw);
            L4_Set_MsgTag(L4_MsgTagMake(0x33, 1, 0));
            L4_Send(main_thread());
        }
    };
    L4_ThreadId_t o = spawn(Other::run, L4_Address(got));
    L4_ThreadId_t from;
    L4_MsgTag_t tag = L4_Wait_Timeout(L4_TimePeriod(1000000), &from);
    CHECK(L4_IpcSucceeded(tag) && L4_Label(tag) == 0x33);
    L4_Word_t r;
    L4_StoreMR(1, &r);
    CHECK_EQ(r & ~0xful, 0);   // refused: a nil fpage
    reap(o);
}

KTEST(memory, many_spaces_keep_their_own_mappings)
{
    // More short-lived spaces than a soft-TLB CPU has address-space ids
    // (255 on MIPS), each reading its own page at the same address, while
    // two long-lived spaces keep theirs: no space may see another's
    // translation, across ASID roll-overs too.
    L4_Word_t pages[2] = {scratch_page(10), scratch_page(11)};
    *(volatile L4_Word_t*)pages[0] = 0x1000;
    *(volatile L4_Word_t*)pages[1] = 0x2000;
    L4_ThreadId_t keep[2];
    for (int k = 0; k < 2; k++) {
        keep[k] = spawn_in_new_space(command_loop);
        CHECK(L4_IpcSucceeded(give(keep[k], 0x31000000 | map_item_type, page_rwx(pages[k]))));
        CHECK_EQ(read_in(keep[k], 0x31000000), 0x1000ul * (k + 1));
    }
    int wrong = 0;
    for (int i = 0; i < 300; i++) {
        L4_ThreadId_t t = spawn_in_new_space(command_loop);
        if (!L4_IpcSucceeded(give(t, 0x31000000 | map_item_type, page_rwx(pages[i % 2]))) ||
            read_in(t, 0x31000000) != 0x1000ul * (i % 2 + 1))
            wrong++;
        reap_space_thread(t);
        if (i % 50 == 49)
            for (int k = 0; k < 2; k++)
                if (read_in(keep[k], 0x31000000) != 0x1000ul * (k + 1))
                    wrong++;
    }
    CHECK_EQ(wrong, 0);
    for (L4_ThreadId_t t : keep)
        reap_space_thread(t);
}

KTEST(memory, page_fault_ipc_resolved_by_a_map_reply)
{
    // Children run our code: every instruction fetch and stack access of a
    // new space is a page fault answered by the identity pager.
    L4_ThreadId_t a = spawn_in_new_space(command_loop);
    L4_Word_t before = pager_faults.count;
    CHECK_EQ(read_in(a, scratch_page(6)), *(volatile L4_Word_t*)scratch_page(6));
    CHECK_EQ(pager_faults.count, before);   // image pages: not counted
    CHECK(faults_on_read(a, 0x3ffff000));   // outside: counted, dummy page
    reap_space_thread(a);
}

KTEST(memory, map_items_without_a_receive_window_overflow)
{
    L4_ThreadId_t t = spawn([](L4_Word_t) {
        L4_Accept(L4_UntypedWordsAcceptor);
        L4_ThreadId_t from;
        L4_MsgTag_t tag = L4_Wait(&from);
        L4_LoadMR(1, L4_IpcFailed(tag) ? L4_ErrorCode() : 0);
        L4_Set_MsgTag(L4_MsgTagMake(0x44, 1, 0));
        L4_Send(main_thread());
    });
    L4_Yield();
    L4_LoadMR(1, 0x31000000 | map_item_type);
    L4_LoadMR(2, page_rwx(scratch_page(7)).raw);
    L4_Set_MsgTag(L4_MsgTagMake(0, 0, 2));
    L4_MsgTag_t tag = L4_Send(t);
    CHECK(L4_IpcFailed(tag));
    CHECK_EQ(L4_ErrorCode() & 0xf, (L4_ErrMsgOverflow << 1) | 0);
    L4_ThreadId_t from;
    tag = L4_Wait_Timeout(L4_TimePeriod(100000), &from);
    L4_Word_t err;
    L4_StoreMR(1, &err);
    CHECK_EQ(err & 0xf, (L4_ErrMsgOverflow << 1) | 1);
    reap(t);
}

KTEST(memory, hostile_fpages_do_no_harm)
{
    L4_ThreadId_t a = spawn_in_new_space(command_loop);
    L4_Word_t page = scratch_page(8);
    *(volatile L4_Word_t*)page = 0x99;
    // Misaligned base, size below a page, kernel addresses, nil: no mapping
    // appears, nothing breaks.
    L4_Word_t kip = (L4_Word_t)L4_GetKernelInterface();
    L4_Fpage_t bad[] = {(L4_Fpage_t){(page + 0x800) | (12 << 4) | 7}, L4_FpageAddRights(L4_FpageLog2(page, 10), 7),
                        L4_FpageAddRights(L4_FpageLog2(user_space_end(), 20), 7), L4_Nilpage,
                        L4_FpageAddRights(L4_FpageLog2(0xfffff000, 12), 7),
                        L4_FpageAddRights(L4_FpageLog2(kip, 12), 7),               // the KIP is the kernel's
                        L4_FpageAddRights(L4_FpageLog2(L4_MyLocalId().raw & ~0xffful, 12), 7)};   // a UTCB page
    L4_Word_t dest = 0x34000000;
    for (L4_Fpage_t f : bad) {
        CHECK(L4_IpcSucceeded(give(a, dest | map_item_type, f)));
        CHECK(faults_on_read(a, dest));
        dest += 0x100000;
    }
    // Unmap of nil, kernel and complete fpages from a child.
    CHECK(L4_IpcSucceeded(command(a, cmd_unmap, 0, 0x40)));
    CHECK(L4_IpcSucceeded(command(a, cmd_unmap, L4_FpageAddRights(L4_FpageLog2(user_space_end(), 28), 7).raw, 0x40)));
    CHECK(L4_IpcSucceeded(command(a, cmd_unmap, L4_FpageAddRights(L4_CompleteAddressSpace, 7).raw, 0x40)));
    CHECK_EQ(*(volatile L4_Word_t*)page, 0x99);
    reap_space_thread(a);
}

KTEST(memory, ten_thousand_spaces_leave_no_kernel_memory_behind)
{
    L4_Word_t page = scratch_page(9);
    L4_ThreadId_t me = main_thread();
    // Warm up the caches the loop uses, then count.
    for (int round = 0; round < 2; round++) {
        L4_Word_t before = L4_KDB_FreeKernelMemory();
        int failures = 0;
        for (int i = 0; i < (round == 0 ? 10 : 10000); i++) {
            L4_ThreadId_t t = fresh_thread_id();
            L4_Word_t old;
            bool ok = L4_ThreadControl(t, t, me, L4_nilthread, (void*)-1) == 1 &&
                      L4_SpaceControl(t, 0, L4_FpageLog2((L4_Word_t)L4_GetKernelInterface(), 12),
                                      L4_FpageLog2(0xbf000000, 14), L4_nilthread, &old) == 1 &&
                      L4_ThreadControl(t, t, me, me, (void*)0xbf000000) == 1;
            // A mapping into the new space: the start-up message carries one.
            L4_LoadMR(1, 0x31000000 | map_item_type);
            L4_LoadMR(2, page_rwx(page).raw);
            L4_Set_MsgTag(L4_MsgTagMake(0, 0, 2));
            (void)L4_Send_Timeout(t, L4_ZeroTime);
            ok = ok && L4_ThreadControl(t, L4_nilthread, L4_nilthread, L4_nilthread, (void*)-1) == 1;
            if (!ok)
                failures++;
        }
        L4_Word_t after = L4_KDB_FreeKernelMemory();
        if (round == 1) {
            printf("    10000 spaces: %lu free kernel pages before, %lu after\n", before, after);
            CHECK_EQ(failures, 0);
            CHECK_EQ(after, before);
        }
    }
}

KTEST(memory, exhausted_kernel_memory_fails_cleanly)
{
    // Create inactive threads in new spaces until the kernel pool runs dry:
    // ThreadControl must then fail with "out of memory" (X.2 error 8), a map
    // item that needs a new page table maps nothing but the IPC still
    // succeeds, and once the threads are gone every page is back.
    L4_ThreadId_t me = main_thread();
    L4_Word_t before = L4_KDB_FreeKernelMemory();
    L4_ThreadId_t a = spawn_in_new_space(command_loop);
    L4_Word_t page = scratch_page(11);
    *(volatile L4_Word_t*)page = 0x5a5a;
    static L4_ThreadId_t hogs[20000];
    unsigned n = 0, spaces = 0;
    L4_Word_t error = 0, error_same_space = 0;
    // New spaces first (several pages each), then inactive threads of our
    // space (one TCB page each) for the last pages.
    while (n < sizeof hogs / sizeof hogs[0]) {
        L4_ThreadId_t t = fresh_thread_id();
        if (L4_ThreadControl(t, t, me, L4_nilthread, (void*)-1) != 1) {
            error = L4_ErrorCode();
            break;
        }
        hogs[n++] = t;
    }
    spaces = n;
    while (n < sizeof hogs / sizeof hogs[0]) {
        L4_ThreadId_t t = fresh_thread_id();
        if (L4_ThreadControl(t, me, me, L4_nilthread, (void*)-1) != 1) {   // inactive, no UTCB
            error_same_space = L4_ErrorCode();
            break;
        }
        hogs[n++] = t;
    }
    L4_Word_t low = L4_KDB_FreeKernelMemory();
    printf("    %u spaces and %u threads exhausted the pool (%lu pages free then)\n", spaces, n - spaces, low);
    CHECK_EQ(error, 8);
    CHECK_EQ(error_same_space, 8);
    CHECK(low < 2);
    // The kernel still answers, and a mapping that needs tables it cannot
    // allocate is dropped without failing the IPC.
    CHECK(L4_IpcSucceeded(give(a, (command_window + 0x8000000) | map_item_type, page_rwx(page))));
    for (unsigned i = 0; i < n; i++)
        CHECK_EQ(L4_ThreadControl(hogs[i], L4_nilthread, L4_nilthread, L4_nilthread, (void*)-1), 1);
    // With memory back, the same mapping works.
    CHECK(L4_IpcSucceeded(give(a, (command_window + 0x8000000) | map_item_type, page_rwx(page))));
    CHECK_EQ(read_in(a, command_window + 0x8000000), 0x5a5a);
    reap_space_thread(a);
    L4_Word_t after = L4_KDB_FreeKernelMemory();
    printf("    kernel pages: %lu free before, %lu after\n", before, after);
    CHECK_EQ(after, before);
}
