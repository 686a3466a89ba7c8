#pragma once
// The remaining time of a long task as the interface says it ("ETA 2 min 05 s"); the seconds
// come from core's EtaEstimator.
#include <QString>

namespace cxr::ui {

QString etaText(double seconds);  // "ETA unknown" for a negative or non-finite figure

}  // namespace cxr::ui
