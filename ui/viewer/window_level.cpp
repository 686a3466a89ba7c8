#include "ui/viewer/window_level.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>

namespace cxr::ui {
namespace {

constexpr std::size_t kMaxSamples = 1 << 16;
constexpr double kMinWidth = 1.0;

imaging::DisplayWindow fromBounds(double low, double high, const char* source) {
    imaging::DisplayWindow w;
    w.width = std::max(kMinWidth, high - low);
    w.center = low + (high - low) / 2.0;
    w.source = source;
    return w;
}

}  // namespace

WindowLevel::WindowLevel(const imaging::Film& film)
    : m_file(film.window), m_fileUsesLut(film.voiLut.has_value()), m_invert(film.invert) {
    const std::size_t n = film.pixels.size();
    if (n == 0) {
        return;
    }
    const std::size_t step = std::max<std::size_t>(1, n / kMaxSamples);
    m_sorted.reserve(n / step + 1);
    for (std::size_t i = 0; i < n; i += step) {
        m_sorted.push_back(film.pixels[i]);
    }
    std::sort(m_sorted.begin(), m_sorted.end());
    const auto [lo, hi] = std::minmax_element(film.pixels.begin(), film.pixels.end());
    m_min = *lo;
    m_max = *hi;
}

double WindowLevel::percentile(double p) const {
    if (m_sorted.empty()) {
        return 0.0;
    }
    const double pos = std::clamp(p, 0.0, 1.0) * static_cast<double>(m_sorted.size() - 1);
    return m_sorted[static_cast<std::size_t>(std::lround(pos))];
}

imaging::DisplayWindow WindowLevel::preset(WindowPreset which) const {
    switch (which) {
    case WindowPreset::File:
    case WindowPreset::Custom:
        return m_file;
    case WindowPreset::FullRange:
        return fromBounds(m_min, m_max, "full-range");
    case WindowPreset::Lung:
        // Lungs are the dark part of a displayed chest film: low values on MONOCHROME2,
        // high values on MONOCHROME1.
        return m_invert ? fromBounds(percentile(0.35), percentile(0.995), "lung")
                        : fromBounds(percentile(0.005), percentile(0.65), "lung");
    case WindowPreset::Bone:
        return m_invert ? fromBounds(percentile(0.005), percentile(0.55), "bone")
                        : fromBounds(percentile(0.45), percentile(0.995), "bone");
    }
    return m_file;
}

imaging::DisplayWindow WindowLevel::dragged(const imaging::DisplayWindow& start, double dx, double dy) const {
    const double range = std::max(kMinWidth, m_max - m_min);
    const double perPixel = range / 400.0;
    imaging::DisplayWindow w = start;
    w.width = std::clamp(start.width + dx * perPixel, kMinWidth, 4.0 * range);
    w.center = start.center - dy * perPixel;
    w.source = "custom";
    return w;
}

QString WindowLevel::presetName(WindowPreset which) {
    switch (which) {
    case WindowPreset::File:
        return QCoreApplication::translate("cxr::ui::WindowLevel", "Default (from file)");
    case WindowPreset::FullRange:
        return QCoreApplication::translate("cxr::ui::WindowLevel", "Full range");
    case WindowPreset::Lung:
        return QCoreApplication::translate("cxr::ui::WindowLevel", "Lung");
    case WindowPreset::Bone:
        return QCoreApplication::translate("cxr::ui::WindowLevel", "Bone");
    case WindowPreset::Custom:
        return QCoreApplication::translate("cxr::ui::WindowLevel", "Custom");
    }
    return {};
}

}  // namespace cxr::ui
