#pragma once
// Film to QImage: the display mapping (window or the file's VOI LUT, then invert) as an 8-bit
// grey image at the film's full resolution, and the heat map as a colour layer on top of it.
#include <optional>
#include <vector>

#include <QImage>
#include <QString>
#include <QStringList>

#include "core/imaging/film.h"

namespace cxr::ui {

// `window` empty: the film's own window or VOI LUT. `invert` flips relative to the film's
// natural polarity (a MONOCHROME1 film already displays inverted).
QImage filmToImage(const imaging::Film& film, const std::optional<imaging::DisplayWindow>& window, bool invert);

// Colour maps offered for the overlay, by their core names ("jet", "viridis", "inferno").
QStringList colormapNames();
QString colormapTitle(const QString& name);

// A heat map in [0,1] at (w, h) as premultiplied ARGB. Each pixel's alpha follows its heat
// (none below 0.15, full from 0.55), so cold areas leave the film visible; the layer's own
// opacity is set on the view.
QImage heatToImage(const std::vector<float>& heat, int w, int h, const QString& colormap);

}  // namespace cxr::ui
