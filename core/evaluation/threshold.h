#pragma once
// Operating threshold on P(PNEUMONIA): chosen on validation by a rule, then applied unchanged
// to test. A film is called positive when its probability is >= the threshold (callsPositive).
#include <string>
#include <vector>

#include "core/common/json_io.h"

namespace cxr::evaluation {

struct ThresholdRule {
    enum class Kind { Argmax, Youden, Sensitivity };
    Kind kind = Kind::Argmax;
    double target = 0;  // Sensitivity: the sensitivity to reach, in (0, 1]

    // "argmax" (0.5), "youden" (max sensitivity + specificity - 1), "sensitivity:0.95" (the
    // highest threshold whose sensitivity reaches 0.95, i.e. the best specificity there).
    // Throws InvalidInput with the accepted forms on anything else.
    static ThresholdRule parse(const std::string& text);
    std::string toString() const;
};

struct ThresholdChoice {
    std::string rule;
    double threshold = 0.5;
    double sensitivity = 0, specificity = 0;  // on the data it was chosen on
    Json toJson() const;
};

// labels 0/1, positive-class probabilities. Youden and Sensitivity need both classes present
// (InvalidInput otherwise); Argmax always gives 0.5.
ThresholdChoice chooseThreshold(const ThresholdRule& rule, const std::vector<int>& labels,
                                const std::vector<double>& positiveProbabilities);

}  // namespace cxr::evaluation
