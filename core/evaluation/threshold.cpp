#include "core/evaluation/threshold.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/common/error.h"
#include "core/evaluation/confusion_matrix.h"
#include "core/evaluation/predictions.h"
#include "core/evaluation/roc.h"

namespace cxr::evaluation {
namespace {

const char* kForms = "accepted: \"argmax\", \"youden\", \"sensitivity:<0..1>\" (e.g. \"sensitivity:0.95\")";

}  // namespace

ThresholdRule ThresholdRule::parse(const std::string& text) {
    ThresholdRule rule;
    if (text == "argmax" || text.empty())
        return rule;
    if (text == "youden") {
        rule.kind = Kind::Youden;
        return rule;
    }
    const std::string prefix = "sensitivity:";
    if (text.rfind(prefix, 0) == 0) {
        const std::string number = text.substr(prefix.size());
        char* end = nullptr;
        const double target = std::strtod(number.c_str(), &end);
        if (!number.empty() && end && *end == '\0' && target > 0 && target <= 1) {
            rule.kind = Kind::Sensitivity;
            rule.target = target;
            return rule;
        }
    }
    throw Error(ErrorCode::InvalidInput, "unknown threshold rule \"" + text + "\"; " + kForms);
}

std::string ThresholdRule::toString() const {
    switch (kind) {
    case Kind::Argmax: return "argmax";
    case Kind::Youden: return "youden";
    case Kind::Sensitivity: {
        char buf[64];
        std::snprintf(buf, sizeof buf, "sensitivity:%g", target);
        return buf;
    }
    }
    return "argmax";
}

ThresholdChoice chooseThreshold(const ThresholdRule& rule, const std::vector<int>& labels,
                                const std::vector<double>& positiveProbabilities) {
    ThresholdChoice choice;
    choice.rule = rule.toString();
    if (rule.kind == ThresholdRule::Kind::Argmax) {
        choice.threshold = 0.5;
    } else {
        // Every distinct score is a candidate; the full curve, because the first point that
        // reaches a sensitivity target can sit inside a straight segment.
        const RocCurve roc = rocCurve(labels, positiveProbabilities, /*dropIntermediate=*/false);
        std::size_t best = 1;  // skip the +inf point: it calls nothing positive
        if (rule.kind == ThresholdRule::Kind::Youden) {
            double bestJ = -2;
            for (std::size_t i = 1; i < roc.thresholds.size(); ++i) {
                const double j = roc.tpr[i] - roc.fpr[i];
                if (j > bestJ) {  // first maximum = highest threshold among ties
                    bestJ = j;
                    best = i;
                }
            }
        } else {
            best = roc.thresholds.size() - 1;
            for (std::size_t i = 1; i < roc.thresholds.size(); ++i) {
                if (roc.tpr[i] >= rule.target - 1e-12) {
                    best = i;
                    break;
                }
            }
        }
        choice.threshold = roc.thresholds[best];
    }
    if (labels.size() == positiveProbabilities.size() && !labels.empty()) {
        const auto m = ConfusionMatrix::from(labels, applyThreshold(positiveProbabilities, choice.threshold), 2);
        choice.sensitivity = m.sensitivity(kPositiveClass);
        choice.specificity = m.specificity(kPositiveClass);
    }
    return choice;
}

Json ThresholdChoice::toJson() const {
    return {{"rule", rule}, {"threshold", threshold}, {"sensitivity", sensitivity}, {"specificity", specificity}};
}

}  // namespace cxr::evaluation
