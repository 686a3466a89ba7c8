#include "core/evaluation/roc.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <string>

#include "core/common/error.h"

namespace cxr::evaluation {
namespace {

void checkInput(const std::vector<int>& labels, const std::vector<double>& scores) {
    if (labels.size() != scores.size())
        throw Error(ErrorCode::InvalidInput, "ROC: " + std::to_string(labels.size()) + " labels but " +
                                                 std::to_string(scores.size()) + " scores");
    std::size_t positives = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] != 0 && labels[i] != 1)
            throw Error(ErrorCode::InvalidInput, "ROC: label " + std::to_string(labels[i]) + " is not 0 or 1");
        if (std::isnan(scores[i]))
            throw Error(ErrorCode::InvalidInput, "ROC: score " + std::to_string(i) + " is NaN");
        positives += labels[i];
    }
    if (positives == 0 || positives == labels.size())
        throw Error(ErrorCode::InvalidInput,
                    "ROC: only one class present in " + std::to_string(labels.size()) + " films; AUC is undefined");
}

// Indices sorted by score, highest first; ties keep a fixed order (they are grouped anyway).
std::vector<std::size_t> descendingOrder(const std::vector<double>& scores) {
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return scores[a] > scores[b]; });
    return order;
}

double trapezoid(const std::vector<double>& x, const std::vector<double>& y) {
    double area = 0;
    for (std::size_t i = 1; i < x.size(); ++i)
        area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
    return area;
}

// AUC with per-film weights (bootstrap counts), films pre-sorted by descending score and
// grouped into runs of equal score (`groupEnd[g]` one past the group's last position).
double weightedAuc(const std::vector<int>& sortedLabels, const std::vector<std::size_t>& groupEnd,
                   const std::vector<std::uint32_t>& weight) {
    double tp = 0, fp = 0, area = 0;
    std::size_t start = 0;
    for (std::size_t end : groupEnd) {
        double gtp = 0, gfp = 0;
        for (std::size_t k = start; k < end; ++k)
            (sortedLabels[k] ? gtp : gfp) += weight[k];
        area += gfp * (tp + tp + gtp) / 2;  // trapezoid in unnormalised (fp, tp) space
        tp += gtp;
        fp += gfp;
        start = end;
    }
    if (tp == 0 || fp == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return area / (tp * fp);
}

}  // namespace

RocCurve rocCurve(const std::vector<int>& labels, const std::vector<double>& scores, bool dropIntermediate) {
    checkInput(labels, scores);
    const auto order = descendingOrder(scores);
    // Cumulative counts at the last film of each distinct score (sklearn's _binary_clf_curve).
    std::vector<double> tps, fps, thr;
    double tp = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        tp += labels[order[k]];
        const bool lastOfGroup = k + 1 == order.size() || scores[order[k + 1]] != scores[order[k]];
        if (lastOfGroup) {
            tps.push_back(tp);
            fps.push_back(static_cast<double>(k + 1) - tp);
            thr.push_back(scores[order[k]]);
        }
    }
    if (dropIntermediate && tps.size() > 2) {
        // Drop points inside straight segments: they change neither the curve nor the AUC.
        std::vector<double> t2, f2, h2;
        for (std::size_t i = 0; i < tps.size(); ++i) {
            const bool keep = i == 0 || i + 1 == tps.size() ||
                              (fps[i + 1] - 2 * fps[i] + fps[i - 1]) != 0 ||
                              (tps[i + 1] - 2 * tps[i] + tps[i - 1]) != 0;
            if (keep) {
                t2.push_back(tps[i]);
                f2.push_back(fps[i]);
                h2.push_back(thr[i]);
            }
        }
        tps.swap(t2);
        fps.swap(f2);
        thr.swap(h2);
    }
    RocCurve roc;
    const double totalP = tps.back(), totalN = fps.back();
    roc.fpr.push_back(0);
    roc.tpr.push_back(0);
    roc.thresholds.push_back(std::numeric_limits<double>::infinity());
    for (std::size_t i = 0; i < tps.size(); ++i) {
        roc.fpr.push_back(fps[i] / totalN);
        roc.tpr.push_back(tps[i] / totalP);
        roc.thresholds.push_back(thr[i]);
    }
    roc.auc = trapezoid(roc.fpr, roc.tpr);
    return roc;
}

double rocAuc(const std::vector<int>& labels, const std::vector<double>& scores) {
    return rocCurve(labels, scores).auc;
}

ConfidenceInterval bootstrapAucCi(const std::vector<int>& labels, const std::vector<double>& scores,
                                  int resamples, std::uint64_t seed, double level) {
    checkInput(labels, scores);
    if (resamples < 10)
        throw Error(ErrorCode::InvalidInput, "bootstrap: at least 10 resamples, got " + std::to_string(resamples));
    if (!(level > 0 && level < 1))
        throw Error(ErrorCode::InvalidInput, "bootstrap: confidence level must be in (0, 1)");
    // Sort once; a resample is then just a count per film, and its AUC one pass over the order.
    const auto order = descendingOrder(scores);
    const std::size_t n = order.size();
    std::vector<int> sortedLabels(n);
    std::vector<std::size_t> groupEnd;
    for (std::size_t k = 0; k < n; ++k) {
        sortedLabels[k] = labels[order[k]];
        if (k + 1 == n || scores[order[k + 1]] != scores[order[k]])
            groupEnd.push_back(k + 1);
    }
    std::mt19937_64 rng(seed);
    std::vector<double> aucs;
    aucs.reserve(static_cast<std::size_t>(resamples));
    std::vector<std::uint32_t> weight(n);
    int attempts = 0;
    while (static_cast<int>(aucs.size()) < resamples) {
        if (++attempts > resamples * 20)
            throw Error(ErrorCode::InvalidInput, "bootstrap: too few films of one class to resample AUC");
        std::fill(weight.begin(), weight.end(), 0);
        for (std::size_t i = 0; i < n; ++i)
            ++weight[static_cast<std::size_t>(rng() % n)];
        const double auc = weightedAuc(sortedLabels, groupEnd, weight);
        if (!std::isnan(auc))
            aucs.push_back(auc);
    }
    std::sort(aucs.begin(), aucs.end());
    // Linear interpolation between order statistics, as numpy.percentile's default.
    auto quantile = [&](double q) {
        const double pos = q * static_cast<double>(aucs.size() - 1);
        const auto lo = static_cast<std::size_t>(std::floor(pos));
        const auto hi = std::min(lo + 1, aucs.size() - 1);
        return aucs[lo] + (pos - static_cast<double>(lo)) * (aucs[hi] - aucs[lo]);
    };
    ConfidenceInterval ci;
    ci.level = level;
    ci.resamples = resamples;
    ci.lower = quantile((1 - level) / 2);
    ci.upper = quantile((1 + level) / 2);
    return ci;
}

Json RocCurve::toJson() const {
    Json th = Json::array();
    for (double t : thresholds)
        th.push_back(std::isfinite(t) ? Json(t) : Json(nullptr));
    return {{"fpr", fpr}, {"tpr", tpr}, {"thresholds", th}, {"auc", std::isfinite(auc) ? Json(auc) : Json(nullptr)}};
}

Json ConfidenceInterval::toJson() const {
    return {{"lower", lower}, {"upper", upper}, {"level", level}, {"resamples", resamples}};
}

}  // namespace cxr::evaluation
