// Colour-map tables: names, ends and monotone lightness of the perceptual maps. (The full
// tables are compared with cv::applyColorMap in tests/diagnosis, which may link OpenCV.)
#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/explain/colormap.h"

namespace cxr::explain {
namespace {

TEST(Colormap, JetRunsFromDarkBlueToDarkRed) {
    EXPECT_EQ(colormapColor(Colormap::Jet, 0), (Rgb8{0, 0, 128}));
    EXPECT_EQ(colormapColor(Colormap::Jet, 255), (Rgb8{128, 0, 0}));
    const Rgb8 mid = colormapColor(Colormap::Jet, 128);
    EXPECT_GT(mid[1], 200);  // green in the middle
}

TEST(Colormap, ViridisAndInfernoEndsMatchTheirPublishedValues) {
    EXPECT_EQ(colormapColor(Colormap::Viridis, 0), (Rgb8{68, 1, 84}));
    EXPECT_EQ(colormapColor(Colormap::Viridis, 255), (Rgb8{253, 231, 37}));
    EXPECT_EQ(colormapColor(Colormap::Inferno, 0), (Rgb8{0, 0, 4}));
    EXPECT_EQ(colormapColor(Colormap::Inferno, 255), (Rgb8{252, 255, 164}));
}

TEST(Colormap, PerceptualMapsGetLighterAlongTheScale) {
    for (Colormap map : {Colormap::Viridis, Colormap::Inferno}) {
        double previous = -1;
        for (int level = 0; level < 256; level += 15) {
            const Rgb8 c = colormapColor(map, static_cast<std::uint8_t>(level));
            const double luma = 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
            EXPECT_GT(luma, previous) << colormapName(map) << " at " << level;
            previous = luma;
        }
    }
}

TEST(Colormap, NamesParseAndPrint) {
    for (const auto& name : colormapNames())
        EXPECT_EQ(colormapName(parseColormap(name)), name);
    EXPECT_EQ(parseColormap("Inferno"), Colormap::Inferno);
    EXPECT_THROW(parseColormap("rainbow"), Error);
}

}  // namespace
}  // namespace cxr::explain
