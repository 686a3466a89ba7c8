#pragma once
// Confidence intervals for a proportion (a sensitivity, a specificity, an agreement rate): the
// Wilson score interval, which stays inside [0, 1] and keeps its coverage for the small counts a
// reviewer's worklist gives (a handful of films), where the normal approximation does not.
#include <cstdint>

#include "core/evaluation/roc.h"

namespace cxr::evaluation {

// `successes` of `trials` at `level` (0.95: z = 1.959964). No trials: [0, 1], nothing known.
// Throws InvalidInput when successes is negative or above trials, or level is outside (0, 1).
ConfidenceInterval wilsonInterval(std::int64_t successes, std::int64_t trials, double level = 0.95);

}  // namespace cxr::evaluation
