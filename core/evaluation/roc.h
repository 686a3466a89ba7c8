#pragma once
// ROC curve and AUC for a binary score, as sklearn's roc_curve (drop_intermediate=True, first
// threshold +inf) and roc_auc_score, and a bootstrap confidence interval for the AUC.
#include <cstdint>
#include <vector>

#include "core/common/json_io.h"

namespace cxr::evaluation {

struct RocCurve {
    std::vector<double> fpr, tpr, thresholds;  // thresholds decreasing; thresholds[0] = +inf
    double auc = 0;
    Json toJson() const;  // +inf written as null
};

// labels 0/1 (1 positive), scores higher = more positive; a film counts as positive at
// threshold t when its score >= t. Throws InvalidInput when sizes differ or only one class is
// present (AUC is undefined then). dropIntermediate = false keeps every distinct threshold.
RocCurve rocCurve(const std::vector<int>& labels, const std::vector<double>& scores,
                  bool dropIntermediate = true);
double rocAuc(const std::vector<int>& labels, const std::vector<double>& scores);

struct ConfidenceInterval {
    double lower = 0, upper = 0;
    double level = 0.95;
    int resamples = 0;  // resamples that had both classes (others are redrawn)
    Json toJson() const;
};

// Percentile bootstrap: resample films with replacement, AUC of each resample, the
// (1-level)/2 and (1+level)/2 quantiles. Deterministic in `seed`.
ConfidenceInterval bootstrapAucCi(const std::vector<int>& labels, const std::vector<double>& scores,
                                  int resamples = 1000, std::uint64_t seed = 42, double level = 0.95);

}  // namespace cxr::evaluation
