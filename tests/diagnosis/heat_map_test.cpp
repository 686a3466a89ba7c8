// The inverse preprocessing geometry: a point of the model input lands on the film pixel it
// came from, for stretch, letterbox and centre-crop rules, square and non-square films.
#include <functional>

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/diagnosis/heat_map.h"
#include "core/explain/cam_math.h"

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
    EXPECT_THROW(camPeakOf(none), Error);
}

// A diagnosis holding a 7 x 7 grid over a 224 input, registered like layer4's (shift 15.5),
// with the input map made from the grid by the CAM's own resize, so the film map can be
// compared with the peak.
Diagnosis withGrid(const std::function<float(int, int)>& cell, const std::string& rule, int filmW, int filmH) {
    Diagnosis d;
    d.camGridW = d.camGridH = 7;
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x)
            d.camGrid.push_back(cell(x, y));
    const int s = 224;
    d.geometry = inputGeometryFor(rule, s, filmW, filmH);
    d.geometry.mapShiftX = d.geometry.mapShiftY = receptiveFieldShift(s, 7);
    d.inputMapSize = s;
    const at::Tensor grid = at::from_blob(d.camGrid.data(), {1, 7, 7}, at::kFloat);
    const at::Tensor map = explain::resizeBilinear(grid, s, s).contiguous();
    d.inputMap.assign(map.data_ptr<float>(), map.data_ptr<float>() + s * s);
    return d;
}

TEST(CamPeak, OnACellCentreItIsWhereTheFilmMapPeaks) {
    // One hot cell with equal neighbours: no sub-cell movement, so the film map's own argmax
    // (a bilinear resample, maxima on cell centres) must be the same point.
    for (const auto& [w, h] : {std::pair<int, int>{448, 224}, {300, 500}, {224, 224}}) {
        const Diagnosis d = withGrid([](int x, int y) { return x == 4 && y == 2 ? 1.0f : 0.2f; }, "stretch", w, h);
        const CamPeak p = camPeakOf(d);
        EXPECT_DOUBLE_EQ(p.cellX, 4);
        EXPECT_DOUBLE_EQ(p.cellY, 2);
        EXPECT_FLOAT_EQ(p.value, 1.0f);
        // Cell 4 of layer4 looks at input pixel 128 (edge-based 128.5); cell 2 at 64.5.
        EXPECT_NEAR(p.fx, 128.5 / 224, 1e-12);
        EXPECT_NEAR(p.fy, 64.5 / 224, 1e-12);
        // The film map samples the 224-px input map, whose own top is a pixel pair: the
        // argmax may land anywhere within one input pixel's footprint on the film.
        const Peak film = peakOf(mapToFilm(d.inputMap, d.geometry, w, h), w, h);
        EXPECT_NEAR(film.x, fractionToPixel(p.fx, w), 0.5 + w / 224.0) << w << "x" << h;
        EXPECT_NEAR(film.y, fractionToPixel(p.fy, h), 0.5 + h / 224.0) << w << "x" << h;
    }
}

TEST(CamPeak, FindsTheVertexOfASmoothBumpBetweenCells) {
    // Cells sampling a paraboloid with its top at (3.3, 2.8): the largest cell is (3, 3), and
    // the film map's argmax sits on its centre, 0.2 and 0.3 cells away from the true top.
    const Diagnosis d = withGrid(
        [](int x, int y) { return static_cast<float>(1.0 - 0.05 * ((x - 3.3) * (x - 3.3) + (y - 2.8) * (y - 2.8))); },
        "stretch", 448, 224);
    const CamPeak p = camPeakOf(d);
    EXPECT_NEAR(p.cellX, 3.3, 1e-5);
    EXPECT_NEAR(p.cellY, 2.8, 1e-5);
    EXPECT_NEAR(fractionToPixel(p.fx, 448), (32 * 3.8 - 15.5) * 2 - 0.5, 1e-3);
    EXPECT_NEAR(fractionToPixel(p.fy, 224), 32 * 3.3 - 15.5 - 0.5, 1e-3);
    // The film map's argmax stays on cell (3, 3) (input (96.5, 96.5), film (192.5, 96), within
    // an input pixel), 19 and 10 film pixels from the vertex.
    const Peak film = peakOf(mapToFilm(d.inputMap, d.geometry, 448, 224), 448, 224);
    EXPECT_NEAR(film.x, 192.5, 0.5 + 2.0);
    EXPECT_NEAR(film.y, 96.0, 0.5 + 1.0);
}

TEST(CamPeak, StaysOnTheCellAtTheBorderAndOnPlateaus) {
    // Largest cell in the first column: no neighbour on the left, no fit along x.
    const Diagnosis edge = withGrid([](int x, int y) { return static_cast<float>(1.0 - 0.1 * x - 0.01 * (y - 3) * (y - 3)); },
                                    "stretch", 224, 224);
    EXPECT_DOUBLE_EQ(camPeakOf(edge).cellX, 0);
    EXPECT_NEAR(camPeakOf(edge).cellY, 3, 1e-9);
    EXPECT_NEAR(camPeakOf(edge).fx, 0.5 / 224, 1e-12);  // cell 0 looks at input pixel 0
    // Two equal top cells side by side: the first is the largest, and the peak is between them.
    const Diagnosis plateau = withGrid([](int x, int y) { return (x == 2 || x == 3) && y == 5 ? 1.0f : 0.1f; },
                                       "stretch", 224, 224);
    EXPECT_DOUBLE_EQ(camPeakOf(plateau).cellX, 2.5);
    EXPECT_DOUBLE_EQ(camPeakOf(plateau).cellY, 5);
    // A flat map does not move the first cell.
    const Diagnosis flat = withGrid([](int, int) { return 0.0f; }, "stretch", 224, 224);
    EXPECT_DOUBLE_EQ(camPeakOf(flat).cellX, 0);
    EXPECT_DOUBLE_EQ(camPeakOf(flat).cellY, 0);
}

TEST(CamPeak, GoesThroughTheLetterboxLikeTheMap) {
    // A 400 x 200 film letterboxed into 224: content rows 56..168 of the input.
    const Diagnosis d = withGrid([](int x, int y) { return x == 5 && y == 3 ? 1.0f : 0.0f; }, "letterbox", 400, 200);
    const CamPeak p = camPeakOf(d);
    EXPECT_NEAR(p.fy, (32 * 3.5 - 15.5 - 56) / 112, 1e-12);
    const Peak film = peakOf(mapToFilm(d.inputMap, d.geometry, 400, 200), 400, 200);
    EXPECT_NEAR(film.x, fractionToPixel(p.fx, 400), 1.0);
    EXPECT_NEAR(film.y, fractionToPixel(p.fy, 200), 1.0);
}

}  // namespace
}  // namespace cxr::diagnosis
