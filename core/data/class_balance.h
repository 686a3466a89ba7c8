#pragma once
// Class balance for the 3:1 PNEUMONIA:NORMAL imbalance: loss weights and a weighted sampler.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cxr::data {

// sklearn's "balanced" weights: n / (numClasses * count[c]); 0 for a class with no film.
std::vector<double> classWeights(const std::vector<int>& labels, int numClasses);

// `count` positions into `labels` drawn with replacement, each with probability proportional to
// its class's weight, so classes come out about equally often. Deterministic in `seed`.
std::vector<std::size_t> weightedSample(const std::vector<int>& labels, int numClasses,
                                        std::size_t count, std::uint64_t seed);

}  // namespace cxr::data
