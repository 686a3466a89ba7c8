// The CUDA path of data-parallel training through NCCL, on one GPU: a world of one rank on
// cuda:0 (what a one-GPU machine can check; the same calls run per GPU on a cluster). Its
// collectives move CUDA tensors, and ResNet18 steps with the gradients averaged during the
// backward (GradientReducer over NCCL) give the weights of the same steps without any
// averaging, as a world of one must. Built only where cxr_dist has NCCL; label cuda.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <torch/cuda.h>
#include <torch/nn/functional/loss.h>
#include <torch/optim/sgd.h>
#include <torch/types.h>

#include "core/training/distributed/gradient_reducer.h"
#include "core/training/distributed/process_group.h"
#include "dist_step_fixture.h"

namespace cxr::training::dist {
namespace {

DistEnv ncclWorldOfOne() {
    DistEnv env;
    env.rank = 0;
    env.worldSize = 1;
    env.localRank = 0;
    env.masterAddr = "127.0.0.1";
    env.masterPort = 0;  // a free port, as for any world of one
    env.backend = "nccl";
    env.timeout = std::chrono::seconds(60);
    return env;
}

TEST(NcclWorldOfOne, CollectivesMoveCudaTensors) {
    ASSERT_TRUE(torch::cuda::is_available()) << "the cuda-labelled tests need a GPU";
    ASSERT_TRUE(ProcessGroup::hasBackend("nccl"));
    ProcessGroup group;
    group.connect(ncclWorldOfOne());
    ASSERT_TRUE(group.connected());
    const auto cuda = torch::TensorOptions().device(torch::kCUDA, 0);
    auto weight = torch::full({4, 3}, 2.5f, cuda);
    group.broadcastFromRankZero({weight});
    EXPECT_TRUE(torch::equal(weight.cpu(), torch::full({4, 3}, 2.5f)));
    auto g1 = torch::arange(10, cuda.dtype(torch::kFloat));
    auto g2 = torch::full({3, 3}, -1.0f, cuda);
    group.averageGradients({g1, g2}, 16);  // small buckets: several NCCL calls
    EXPECT_TRUE(torch::equal(g1.cpu(), torch::arange(10, torch::kFloat)));
    EXPECT_TRUE(torch::equal(g2.cpu(), torch::full({3, 3}, -1.0f)));
    EXPECT_GE(group.gradientBucketCalls(), 2u);
    const auto sums = group.allReduceSum({1.5, -2.0, 7.0});
    ASSERT_EQ(sums.size(), 3u);
    EXPECT_DOUBLE_EQ(sums[0], 1.5);
    EXPECT_DOUBLE_EQ(sums[2], 7.0);
    group.barrier();
}

TEST(NcclWorldOfOne, OverlappedAveragingLeavesAOneRankStepUnchanged) {
    ASSERT_TRUE(torch::cuda::is_available()) << "the cuda-labelled tests need a GPU";
    ProcessGroup group;
    group.connect(ncclWorldOfOne());
    const torch::Device device(torch::kCUDA, 0);
    const auto data = test::dist::stepData(3);
    auto reference = test::dist::makeNet(0);
    auto averaged = test::dist::makeNet(0);
    reference->to(device);
    averaged->to(device);
    torch::optim::SGD refOpt(reference->parameters(), test::dist::sgdOptions());
    torch::optim::SGD avgOpt(averaged->parameters(), test::dist::sgdOptions());
    GradientReducer reducer(group, 1u << 20);  // 1 MB buckets: many launched during the backward
    reducer.prepare(averaged->parameters());
    const auto images = data.images.to(device), labels = data.labels.to(device);
    for (int step = 0; step < 3; ++step) {
        const auto x = images.slice(0, 4 * step, 4 * step + 4);
        const auto y = labels.slice(0, 4 * step, 4 * step + 4);
        refOpt.zero_grad();
        torch::nn::functional::cross_entropy(reference->forward(x), y).backward();
        refOpt.step();
        avgOpt.zero_grad();
        torch::nn::functional::cross_entropy(averaged->forward(x), y).backward();
        reducer.finish(averaged->parameters());
        avgOpt.step();
    }
    const auto a = reference->parameters(), b = averaged->parameters();
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        EXPECT_TRUE(torch::equal(a[i].detach().cpu(), b[i].detach().cpu())) << "parameter " << i;
}

}  // namespace
}  // namespace cxr::training::dist
