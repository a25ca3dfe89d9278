#include <generic/boot_info.h>
#include <gtest/gtest.h>

TEST(BootInfo, AddRamSortsAndMerges)
{
    BootInfo info;
    info.add_ram(0x100000, 0x200000);
    info.add_ram(0x0, 0x9f000);
    info.add_ram(0x200000, 0x300000);   // adjacent: merges
    info.add_ram(0x280000, 0x400000);   // overlapping: merges
    ASSERT_EQ(info.ram_count, 2u);
    EXPECT_EQ(info.ram[0].base, 0x0u);
    EXPECT_EQ(info.ram[0].end, 0x9f000u);
    EXPECT_EQ(info.ram[1].base, 0x100000u);
    EXPECT_EQ(info.ram[1].end, 0x400000u);
    EXPECT_EQ(info.ram_end(), 0x400000u);
}

TEST(BootInfo, MergeBridgesSeveralRanges)
{
    BootInfo info;
    info.add_ram(0x1000, 0x2000);
    info.add_ram(0x3000, 0x4000);
    info.add_ram(0x5000, 0x6000);
    info.add_ram(0x1800, 0x5800);
    ASSERT_EQ(info.ram_count, 1u);
    EXPECT_EQ(info.ram[0].base, 0x1000u);
    EXPECT_EQ(info.ram[0].end, 0x6000u);
}

TEST(BootInfo, IgnoresEmptyRangesAndChecksContainment)
{
    BootInfo info;
    info.add_ram(0x5000, 0x5000);
    info.add_ram(0x6000, 0x5000);
    EXPECT_EQ(info.ram_count, 0u);
    info.add_ram(0x10000, 0x20000);
    EXPECT_TRUE(info.is_ram(0x10000, 0x20000));
    EXPECT_FALSE(info.is_ram(0xf000, 0x11000));
    EXPECT_FALSE(info.is_ram(0x1f000, 0x21000));
}
