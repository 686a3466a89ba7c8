#pragma once
// Chart builders for a run's results: the ROC curve with its AUC, CI and the operating point,
// and the reliability diagram before and after temperature scaling. They return plain QChart
// objects (the caller owns them), so the results page shows them in views and the report
// renders them into the PDF.
#include <optional>
#include <vector>

#include "core/evaluation/calibration.h"
#include "core/evaluation/roc.h"

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

// Draws evaluation::reliabilityDiagram()'s bins; computes nothing itself.
QChart* makeReliabilityChart(const evaluation::ReliabilityDiagram& input);

}  // namespace cxr::ui
