#include "core/evaluation/predictions.h"

#include <cmath>
#include <string>

#include "core/common/error.h"
#include "core/evaluation/call_rule.h"

namespace cxr::evaluation {

void checkPredictions(const Predictions& predictions, const char* what) {
    if (predictions.labels.empty())
        throw Error(ErrorCode::InvalidInput, std::string(what) + ": no predictions to evaluate");
    if (predictions.labels.size() != predictions.logits.size())
        throw Error(ErrorCode::InvalidInput,
                    std::string(what) + ": " + std::to_string(predictions.labels.size()) + " labels but " +
                        std::to_string(predictions.logits.size()) + " logit pairs");
    if (!predictions.paths.empty() && predictions.paths.size() != predictions.labels.size())
        throw Error(ErrorCode::InvalidInput, std::string(what) + ": paths and labels differ in length");
    for (std::size_t i = 0; i < predictions.labels.size(); ++i) {
        const int label = predictions.labels[i];
        if (label != 0 && label != 1)
            throw Error(ErrorCode::InvalidInput, std::string(what) + ": label " + std::to_string(label) +
                                                     " of film " + std::to_string(i) + " is not 0 or 1");
        const auto& l = predictions.logits[i];
        if (!std::isfinite(l[0]) || !std::isfinite(l[1]))
            throw Error(ErrorCode::InvalidInput,
                        std::string(what) + ": film " + std::to_string(i) + " has a non-finite logit");
    }
}

std::vector<double> positiveProbabilities(const Predictions& predictions, double temperature) {
    if (!(temperature > 0))
        throw Error(ErrorCode::InvalidInput, "temperature must be > 0, got " + std::to_string(temperature));
    std::vector<double> p;
    p.reserve(predictions.logits.size());
    for (const auto& l : predictions.logits)
        p.push_back(positiveProbability(l[0], l[1], temperature));
    return p;
}

std::vector<int> applyThreshold(const std::vector<double>& positiveProbabilities, double threshold) {
    std::vector<int> predicted;
    predicted.reserve(positiveProbabilities.size());
    for (double p : positiveProbabilities)
        predicted.push_back(callsPositive(p, threshold) ? 1 : 0);
    return predicted;
}

}  // namespace cxr::evaluation
