#pragma once
// Choosing a film's display window when the file does not give one, and describing a VOI LUT
// as a window for the window/level controls. The order of operations for a DICOM film is:
// modality LUT (rescale) -> VOI (window from the file, else VOI LUT, else these percentiles)
// -> MONOCHROME1 inversion last (display.h).
#include <vector>

#include "core/imaging/film.h"

namespace cxr::imaging {

// Window spanning the [low, high] quantiles of the pixel values (robust against collimator
// edges and burnt-in labels). Samples at most ~1M pixels. A flat film gets width 1.
DisplayWindow percentileWindow(const std::vector<float>& pixels, double lowFraction = 0.005,
                               double highFraction = 0.995);

// The input range a VOI LUT covers, as a window (source "voi-lut").
DisplayWindow windowOfVoiLut(const VoiLut& lut);

}  // namespace cxr::imaging
