#pragma once
// ClassificationReport: per-class precision, recall, F1 and support with accuracy and the macro
// and weighted averages, printed in the layout of sklearn's classification_report. A zero
// denominator gives 0 (sklearn's zero_division default).
#include <cstdint>
#include <string>
#include <vector>

#include "core/common/json_io.h"
#include "core/evaluation/confusion_matrix.h"

namespace cxr::evaluation {

struct ClassMetrics {
    std::string name;
    double precision = 0, recall = 0, f1 = 0;
    std::int64_t support = 0;
};

struct ClassificationReport {
    std::vector<ClassMetrics> perClass;
    double accuracy = 0;
    ClassMetrics macroAvg{"macro avg"}, weightedAvg{"weighted avg"};
    std::int64_t total = 0;

    std::string toText(int digits = 2) const;  // sklearn's text layout
    Json toJson() const;
};

// `classNames` must have one name per matrix class.
ClassificationReport classificationReport(const ConfusionMatrix& matrix,
                                          const std::vector<std::string>& classNames);

}  // namespace cxr::evaluation
