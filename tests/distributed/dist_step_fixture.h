#pragma once
// The exactness test's shared setup, used by the rank worker (cxr_dist_step_worker) and by the
// single-process reference in the test, so both start from the same weights, data and
// optimizer: a two-class ResNet18 on 64x64 films (layer4 still sees 2x2 per film), SGD with momentum, and STEPS global batches
// of 2 films per rank (4 in all) drawn from a fixed seed.
#include <cstdint>

#include <torch/nn/functional/loss.h>
#include <torch/optim/sgd.h>
#include <torch/types.h>

#include "core/model/resnet18.h"

namespace cxr::test::dist {

inline constexpr int kSide = 64;
inline constexpr int kPerRank = 2;
inline constexpr int kRanks = 2;
inline constexpr std::uint64_t kWeightSeed = 100;  // rank r builds with kWeightSeed + r

// Global batch s holds films [4s, 4s+4); rank r trains on [4s+2r, 4s+2r+2).
struct StepData {
    torch::Tensor images;  // [steps*4, 3, 64, 64]
    torch::Tensor labels;  // [steps*4] int64
};

inline StepData stepData(int steps) {
    torch::manual_seed(7);
    const int n = steps * kPerRank * kRanks;
    StepData d;
    d.images = torch::randn({n, 3, kSide, kSide});
    d.labels = torch::randint(0, 2, {n}, torch::kLong);
    return d;
}

// Rank r's films, in the order it trains on them.
inline StepData rankSlice(const StepData& all, int rank) {
    std::vector<int64_t> idx;
    const int steps = static_cast<int>(all.labels.size(0)) / (kPerRank * kRanks);
    for (int s = 0; s < steps; ++s)
        for (int k = 0; k < kPerRank; ++k)
            idx.push_back(s * kPerRank * kRanks + rank * kPerRank + k);
    const auto t = torch::tensor(idx, torch::kLong);
    return {all.images.index_select(0, t), all.labels.index_select(0, t)};
}

inline model::ResNet18 makeNet(int rank) {
    torch::manual_seed(kWeightSeed + static_cast<std::uint64_t>(rank));
    return model::ResNet18(2);
}

inline torch::optim::SGDOptions sgdOptions() {
    return torch::optim::SGDOptions(0.01).momentum(0.9).weight_decay(1e-4);
}

}  // namespace cxr::test::dist
