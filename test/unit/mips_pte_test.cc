// The MIPS page-table entry codec (arch/mips/pte.h) as the software TLB
// refill handler reads it: a leaf shifted right by 6 must be the EntryLo
// value the TLB wants (MIPS64 Vol. III: PFN from bit 6, C bits 5-3, D 2,
// V 1, G 0); table entries must be negative and leaves positive.
#include "../../arch/mips/pte.h"
#include <gtest/gtest.h>

namespace {

constexpr Word entrylo(arch::Pte p) { return Word(p >> PTE_HW_SHIFT); }

} // namespace

TEST(MipsPte, LeafIsEntryLoShiftedBySix)
{
    Paddr page = 0x0012'3000;
    arch::Pte p = arch::pte_page(page, 2, arch::rights_r | arch::rights_w, arch::CacheMode::Default);
    EXPECT_TRUE(arch::pte_present(p));
    EXPECT_FALSE(arch::pte_is_table(p, 2));
    EXPECT_EQ(entrylo(p) >> 6, page >> 12);          // PFN
    EXPECT_EQ((entrylo(p) >> 3) & 7, 3u);            // cacheable, write-back
    EXPECT_EQ(entrylo(p) & (ENTRYLO_V | ENTRYLO_D | ENTRYLO_G), 0u);   // not referenced, not written
    EXPECT_EQ(arch::pte_address(p, 2), page);
    EXPECT_EQ(arch::pte_rights(p), arch::rights_r | arch::rights_w | arch::rights_x);
    EXPECT_EQ(arch::pte_status(p), 0u);
}

TEST(MipsPte, StatusBitsAreTheHardwareValidAndDirtyBits)
{
    arch::Pte p = arch::pte_page(0x4000, 2, 7, arch::CacheMode::Default);
    arch::Pte touched = p | arch::pte_v | arch::pte_d;
    EXPECT_EQ(entrylo(touched) & (ENTRYLO_V | ENTRYLO_D), Word(ENTRYLO_V | ENTRYLO_D));
    EXPECT_EQ(arch::pte_status(touched), arch::rights_r | arch::rights_x | arch::rights_w);
    EXPECT_EQ(arch::pte_without_status(touched), p);
    // Revoking write access also takes the TLB's write enable away.
    arch::Pte ro = arch::pte_with_rights(touched, arch::rights_r);
    EXPECT_EQ(entrylo(ro) & ENTRYLO_D, 0u);
    EXPECT_EQ(arch::pte_rights(ro), arch::rights_r | arch::rights_x);
}

TEST(MipsPte, CacheModes)
{
    arch::Pte p = arch::pte_page(0x8000, 2, 4, arch::CacheMode::Uncached);
    EXPECT_EQ((entrylo(p) >> 3) & 7, 2u);
    EXPECT_EQ(arch::pte_cache(p), arch::CacheMode::Uncached);
    p = arch::pte_with_cache(p, arch::CacheMode::WriteThrough);
    EXPECT_EQ(arch::pte_cache(p), arch::CacheMode::WriteThrough);
    EXPECT_EQ(arch::pte_address(p, 2), 0x8000u);
}

TEST(MipsPte, TablesAreTaggedKernelPointersSuperpagesPlainLeaves)
{
    Paddr table = 0x0300'0000;
    arch::Pte t = arch::pte_table(table);
    EXPECT_LT(s64(t), 0);                             // the refill's bgez tells them apart
    EXPECT_TRUE(arch::pte_present(t));
    EXPECT_TRUE(arch::pte_is_table(t, 0));
    EXPECT_TRUE(arch::pte_is_table(t, 1));
    EXPECT_EQ(arch::pte_address(t, 0), table);
    EXPECT_EQ(Word(t - 1), CKSEG0 + table);           // the refill loads through it with offset -1
    arch::Pte big = arch::pte_page(0x0060'0000, 1, 7, arch::CacheMode::Default);
    EXPECT_GT(s64(big), 0);
    EXPECT_FALSE(arch::pte_is_table(big, 1));
    EXPECT_EQ(arch::pte_address(big, 1), 0x0060'0000u);
    EXPECT_FALSE(arch::pte_present(arch::Pte(0)));
}

TEST(MipsPte, GeometryCoversTheUserPart)
{
    EXPECT_EQ(Word(1) << (arch::pt_shift[0] + 9), Word(USER_END));
    EXPECT_EQ(arch::pt_shift[1], arch::pt_shift[2] + 9);
    EXPECT_FALSE(arch::pt_leaf_allowed[0]);
}
