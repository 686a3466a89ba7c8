#pragma once
// EvaluationReport: everything the product shows about a trained model on one split — confusion
// matrix, per-class report, sensitivity/specificity for PNEUMONIA, ROC/AUC with a bootstrap CI,
// calibration — with the temperature and the operating threshold fitted on validation and
// applied unchanged to test.
//
// Order, so the bundle's numbers mean one thing: T is fitted on validation logits first; the
// threshold is then chosen on the validation P(PNEUMONIA) = softmax(logits / T)[1]; on test the
// same T and threshold are applied. (ROC/AUC do not depend on T.)
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/json_io.h"
#include "core/evaluation/calibration.h"
#include "core/evaluation/classification_report.h"
#include "core/evaluation/confusion_matrix.h"
#include "core/evaluation/predictions.h"
#include "core/evaluation/roc.h"
#include "core/evaluation/threshold.h"

namespace cxr::evaluation {

struct EvaluateOptions {
    int bootstrapResamples = 1000;
    std::uint64_t seed = 42;
    int eceBins = 15;
    bool fitTemperature = true;  // false: T = 1
};

// Metrics of one split at a given temperature and threshold.
struct SplitEvaluation {
    std::string split;  // "validation", "test"
    std::size_t films = 0;
    ConfusionMatrix confusion{2};
    ClassificationReport report;
    double sensitivity = 0, specificity = 0;  // for the positive class (PNEUMONIA)
    RocCurve roc;
    std::optional<ConfidenceInterval> aucCi;  // absent when a class is missing
    double nll = 0, ece = 0;                  // at the report's temperature
};

struct EvaluationReport {
    std::vector<std::string> classes;
    ThresholdChoice threshold;
    CalibrationResult calibration;  // temperature 1 and before == after when not fitted
    std::optional<SplitEvaluation> validation;
    SplitEvaluation test;
    std::string note;  // the intended-use statement: research and teaching, not diagnosis
};

// `thresholdRule` as ThresholdRule::parse. Throws InvalidInput on empty/inconsistent input.
EvaluationReport evaluate(const Predictions& val, const Predictions& test, const std::string& thresholdRule,
                          const std::vector<std::string>& classes, const EvaluateOptions& options = {});
// Test only, with a model's stored threshold and temperature (`cxr evaluate` on a bundle).
EvaluationReport evaluateWith(const Predictions& test, double threshold, double temperature,
                              const std::vector<std::string>& classes, const EvaluateOptions& options = {});

SplitEvaluation evaluateSplit(const std::string& split, const Predictions& predictions, double threshold,
                              double temperature, const std::vector<std::string>& classes,
                              const EvaluateOptions& options = {});

Json toJson(const EvaluationReport& report);
std::string toText(const EvaluationReport& report);

}  // namespace cxr::evaluation
