// The localisation benchmark's chance baseline on hand-made lungs and boxes whose answer is
// known by counting pixels.
#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/synth/lung_chance.h"

namespace cxr::synth {
namespace {

// A 20 x 10 film with two 6 x 8 lungs (columns 2..7 and 12..17, rows 1..8): 96 lung pixels.
std::vector<std::uint8_t> twoLungs() {
    std::vector<std::uint8_t> mask(20 * 10, 0);
    for (int y = 1; y <= 8; ++y)
        for (int x = 0; x < 20; ++x)
            if ((x >= 2 && x <= 7) || (x >= 12 && x <= 17))
                mask[static_cast<std::size_t>(y) * 20 + x] = 255;
    return mask;
}

double share(const ChanceCount& c) { return static_cast<double>(c.hits) / static_cast<double>(c.points); }

TEST(LungChance, ShareIsTheLungAreaTheBoxesCover) {
    // Box A covers columns 2..4 of the left lung, all its rows: 3 x 8 = 24 lung pixels. Box B
    // (columns 3..5, rows 1..2) overlaps A and adds column 5 of rows 1..2: 2 more, counted once.
    // Box C lies between the lungs: no lung pixel. So 26 of 96 lung pixels are in a box.
    const std::vector<OpacityBox> boxes{{2, 0, 5, 10}, {3, 1, 6, 3}, {8, 0, 12, 10}};
    const ChanceCount c = lungPointsInBoxes(twoLungs(), 20, 10, boxes, 200000, 1);
    EXPECT_EQ(c.points, 200000);
    // Binomial sd at 200,000 points is 0.001; 0.005 is five of them.
    EXPECT_NEAR(share(c), 26.0 / 96.0, 0.005);
}

TEST(LungChance, BoxesOutsideTheLungsAreNeverHitAndBoxesOverThemAlways) {
    const auto mask = twoLungs();
    EXPECT_EQ(lungPointsInBoxes(mask, 20, 10, {{8, 0, 12, 10}, {0, 9, 20, 10}}, 5000, 2).hits, 0);
    // x1/y1 are exclusive: a box ending at column 8 still covers column 7 of the left lung.
    const ChanceCount all = lungPointsInBoxes(mask, 20, 10, {{2, 1, 8, 9}, {12, 1, 18, 9}}, 5000, 2);
    EXPECT_EQ(all.hits, all.points);
    const ChanceCount oneShort = lungPointsInBoxes(mask, 20, 10, {{2, 1, 7, 9}, {12, 1, 18, 9}}, 5000, 2);
    EXPECT_LT(oneShort.hits, oneShort.points);
    EXPECT_EQ(lungPointsInBoxes(mask, 20, 10, {}, 5000, 2).hits, 0);
}

TEST(LungChance, TheSameSeedDrawsTheSamePoints) {
    const std::vector<OpacityBox> boxes{{2, 0, 5, 10}};
    const auto mask = twoLungs();
    EXPECT_EQ(lungPointsInBoxes(mask, 20, 10, boxes, 1000, 9).hits, lungPointsInBoxes(mask, 20, 10, boxes, 1000, 9).hits);
}

TEST(LungChance, NoLungDrawsNoPointAndAWrongSizeIsRefused) {
    const std::vector<std::uint8_t> empty(20 * 10, 0);
    EXPECT_EQ(lungPointsInBoxes(empty, 20, 10, {{0, 0, 20, 10}}, 100, 1).points, 0);
    EXPECT_THROW(lungPointsInBoxes(twoLungs(), 10, 10, {}, 100, 1), Error);
}

}  // namespace
}  // namespace cxr::synth
