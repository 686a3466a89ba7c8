#pragma once
// Colour overlays of a heat map on a film's display image, composed like pytorch-grad-cam's
// show_cam_on_image: colour = colormap(uint8(255 * heat)); out = opacity * colour +
// (1 - opacity) * image, then (optionally) divided by its maximum so the brightest channel is
// 255. With jet and opacity 0.5 this is show_cam_on_image's default (image_weight 0.5).
#include <cstdint>
#include <string>
#include <vector>

namespace cxr::diagnosis {

struct OverlayOptions {
    std::string colormap = "jet";  // jet | viridis | inferno
    double opacity = 0.5;          // weight of the colour map, 0..1
    bool rescaleToMax = true;      // show_cam_on_image's final division by the maximum
};

// `grey`: width x height display levels (imaging::toDisplay8); `heat`: the same size, values in
// [0, 1] (Diagnosis::heatMap or heatMapAt). Returns width * height * 3 bytes, RGB interleaved.
// Throws cxr::Error(InvalidInput) on size mismatches, an unknown colour map or opacity
// outside [0, 1].
std::vector<std::uint8_t> makeOverlayRgb(const std::vector<std::uint8_t>& grey, const std::vector<float>& heat,
                                         int width, int height, const OverlayOptions& options = {});

}  // namespace cxr::diagnosis
