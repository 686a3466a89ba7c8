#pragma once
// The localisation benchmark's chance baseline: how often a point drawn uniformly inside a
// film's lung fields falls in one of its opacity boxes. A heat map that pointed at a random spot
// of lung would score this share, so a map's hit rate means something only above it.
#include <cstdint>
#include <vector>

#include "core/synth/chest_phantom.h"

namespace cxr::synth {

struct ChanceCount {
    std::int64_t hits = 0;    // points inside at least one box
    std::int64_t points = 0;  // points drawn (0 when the mask holds no lung)
};

// Draws `points` lung pixels uniformly (seeded, so a run is repeatable) from `lungMask` (row-major
// width x height, non-zero = lung) and counts those inside a box, with the benchmark's own rule:
// columns [x0, x1), rows [y0, y1); a point in overlapping boxes counts once. Throws
// cxr::Error(InvalidInput) when the mask's size does not match width x height.
ChanceCount lungPointsInBoxes(const std::vector<std::uint8_t>& lungMask, int width, int height,
                              const std::vector<OpacityBox>& boxes, int points, std::uint64_t seed);

}  // namespace cxr::synth
