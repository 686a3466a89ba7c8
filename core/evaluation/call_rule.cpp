#include "core/evaluation/call_rule.h"

#include <algorithm>
#include <cmath>

namespace cxr::evaluation {

bool callsPositive(double probability, double threshold) { return probability >= threshold; }

double positiveProbability(double logit0, double logit1, double temperature) {
    const double d = (logit1 - logit0) / temperature;
    return d >= 0 ? 1.0 / (1.0 + std::exp(-d)) : std::exp(d) / (1.0 + std::exp(d));
}

double binLowerEdge(int b, int bins) { return static_cast<double>(b) / bins; }

int binOf(double value, int bins) {
    value = std::clamp(value, 0.0, 1.0);
    int b = std::clamp(static_cast<int>(std::floor(value * bins)), 0, bins - 1);
    // value * bins may round across an edge; settle against the edges with the call rule.
    while (b + 1 < bins && callsPositive(value, binLowerEdge(b + 1, bins)))
        ++b;
    while (b > 0 && !callsPositive(value, binLowerEdge(b, bins)))
        --b;
    return b;
}

}  // namespace cxr::evaluation
