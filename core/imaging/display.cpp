#include "core/imaging/display.h"

#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "core/common/error.h"

namespace cxr::imaging {

std::vector<std::uint8_t> toDisplay8(const Film& film, const DisplayWindow& window, bool invert) {
    const double width = std::max(window.width, 1e-6);
    const double low = window.center - width / 2.0;
    const double scale = 255.0 / width;
    std::vector<std::uint8_t> out(film.pixels.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        const double level = std::clamp(std::round((film.pixels[i] - low) * scale), 0.0, 255.0);
        const auto v = static_cast<std::uint8_t>(level);
        out[i] = invert ? static_cast<std::uint8_t>(255 - v) : v;
    }
    return out;
}

std::vector<std::uint8_t> toDisplay8(const Film& film) {
    if (!film.voiLut || film.window.source != "voi-lut" || film.voiLut->entries.empty())
        return toDisplay8(film, film.window, film.invert);
    const VoiLut& lut = *film.voiLut;
    const double outMax = std::ldexp(1.0, std::clamp(lut.outputBits, 1, 16)) - 1.0;
    const auto last = static_cast<std::ptrdiff_t>(lut.entries.size()) - 1;
    std::vector<std::uint8_t> out(film.pixels.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto index = std::clamp<std::ptrdiff_t>(
            static_cast<std::ptrdiff_t>(std::lround(film.pixels[i] - lut.firstMapped)), 0, last);
        const double level = std::clamp(std::round(lut.entries[static_cast<std::size_t>(index)] * 255.0 / outMax), 0.0, 255.0);
        const auto v = static_cast<std::uint8_t>(level);
        out[i] = film.invert ? static_cast<std::uint8_t>(255 - v) : v;
    }
    return out;
}

std::vector<std::uint8_t> resizeGrey8(const std::vector<std::uint8_t>& grey, int width, int height,
                                      int outWidth, int outHeight) {
    if (width <= 0 || height <= 0 || outWidth <= 0 || outHeight <= 0 ||
        grey.size() != static_cast<std::size_t>(width) * height)
        throw Error(ErrorCode::InvalidInput, "resizeGrey8: image size does not match its pixel count");
    if (width == outWidth && height == outHeight) return grey;
    const cv::Mat in(height, width, CV_8UC1, const_cast<std::uint8_t*>(grey.data()));
    std::vector<std::uint8_t> out(static_cast<std::size_t>(outWidth) * outHeight);
    cv::Mat dst(outHeight, outWidth, CV_8UC1, out.data());
    const bool shrinking = outWidth <= width && outHeight <= height;
    cv::resize(in, dst, dst.size(), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

}  // namespace cxr::imaging
