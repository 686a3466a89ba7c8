// The inverse preprocessing geometry: a point of the model input lands on the film pixel it
// came from, for stretch, letterbox and centre-crop rules, square and non-square films.
#include <gtest/gtest.h>

#include "common/error.h"
#include "diagnosis/heat_map.h"

namespace cxr::diagnosis {
namespace {

// A map that is 1 on input pixel (u, v) and 0 elsewhere.
std::vector<float> spike(int size, int u, int v) {
    std::vector<float> m(static_cast<size_t>(size) * size, 0.0f);
    m[static_cast<size_t>(v) * size + u] = 1.0f;
    return m;
}

TEST(HeatMap, StretchMapsInputPixelsBackThroughTheInverseScale) {
    const int s = 32;
    for (const auto& [w, h] : {std::pair<int, int>{32, 32}, {96, 64}, {50, 130}}) {
        const InputGeometry g = inputGeometryFor("stretch", s, w, h);
        const int u = 23, v = 9;
        const Peak p = peakOf(mapToFilm(spike(s, u, v), g, w, h), w, h);
        // Forward: film x -> input (x + 0.5) * s / w - 0.5, so the spike's film position is
        // (u + 0.5) * w / s - 0.5; the nearest pixel gets the peak.
        EXPECT_NEAR(p.x, (u + 0.5) * w / s - 0.5, 0.5 + 1e-9) << w << "x" << h;
        EXPECT_NEAR(p.y, (v + 0.5) * h / s - 0.5, 0.5 + 1e-9) << w << "x" << h;
        EXPECT_GT(p.value, 0.5f);  // the spike itself, not the zero background
    }
}

TEST(HeatMap, TheMapShiftMovesTheMapUpLeftOntoTheReceptiveFieldCentre) {
    EXPECT_DOUBLE_EQ(receptiveFieldShift(224, 7), 15.5);   // layer4
    EXPECT_DOUBLE_EQ(receptiveFieldShift(224, 14), 7.5);   // layer3
    EXPECT_DOUBLE_EQ(receptiveFieldShift(224, 224), 0.0);  // a map at input resolution
    const int s = 64;
    InputGeometry g = inputGeometryFor("stretch", s, s, s);
    g.mapShiftX = 6;
    g.mapShiftY = 3;
    // The map's value at input pixel (40, 30) belongs to the receptive field at (34, 27).
    const Peak p = peakOf(mapToFilm(spike(s, 40, 30), g, s, s), s, s);
    EXPECT_EQ(p.x, 34);
    EXPECT_EQ(p.y, 27);
    EXPECT_GT(p.value, 0.99f);
    // At twice the size the same point: film = (input + 0.5) * 2 - 0.5.
    const Peak big = peakOf(mapToFilm(spike(s, 40, 30), g, 2 * s, 2 * s), 2 * s, 2 * s);
    EXPECT_NEAR(big.x, 68.5, 0.5 + 1e-9);
    EXPECT_NEAR(big.y, 54.5, 0.5 + 1e-9);
}

TEST(HeatMap, SameSizeStretchIsTheIdentity) {
    std::vector<float> m(16 * 16);
    for (size_t i = 0; i < m.size(); ++i)
        m[i] = static_cast<float>(i % 7) / 7.0f;
    EXPECT_EQ(mapToFilm(m, inputGeometryFor("stretch", 16, 16, 16), 16, 16), m);
}

TEST(HeatMap, LetterboxKeepsAspectAndDropsThePadding) {
    // A 200 x 100 film letterboxed into 20 x 20: scale 0.1, content rows 5..15 of the input.
    const InputGeometry g = inputGeometryFor("letterbox", 20, 200, 100);
    EXPECT_DOUBLE_EQ(g.scaleX, 20);
    EXPECT_DOUBLE_EQ(g.scaleY, 10);
    EXPECT_DOUBLE_EQ(g.offsetY, 5);
    const Peak p = peakOf(mapToFilm(spike(20, 4, 12), g, 200, 100), 200, 100);
    EXPECT_NEAR(p.x, 45 - 0.5, 5);
    EXPECT_NEAR(p.y, (12 + 0.5 - 5) * 10 - 0.5, 5);
    // The padding rows (input 0..4) have no film pixels: a spike there shows nowhere.
    const auto padding = mapToFilm(spike(20, 10, 1), g, 200, 100);
    EXPECT_FLOAT_EQ(peakOf(padding, 200, 100).value, 0.0f);
}

TEST(HeatMap, CentreCropLeavesTheCroppedSidesEmpty) {
    // 300 x 100 film, short side to 10: 30 x 10 resized, columns 10..20 kept.
    const InputGeometry g = inputGeometryFor("center-crop", 10, 300, 100);
    std::vector<float> ones(100, 1.0f);
    const auto heat = mapToFilm(ones, g, 300, 100);
    EXPECT_EQ(heat[50 * 300 + 10], 0.0f);    // cropped away on the left
    EXPECT_EQ(heat[50 * 300 + 150], 1.0f);   // kept
    EXPECT_EQ(heat[50 * 300 + 290], 0.0f);   // cropped away on the right
}

TEST(HeatMap, RejectsUnknownRulesAndBadSizes) {
    EXPECT_THROW(inputGeometryFor("fisheye", 224, 10, 10), Error);
    EXPECT_THROW(mapToFilm(std::vector<float>(10), inputGeometryFor("stretch", 4, 8, 8), 8, 8), Error);
    EXPECT_THROW(peakOf({}, 0, 0), Error);
    Diagnosis none;
    EXPECT_THROW(heatMapAt(none, 10, 10), Error);
}

}  // namespace
}  // namespace cxr::diagnosis
