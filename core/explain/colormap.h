#pragma once
// Colormap: the 256-entry colour tables heat maps are painted with. JET is OpenCV's
// COLORMAP_JET (what pytorch-grad-cam's show_cam_on_image uses); viridis and inferno are the
// perceptually uniform maps, as OpenCV tabulates them. Plain C++: cxr_ml has no OpenCV, and
// the tables are tested against cv::applyColorMap in tests/diagnosis.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace cxr::explain {

enum class Colormap { Jet, Viridis, Inferno };

using Rgb8 = std::array<std::uint8_t, 3>;

// "jet", "viridis", "inferno" (case-insensitive); throws cxr::Error(InvalidInput) otherwise.
Colormap parseColormap(const std::string& name);
std::string colormapName(Colormap map);
std::vector<std::string> colormapNames();

// The colour for level 0..255, as {R, G, B}.
Rgb8 colormapColor(Colormap map, std::uint8_t level);

}  // namespace cxr::explain
