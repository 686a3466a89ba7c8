#include "core/data/class_balance.h"

#include <algorithm>
#include <random>
#include <string>

#include "core/common/error.h"

namespace cxr::data {

std::vector<double> classWeights(const std::vector<int>& labels, int numClasses) {
    if (numClasses < 1)
        throw Error(ErrorCode::InvalidInput, "class weights need at least one class");
    std::vector<std::size_t> counts(static_cast<std::size_t>(numClasses), 0);
    for (int l : labels) {
        if (l < 0 || l >= numClasses)
            throw Error(ErrorCode::InvalidInput, "class weights: label " + std::to_string(l) + " outside 0.." +
                                                     std::to_string(numClasses - 1));
        ++counts[static_cast<std::size_t>(l)];
    }
    std::vector<double> w(counts.size(), 0.0);
    for (std::size_t c = 0; c < counts.size(); ++c)
        if (counts[c] > 0)
            w[c] = static_cast<double>(labels.size()) / (static_cast<double>(numClasses) * static_cast<double>(counts[c]));
    return w;
}

std::vector<std::size_t> weightedSample(const std::vector<int>& labels, int numClasses, std::size_t count,
                                        std::uint64_t seed) {
    if (labels.empty())
        throw Error(ErrorCode::InvalidInput, "weighted sampling from an empty list");
    const auto w = classWeights(labels, numClasses);
    // Cumulative weights and inverse-CDF draws with mt19937_64: the same on every platform
    // (std::discrete_distribution's algorithm is implementation-defined).
    std::vector<double> cumulative(labels.size());
    double total = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        total += w[static_cast<std::size_t>(labels[i])];
        cumulative[i] = total;
    }
    std::mt19937_64 rng(seed);
    std::vector<std::size_t> out;
    out.reserve(count);
    for (std::size_t k = 0; k < count; ++k) {
        const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53 * total;
        const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
        out.push_back(std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()), labels.size() - 1));
    }
    return out;
}

}  // namespace cxr::data
