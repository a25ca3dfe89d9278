// The mapping database and generic page-table walker on a host-side page
// format, checked against the reference model.
#include "host_kernel.h"
#include "mdb_model.h"
#include <gtest/gtest.h>

namespace {

class MappingDb : public ::testing::Test {
protected:
    void SetUp() override { host::reset_kernel_memory(4096); }
};


} // namespace

TEST_F(MappingDb, MapShareAndRevokeRecursively)
{
    Word free_before = kmem.free_pages();
    {
        model::World w(4);
        w.own(0x100000, 12);
        w.map(0, 0x100000, 1, 0x10000000, 12, 7, false);
        w.map(1, 0x10000000, 2, 0x20000000, 12, 7, false);
        w.map(2, 0x20000000, 3, 0x30000000, 12, 7, false);
        EXPECT_EQ(w.check(), "");
        w.unmap(1, 0x10000000, 12, 7, false);   // derived ones go, space 1 keeps it
        EXPECT_EQ(w.check(), "");
        EXPECT_TRUE(w.space(1)->page_table.find(0x10000000).present());
        EXPECT_FALSE(w.space(3)->page_table.find(0x30000000).present());
    }
    EXPECT_EQ(kmem.free_pages(), free_before);
    EXPECT_EQ(mdb::nodes_in_use(), 0u);
}

TEST_F(MappingDb, FlushAndRightsReduction)
{
    model::World w(3);
    w.own(0x200000, 14);   // four pages
    w.map(0, 0x200000, 1, 0x400000, 14, 7, false);
    w.map(1, 0x400000, 2, 0x800000, 14, 7, false);
    w.unmap(1, 0x401000, 12, 2, true);   // revoke write on one page, in space 1 and below
    EXPECT_EQ(w.check(), "");
    EXPECT_EQ(arch::pte_rights(*w.space(2)->page_table.find(0x801000).pte), 5u);   // r and x remain
    w.unmap(1, 0x402000, 13, 7, true);   // flush two pages
    EXPECT_EQ(w.check(), "");
    EXPECT_FALSE(w.space(1)->page_table.find(0x402000).present());
    EXPECT_TRUE(w.space(1)->page_table.find(0x400000).present());
}

TEST_F(MappingDb, GrantMovesTheNodeAndKeepsDerivedMappings)
{
    model::World w(4);
    w.own(0x300000, 12);
    w.map(0, 0x300000, 1, 0x1000000, 12, 7, false);
    w.map(1, 0x1000000, 2, 0x2000000, 12, 7, false);
    w.map(1, 0x1000000, 3, 0x3000000, 12, 7, true);   // space 1 grants to 3
    EXPECT_EQ(w.check(), "");
    EXPECT_FALSE(w.space(1)->page_table.find(0x1000000).present());
    // Space 2's mapping now derives from space 3's.
    MappingNode* n2 = *w.space(2)->page_table.find(0x2000000).node;
    EXPECT_EQ(n2->parent->space, w.space(3));
}

TEST_F(MappingDb, SuperpagesSplitOnPartialOperations)
{
    constexpr unsigned big = arch::pt_shift[arch::pt_levels - 2];   // the superpage size
    model::World w(3);
    w.own(0x800000, big);   // one superpage root
    EXPECT_EQ(w.space(0)->page_table.find(0x800000).size_log2(), big);
    w.map(0, 0x800000, 1, 0x4000000, big, 7, false);
    EXPECT_EQ(w.space(1)->page_table.find(0x4000000).size_log2(), big);
    w.map(1, 0x4001000, 2, 0x8000000, 12, 7, false);   // a 4 KiB piece of it
    EXPECT_EQ(w.check(), "");
    w.unmap(1, 0x4002000, 12, 7, true);                 // a hole: splits space 1's superpage
    EXPECT_EQ(w.check(), "");
    EXPECT_EQ(w.space(1)->page_table.find(0x4000000).size_log2(), 12u);
    w.map(1, 0x4003000, 2, 0x9000000, 12, 7, true);     // grant a piece
    EXPECT_EQ(w.check(), "");
}

TEST_F(MappingDb, MappingOntoItsOwnOriginIsRefused)
{
    model::World w(3);
    w.own(0x100000, 12);
    w.map(0, 0x100000, 1, 0x10000000, 12, 7, false);
    w.map(1, 0x10000000, 2, 0x20000000, 12, 7, false);
    w.map(2, 0x20000000, 1, 0x10000000, 12, 7, false);   // back onto its parent
    EXPECT_EQ(w.check(), "");
    w.map(1, 0x10000000, 1, 0x10000000, 12, 7, false);   // onto itself
    EXPECT_EQ(w.check(), "");
}

TEST_F(MappingDb, DeletingASpaceRevokesWhatWasDerived)
{
    model::World w(3);
    w.own(0x100000, 16);
    w.map(0, 0x100000, 1, 0x10000000, 16, 7, false);
    w.map(1, 0x10000000, 2, 0x20000000, 16, 5, false);
    w.delete_space(1);
    EXPECT_EQ(w.check(), "");
    EXPECT_FALSE(w.space(2)->page_table.find(0x20000000).present());
}

TEST_F(MappingDb, RunsOutOfMemoryConsistently)
{
    host::reset_kernel_memory(40);
    model::World w(2);
    Word start = kmem.free_pages();
    (void)start;
    // Map far more than fits; the database must stay consistent.
    bool ok = mdb::sigma0_own(w.space(0), 0, 26, [](Paddr, unsigned) { return true; });
    (void)ok;
    (void)mdb::map(w.space(0), 0, w.space(1), 0x10000000, 26, 7, false);
    // Whatever made it is a proper tree: every node's parent maps its frame.
    w.space(1)->page_table.for_each_leaf(0, arch::user_end - 1, [&](PageTable::Slot& s) {
        MappingNode* n = *s.node;
        ASSERT_NE(n, nullptr);
        ASSERT_NE(n->parent, nullptr);
        EXPECT_LE(n->parent->paddr, n->paddr);
    });
    mdb::unmap_all(w.space(1));
    mdb::unmap_all(w.space(0));
    EXPECT_EQ(mdb::nodes_in_use(), 0u);
}
