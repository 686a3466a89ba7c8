#pragma once
// Chart builders for a run's results: the ROC curve with its AUC, CI and the operating point,
// and the reliability diagram before and after temperature scaling. They return plain QChart
// objects (the caller owns them), so the results page shows them in views and the report
// renders them into the PDF.
#include <optional>
#include <vector>

#include "evaluation/calibration.h"
#include "evaluation/roc.h"

class QChart;
class QScatterSeries;

namespace cxr::ui {

struct RocChartInput {
    evaluation::RocCurve roc;
    std::optional<evaluation::ConfidenceInterval> ci;
    double operatingFpr = 0, operatingTpr = 0, threshold = 0.5;
};

QChart* makeRocChart(const RocChartInput& input);
// Moves the operating-point marker of a chart made by makeRocChart.
void setRocOperatingPoint(QChart* chart, double fpr, double tpr, double threshold);

struct ReliabilityInput {
    std::vector<evaluation::ReliabilityBin> before, after;
    double eceBefore = 0, eceAfter = 0, temperature = 1;
};

QChart* makeReliabilityChart(const ReliabilityInput& input);

}  // namespace cxr::ui
