#include "core/evaluation/calibration.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/common/error.h"
#include "core/evaluation/call_rule.h"

namespace cxr::evaluation {
namespace {

double logSumExp2(double a, double b) {
    const double m = std::max(a, b);
    return m + std::log(std::exp(a - m) + std::exp(b - m));
}

}  // namespace

double negativeLogLikelihood(const Predictions& predictions, double temperature) {
    checkPredictions(predictions, "negative log-likelihood");
    if (!(temperature > 0))
        throw Error(ErrorCode::InvalidInput, "temperature must be > 0");
    double sum = 0;
    for (std::size_t i = 0; i < predictions.labels.size(); ++i) {
        const auto& l = predictions.logits[i];
        const double a = l[0] / temperature, b = l[1] / temperature;
        sum += logSumExp2(a, b) - (predictions.labels[i] == 1 ? b : a);
    }
    return sum / static_cast<double>(predictions.labels.size());
}

bool perfectlySeparated(const Predictions& predictions) {
    checkPredictions(predictions, "separation check");
    for (std::size_t i = 0; i < predictions.labels.size(); ++i) {
        const auto& l = predictions.logits[i];
        const double margin = predictions.labels[i] == 1 ? l[1] - l[0] : l[0] - l[1];
        if (!(margin > 0))
            return false;
    }
    return true;
}

double fitTemperature(const Predictions& validation, bool* stoppedAtBound) {
    checkPredictions(validation, "temperature scaling");
    if (stoppedAtBound)
        *stoppedAtBound = false;
    if (perfectlySeparated(validation))
        return 1.0;
    // NLL is convex in 1/T, hence unimodal in log T: golden-section search on log T.
    const double lowest = std::log(kMinTemperature), highest = std::log(kMaxTemperature);
    double lo = lowest, hi = highest;
    const double g = (std::sqrt(5.0) - 1) / 2;
    double x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo);
    double f1 = negativeLogLikelihood(validation, std::exp(x1));
    double f2 = negativeLogLikelihood(validation, std::exp(x2));
    for (int it = 0; it < 80 && hi - lo > 1e-7; ++it) {
        if (f1 <= f2) {
            hi = x2;
            x2 = x1;
            f2 = f1;
            x1 = hi - g * (hi - lo);
            f1 = negativeLogLikelihood(validation, std::exp(x1));
        } else {
            lo = x1;
            x1 = x2;
            f1 = f2;
            x2 = lo + g * (hi - lo);
            f2 = negativeLogLikelihood(validation, std::exp(x2));
        }
    }
    const double best = (lo + hi) / 2;
    // The bracket shrinks onto a bound only when the NLL still falls towards it: the result is
    // then the bound itself, not a minimum (1e-6 in log T is far below any real optimum's width).
    if (stoppedAtBound)
        *stoppedAtBound = best - lowest < 1e-6 || highest - best < 1e-6;
    return std::exp(best);
}

double expectedCalibrationError(const Predictions& predictions, double temperature, int bins,
                                std::vector<ReliabilityBin>* reliability) {
    checkPredictions(predictions, "calibration error");
    if (bins < 1)
        throw Error(ErrorCode::InvalidInput, "calibration error needs at least one bin");
    std::vector<ReliabilityBin> table(static_cast<std::size_t>(bins));
    for (int b = 0; b < bins; ++b) {
        table[b].lower = binLowerEdge(b, bins);
        table[b].upper = binLowerEdge(b + 1, bins);
    }
    const auto p1 = positiveProbabilities(predictions, temperature);
    for (std::size_t i = 0; i < p1.size(); ++i) {
        // Top-class confidence of the call the "argmax" rule makes: P = 0.5 exactly is positive,
        // as at any threshold (callsPositive), so the ECE judges the calls the report counts.
        const int predicted = callsPositive(p1[i], 0.5) ? 1 : 0;
        const double confidence = predicted == 1 ? p1[i] : 1 - p1[i];
        // Bins are [lower, upper) (the last closed), by the same rule: an edge value starts a bin.
        auto& bin = table[static_cast<std::size_t>(binOf(confidence, bins))];
        ++bin.count;
        bin.confidence += confidence;
        bin.accuracy += predicted == predictions.labels[i] ? 1.0 : 0.0;
    }
    double ece = 0;
    const double n = static_cast<double>(p1.size());
    for (auto& bin : table) {
        if (bin.count == 0)
            continue;
        bin.confidence /= static_cast<double>(bin.count);
        bin.accuracy /= static_cast<double>(bin.count);
        ece += static_cast<double>(bin.count) / n * std::abs(bin.accuracy - bin.confidence);
    }
    if (reliability)
        *reliability = std::move(table);
    return ece;
}

ReliabilityDiagram reliabilityDiagram(const Predictions* validation, const CalibrationResult& calibration) {
    ReliabilityDiagram d;
    d.temperature = calibration.temperature;
    if (validation) {
        d.eceBefore = expectedCalibrationError(*validation, 1.0, calibration.bins, &d.before);
        d.eceAfter = expectedCalibrationError(*validation, calibration.temperature, calibration.bins, &d.after);
    }
    return d;
}

CalibrationResult calibrate(const Predictions& validation, int bins) {
    CalibrationResult r;
    r.bins = bins;
    r.temperature = fitTemperature(validation, &r.atBound);
    if (perfectlySeparated(validation)) {
        r.fitted = false;
        r.note = "not fitted: every validation film is on the right side, so the NLL only falls as T -> 0";
    } else if (r.atBound) {
        char text[200];
        std::snprintf(text, sizeof text,
                      "stopped at the search bound T = %g: the validation NLL still falls beyond it, so this is "
                      "a limit of the search, not a fitted optimum",
                      r.temperature < 1 ? kMinTemperature : kMaxTemperature);
        r.note = text;
    }
    r.nllBefore = negativeLogLikelihood(validation, 1.0);
    r.nllAfter = negativeLogLikelihood(validation, r.temperature);
    r.eceBefore = expectedCalibrationError(validation, 1.0, bins);
    r.eceAfter = expectedCalibrationError(validation, r.temperature, bins);
    return r;
}

Json CalibrationResult::toJson() const {
    Json j = {{"temperature", temperature}, {"fitted", fitted},     {"nllBefore", nllBefore}, {"nllAfter", nllAfter},
              {"eceBefore", eceBefore},     {"eceAfter", eceAfter}, {"bins", bins}};
    j["atBound"] = atBound;
    if (!note.empty())
        j["note"] = note;
    return j;
}

}  // namespace cxr::evaluation
