// The multi-tensor optimizers step exactly as torch::optim's Adam and SGD do (to 1e-6), also
// when some tensors have no gradient on some steps, and their saved state loads into either.
#include <sstream>

#include <gtest/gtest.h>
#include <torch/optim/adam.h>
#include <torch/optim/sgd.h>
#include <torch/serialize/archive.h>
#include <torch/types.h>

#include "core/common/error.h"
#include "core/training/foreach_optimizers.h"

namespace cxr::training {
namespace {

// Tensors shaped like a few of ResNet18's (conv, BatchNorm, fc), the same values in both sets.
std::vector<torch::Tensor> makeParams() {
    torch::manual_seed(5);
    std::vector<torch::Tensor> out;
    for (const auto& shape : std::vector<std::vector<int64_t>>{{64, 3, 7, 7}, {64}, {64}, {128, 64, 3, 3}, {2, 512}, {2}})
        out.push_back(torch::randn(shape).requires_grad_(true));
    return out;
}

std::vector<torch::Tensor> copyOf(const std::vector<torch::Tensor>& params) {
    std::vector<torch::Tensor> out;
    for (const auto& p : params)
        out.push_back(p.detach().clone().requires_grad_(true));
    return out;
}

// Gradients drawn per step; on odd steps the last tensor (fc.bias-like) gets none.
void setGrads(std::vector<torch::Tensor>& params, int step) {
    torch::manual_seed(100 + step);
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (i + 1 == params.size() && step % 2 == 1) {
            params[i].mutable_grad() = torch::Tensor();
            continue;
        }
        params[i].mutable_grad() = torch::randn_like(params[i]) * 0.1;
    }
}

double largestDifference(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, (a[i] - b[i]).abs().max().item<double>());
    return worst;
}

template <class Ours, class Theirs, class Options>
double stepBoth(const Options& options, int steps) {
    auto mine = makeParams();
    auto reference = copyOf(mine);
    Ours ours(mine, options);
    Theirs theirs(reference, options);
    for (int s = 0; s < steps; ++s) {
        setGrads(mine, s);
        setGrads(reference, s);
        ours.step();
        theirs.step();
    }
    // The parameters moved (the comparison is not of untouched tensors).
    EXPECT_GT(largestDifference(mine, makeParams()), 1e-3);
    return largestDifference(mine, reference);
}

TEST(ForeachOptimizers, AdamStepsLikeTorchOptim) {
    EXPECT_LT((stepBoth<ForeachAdam, torch::optim::Adam>(torch::optim::AdamOptions(1e-3), 10)), 1e-6);
    EXPECT_LT((stepBoth<ForeachAdam, torch::optim::Adam>(torch::optim::AdamOptions(5e-4).weight_decay(1e-4), 10)), 1e-6);
}

TEST(ForeachOptimizers, SgdStepsLikeTorchOptim) {
    EXPECT_LT((stepBoth<ForeachSgd, torch::optim::SGD>(torch::optim::SGDOptions(1e-2).momentum(0.9), 10)), 1e-6);
    EXPECT_LT((stepBoth<ForeachSgd, torch::optim::SGD>(
                  torch::optim::SGDOptions(1e-2).momentum(0.9).weight_decay(1e-4), 10)),
              1e-6);
    EXPECT_LT((stepBoth<ForeachSgd, torch::optim::SGD>(torch::optim::SGDOptions(1e-2), 10)), 1e-6);  // no momentum
}

// A checkpointed state (a resumed run) continues the same way in either implementation.
TEST(ForeachOptimizers, SavedStateLoadsIntoTorchOptimAndBack) {
    auto mine = makeParams();
    auto reference = copyOf(mine);
    ForeachAdam ours(mine, torch::optim::AdamOptions(1e-3));
    for (int s = 0; s < 3; ++s) {
        setGrads(mine, s);
        ours.step();
    }
    std::ostringstream bytes;
    torch::serialize::OutputArchive out;
    ours.save(out);
    out.save_to(bytes);
    for (std::size_t i = 0; i < mine.size(); ++i)
        reference[i].data().copy_(mine[i].detach());
    torch::optim::Adam theirs(reference, torch::optim::AdamOptions(1e-3));
    std::istringstream in(bytes.str());
    torch::serialize::InputArchive archive;
    archive.load_from(in);
    theirs.load(archive);
    for (int s = 3; s < 6; ++s) {
        setGrads(mine, s);
        setGrads(reference, s);
        ours.step();
        theirs.step();
    }
    EXPECT_LT(largestDifference(mine, reference), 1e-6);
}

TEST(ForeachOptimizers, VariantsTheyDoNotImplementAreRefused) {
    auto params = makeParams();
    EXPECT_THROW(ForeachAdam(params, torch::optim::AdamOptions(1e-3).amsgrad(true)), Error);
    EXPECT_THROW(ForeachSgd(params, torch::optim::SGDOptions(1e-2).momentum(0.9).nesterov(true)), Error);
}

}  // namespace
}  // namespace cxr::training
