#include "evaluation/calibration.h"

#include <algorithm>
#include <cmath>

#include "common/error.h"

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

double fitTemperature(const Predictions& validation) {
    checkPredictions(validation, "temperature scaling");
    if (perfectlySeparated(validation))
        return 1.0;
    // NLL is convex in 1/T, hence unimodal in log T: golden-section search on log T.
    double lo = std::log(0.05), hi = std::log(20.0);
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
    return std::exp((lo + hi) / 2);
}

double expectedCalibrationError(const Predictions& predictions, double temperature, int bins,
                                std::vector<ReliabilityBin>* reliability) {
    checkPredictions(predictions, "calibration error");
    if (bins < 1)
        throw Error(ErrorCode::InvalidInput, "calibration error needs at least one bin");
    std::vector<ReliabilityBin> table(static_cast<std::size_t>(bins));
    for (int b = 0; b < bins; ++b) {
        table[b].lower = static_cast<double>(b) / bins;
        table[b].upper = static_cast<double>(b + 1) / bins;
    }
    const auto p1 = positiveProbabilities(predictions, temperature);
    for (std::size_t i = 0; i < p1.size(); ++i) {
        // Top-class confidence; argmax ties go to class 0 like torch.argmax.
        const int predicted = p1[i] > 0.5 ? 1 : 0;
        const double confidence = predicted == 1 ? p1[i] : 1 - p1[i];
        // Bins are (lower, upper]; confidence is >= 0.5 here, never 0.
        int b = static_cast<int>(std::ceil(confidence * bins)) - 1;
        b = std::clamp(b, 0, bins - 1);
        auto& bin = table[b];
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

CalibrationResult calibrate(const Predictions& validation, int bins) {
    CalibrationResult r;
    r.bins = bins;
    r.temperature = fitTemperature(validation);
    if (perfectlySeparated(validation)) {
        r.fitted = false;
        r.note = "not fitted: every validation film is on the right side, so the NLL only falls as T -> 0";
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
    if (!note.empty())
        j["note"] = note;
    return j;
}

}  // namespace cxr::evaluation
