#pragma once
// Calibration: temperature scaling (one scalar T dividing the logits, fitted on validation by
// minimising the negative log-likelihood) and the expected calibration error.
#include <string>
#include <vector>

#include "core/common/json_io.h"
#include "core/evaluation/predictions.h"

namespace cxr::evaluation {

// Mean negative log-likelihood of the true class under softmax(logits / temperature).
double negativeLogLikelihood(const Predictions& predictions, double temperature = 1.0);

// The temperature search's range.
constexpr double kMinTemperature = 0.05, kMaxTemperature = 20.0;

// argmin over T in [kMinTemperature, kMaxTemperature] of the NLL, by golden-section search on
// log T (the NLL is convex in 1/T). Throws InvalidInput on empty or inconsistent predictions.
// When every film's true class already has the larger logit (perfectly separated, common on a
// small validation split) the NLL only falls as T -> 0 and has no minimum: the search would
// return its lower bound and turn every probability into 0 or 1, so 1 is returned instead (see
// perfectlySeparated). When the minimum lies outside the range (e.g. logits far too small, or
// nearly separated films) the search ends on a bound: `stoppedAtBound` says so.
double fitTemperature(const Predictions& validation, bool* stoppedAtBound = nullptr);

// True when every film's true class has the strictly larger logit.
bool perfectlySeparated(const Predictions& predictions);

struct ReliabilityBin {
    double lower = 0, upper = 0;
    long count = 0;
    double confidence = 0, accuracy = 0;  // means over the bin (0 when empty)
};

// ECE with equal-width bins over the top-class confidence (Guo et al. 2017):
// sum over bins of count/n * |accuracy - confidence|. The call is callsPositive(P, 0.5) (P = 0.5
// is positive, like the "argmax" threshold rule); bins are [lower, upper), the last closed, and
// a confidence exactly on an edge goes to the bin starting there (binOf, call_rule.h).
double expectedCalibrationError(const Predictions& predictions, double temperature = 1.0,
                                int bins = 15, std::vector<ReliabilityBin>* reliability = nullptr);

struct CalibrationResult {
    double temperature = 1.0;
    bool fitted = true;                  // false: T kept at 1, `note` says why
    bool atBound = false;                // the search stopped at a bound of its range; `note` says which
    std::string note;
    double nllBefore = 0, nllAfter = 0;  // on the data T was fitted on
    double eceBefore = 0, eceAfter = 0;
    int bins = 15;
    Json toJson() const;
};

CalibrationResult calibrate(const Predictions& validation, int bins = 15);

// The reliability diagram of a run's calibration: the bins and ECE before and after temperature
// scaling, on the validation predictions the temperature was fitted on (with calibration's bin
// count). The results view and the PDF report both draw this one value. Without validation
// predictions the bins are empty and the ECEs 0.
struct ReliabilityDiagram {
    std::vector<ReliabilityBin> before, after;
    double eceBefore = 0, eceAfter = 0, temperature = 1;
};

ReliabilityDiagram reliabilityDiagram(const Predictions* validation, const CalibrationResult& calibration);

}  // namespace cxr::evaluation
