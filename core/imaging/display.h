#pragma once
// From a Film's linear values to 8-bit display levels, and resizing display images. The window
// is applied first and MONOCHROME1 inversion last, so the brightest stored value of a
// MONOCHROME1 film displays dark, as on the modality's own viewer.
#include <cstdint>
#include <vector>

#include "core/imaging/film.h"

namespace cxr::imaging {

// With the film's own window, or its VOI LUT when the window came from one.
std::vector<std::uint8_t> toDisplay8(const Film& film);

// Linear window: values at center - width/2 map to 0, center + width/2 to 255. An 8-bit raster
// film's own window (127.5, 255) maps every pixel to itself.
std::vector<std::uint8_t> toDisplay8(const Film& film, const DisplayWindow& window, bool invert);

// Area interpolation when shrinking (no aliasing of rib edges), linear when enlarging.
std::vector<std::uint8_t> resizeGrey8(const std::vector<std::uint8_t>& grey, int width, int height,
                                      int outWidth, int outHeight);

}  // namespace cxr::imaging
