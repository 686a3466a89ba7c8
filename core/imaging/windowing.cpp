#include "core/imaging/windowing.h"

#include <algorithm>
#include <cmath>

namespace cxr::imaging {

DisplayWindow percentileWindow(const std::vector<float>& pixels, double lowFraction, double highFraction) {
    DisplayWindow window;
    window.source = "percentile";
    if (pixels.empty()) {
        window.center = 0.5;
        window.width = 1;
        return window;
    }
    const std::size_t stride = std::max<std::size_t>(1, pixels.size() / (1u << 20));
    std::vector<float> sample;
    sample.reserve(pixels.size() / stride + 1);
    for (std::size_t i = 0; i < pixels.size(); i += stride) sample.push_back(pixels[i]);
    auto quantile = [&](double fraction) {
        const auto k = static_cast<std::size_t>(std::clamp(fraction, 0.0, 1.0) * (sample.size() - 1));
        std::nth_element(sample.begin(), sample.begin() + static_cast<std::ptrdiff_t>(k), sample.end());
        return static_cast<double>(sample[k]);
    };
    double low = quantile(lowFraction);
    double high = quantile(highFraction);
    if (high <= low) {  // most pixels equal: fall back to the full range
        const auto [mn, mx] = std::minmax_element(pixels.begin(), pixels.end());
        low = *mn;
        high = *mx;
    }
    window.width = std::max(1.0, high - low);
    window.center = high > low ? (low + high) / 2.0 : low + 0.5;
    return window;
}

DisplayWindow windowOfVoiLut(const VoiLut& lut) {
    DisplayWindow window;
    window.source = "voi-lut";
    window.width = std::max<double>(1.0, static_cast<double>(lut.entries.size()));
    window.center = lut.firstMapped + window.width / 2.0;
    return window;
}

}  // namespace cxr::imaging
