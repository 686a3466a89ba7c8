#pragma once
// Calibration: temperature scaling (one scalar T dividing the logits, fitted on validation by
// minimising the negative log-likelihood) and the expected calibration error.
#include <string>
#include <vector>

#include "common/json_io.h"
#include "evaluation/predictions.h"

namespace cxr::evaluation {

// Mean negative log-likelihood of the true class under softmax(logits / temperature).
double negativeLogLikelihood(const Predictions& predictions, double temperature = 1.0);

// argmin over T in [0.05, 20] of the NLL, by golden-section search on log T (the NLL is convex
// in 1/T). Throws InvalidInput on empty or inconsistent predictions. When every film's true
// class already has the larger logit (perfectly separated, common on a small validation split)
// the NLL only falls as T -> 0 and has no minimum: the search would return its lower bound and
// turn every probability into 0 or 1, so 1 is returned instead (see perfectlySeparated).
double fitTemperature(const Predictions& validation);

// True when every film's true class has the strictly larger logit.
bool perfectlySeparated(const Predictions& predictions);

struct ReliabilityBin {
    double lower = 0, upper = 0;
    long count = 0;
    double confidence = 0, accuracy = 0;  // means over the bin (0 when empty)
};

// ECE with equal-width bins over the top-class confidence (Guo et al. 2017):
// sum over bins of count/n * |accuracy - confidence|.
double expectedCalibrationError(const Predictions& predictions, double temperature = 1.0,
                                int bins = 15, std::vector<ReliabilityBin>* reliability = nullptr);

struct CalibrationResult {
    double temperature = 1.0;
    bool fitted = true;                  // false: T kept at 1, `note` says why
    std::string note;
    double nllBefore = 0, nllAfter = 0;  // on the data T was fitted on
    double eceBefore = 0, eceAfter = 0;
    int bins = 15;
    Json toJson() const;
};

CalibrationResult calibrate(const Predictions& validation, int bins = 15);

}  // namespace cxr::evaluation
