#include "core/diagnosis/overlay.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/common/error.h"
#include "core/explain/colormap.h"

namespace cxr::diagnosis {
namespace {

std::uint8_t heatLevel(float value) {
    // np.uint8(255 * mask): truncation, after clamping out-of-range values.
    const float clamped = std::clamp(std::isnan(value) ? 0.0f : value, 0.0f, 1.0f);
    return static_cast<std::uint8_t>(255.0f * clamped);
}

}  // namespace

std::vector<std::uint8_t> makeOverlayRgb(const std::vector<std::uint8_t>& grey, const std::vector<float>& heat,
                                         int width, int height, const OverlayOptions& options) {
    const size_t count = static_cast<size_t>(std::max(width, 0)) * static_cast<size_t>(std::max(height, 0));
    if (count == 0 || grey.size() != count || heat.size() != count)
        throw Error(ErrorCode::InvalidInput, "overlay needs an image and a heat map of the same size");
    if (!(options.opacity >= 0.0 && options.opacity <= 1.0))
        throw Error(ErrorCode::InvalidInput, "overlay opacity must be between 0 and 1");
    const explain::Colormap map = explain::parseColormap(options.colormap);

    std::array<explain::Rgb8, 256> colours;
    for (int i = 0; i < 256; ++i)
        colours[static_cast<size_t>(i)] = explain::colormapColor(map, static_cast<std::uint8_t>(i));
    const float a = static_cast<float>(options.opacity) / 255.0f;
    const float b = static_cast<float>(1.0 - options.opacity) / 255.0f;

    float peak = 0;
    if (options.rescaleToMax) {
        for (size_t i = 0; i < count; ++i) {
            const explain::Rgb8& c = colours[heatLevel(heat[i])];
            const float g = b * grey[i];
            peak = std::max({peak, a * c[0] + g, a * c[1] + g, a * c[2] + g});
        }
    }
    const float scale = options.rescaleToMax && peak > 0 ? 255.0f / peak : 255.0f;
    std::vector<std::uint8_t> rgb(count * 3);
    for (size_t i = 0; i < count; ++i) {
        const explain::Rgb8& c = colours[heatLevel(heat[i])];
        const float g = b * grey[i];
        for (size_t k = 0; k < 3; ++k) {
            const float v = (a * c[k] + g) * scale;
            rgb[i * 3 + k] = static_cast<std::uint8_t>(std::min(v, 255.0f));
        }
    }
    return rgb;
}

}  // namespace cxr::diagnosis
