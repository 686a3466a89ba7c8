#include "ui/viewer/film_image.h"

#include <algorithm>
#include <array>
#include <cstring>

#include <QCoreApplication>

#include "core/explain/colormap.h"
#include "core/imaging/display.h"

namespace cxr::ui {
namespace {

// The core's tables, so the viewer paints exactly what `cxr predict --cam-dir` writes.
std::array<QRgb, 256> lut(const QString& name) {
    const explain::Colormap map = explain::parseColormap(name.toStdString());
    std::array<QRgb, 256> table{};
    for (int i = 0; i < 256; ++i) {
        const explain::Rgb8 c = explain::colormapColor(map, static_cast<std::uint8_t>(i));
        table[i] = qRgb(c[0], c[1], c[2]);
    }
    return table;
}

}  // namespace

QImage filmToImage(const imaging::Film& film, const std::optional<imaging::DisplayWindow>& window, bool invert) {
    if (film.width <= 0 || film.height <= 0) {
        return {};
    }
    const std::vector<std::uint8_t> grey =
        window ? imaging::toDisplay8(film, *window, film.invert != invert) : imaging::toDisplay8(film);
    QImage image(film.width, film.height, QImage::Format_Grayscale8);
    for (int y = 0; y < film.height; ++y) {
        std::uint8_t* row = image.scanLine(y);
        std::memcpy(row, grey.data() + static_cast<std::size_t>(y) * film.width, static_cast<std::size_t>(film.width));
        if (!window && invert) {
            for (int x = 0; x < film.width; ++x) {
                row[x] = static_cast<std::uint8_t>(255 - row[x]);
            }
        }
    }
    return image;
}

QStringList colormapNames() {
    QStringList names;
    for (const std::string& name : explain::colormapNames()) {
        names << QString::fromStdString(name);
    }
    return names;
}

QString colormapTitle(const QString& name) {
    if (name == QLatin1String("viridis")) {
        return QCoreApplication::translate("cxr::ui::FilmImage", "Viridis (perceptual)");
    }
    if (name == QLatin1String("inferno")) {
        return QCoreApplication::translate("cxr::ui::FilmImage", "Inferno (perceptual)");
    }
    return QCoreApplication::translate("cxr::ui::FilmImage", "Jet (as pytorch-grad-cam)");
}

QImage heatToImage(const std::vector<float>& heat, int w, int h, const QString& colormap) {
    if (w <= 0 || h <= 0 || heat.size() < static_cast<std::size_t>(w) * h) {
        return {};
    }
    const std::array<QRgb, 256> table = lut(colormap);
    QImage image(w, h, QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(y));
        const float* src = heat.data() + static_cast<std::size_t>(y) * w;
        for (int x = 0; x < w; ++x) {
            const float v = std::clamp(src[x], 0.0f, 1.0f);
            const QRgb c = table[static_cast<int>(v * 255.0f + 0.5f)];
            // Alpha ramps from 0 at heat 0.15 to 1 at 0.55: the hot region reads in full colour,
            // the cold film around it stays unobscured for reading.
            const float a = std::clamp((v - 0.15f) / 0.4f, 0.0f, 1.0f);
            const int alpha = static_cast<int>(255.0f * a + 0.5f);
            row[x] = qPremultiply(qRgba(qRed(c), qGreen(c), qBlue(c), alpha));
        }
    }
    return image;
}

}  // namespace cxr::ui
