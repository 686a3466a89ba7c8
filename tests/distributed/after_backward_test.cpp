// The training step's afterBackward hook: called once a batch, after the backward pass (the
// gradients are there) and before the optimizer step (the weights are not yet changed); what it
// does to the gradients is what the step uses; without it the step is today's.
#include <gtest/gtest.h>
#include <torch/optim/sgd.h>
#include <torch/types.h>

#include "core/training/epoch_loop.h"
#include "core/training/tensor_batch_source.h"
#include "dist_step_fixture.h"

namespace cxr::training {
namespace {

struct HookedRun {
    std::vector<at::Tensor> parameters;
    EpochStats stats;
};

HookedRun trainThreeBatches(const std::function<void(model::ResNet18&)>& hook) {
    torch::set_num_threads(1);
    auto net = test::dist::makeNet(0);
    const auto data = test::dist::stepData(3);
    TensorBatchSource source(data.images.narrow(0, 0, 6), data.labels.narrow(0, 0, 6), 2);
    torch::optim::SGD optimizer(net->parameters(), torch::optim::SGDOptions(0.01));
    StepSettings settings;
    settings.afterBackward = hook;
    HookedRun run;
    run.stats = trainEpoch(net, optimizer, source, 0, settings, nullptr, nullptr);
    for (const auto& p : net->parameters())
        run.parameters.push_back(p.detach().clone());
    return run;
}

TEST(AfterBackward, RunsOnceABatchBetweenBackwardAndStep) {
    int calls = 0;
    std::vector<at::Tensor> seenBefore;
    const HookedRun run = trainThreeBatches([&](model::ResNet18& net) {
        ++calls;
        for (const auto& p : net->parameters())
            ASSERT_TRUE(p.grad().defined());
        // The weights the hook sees are those before this batch's step.
        if (calls == 1) {
            const auto initial = test::dist::makeNet(0)->parameters();
            const auto now = net->parameters();
            for (std::size_t i = 0; i < now.size(); ++i)
                EXPECT_TRUE(torch::equal(now[i].detach(), initial[i].detach())) << "parameter " << i;
        }
    });
    EXPECT_EQ(calls, 3);
    EXPECT_EQ(run.stats.samples, 6u);
}

TEST(AfterBackward, TheStepUsesTheGradientsAsTheHookLeftThem) {
    // Zeroed gradients: plain SGD leaves every weight where it started.
    const HookedRun run = trainThreeBatches([](model::ResNet18& net) {
        for (auto& p : net->parameters())
            p.mutable_grad().zero_();
    });
    const auto initial = test::dist::makeNet(0)->parameters();
    for (std::size_t i = 0; i < initial.size(); ++i)
        EXPECT_TRUE(torch::equal(run.parameters[i], initial[i].detach())) << "parameter " << i;
}

TEST(AfterBackward, WithoutAHookTheStepIsUnchanged) {
    const HookedRun plain = trainThreeBatches(nullptr);
    const HookedRun noop = trainThreeBatches([](model::ResNet18&) {});
    bool moved = false;
    const auto initial = test::dist::makeNet(0)->parameters();
    for (std::size_t i = 0; i < plain.parameters.size(); ++i) {
        EXPECT_TRUE(torch::equal(plain.parameters[i], noop.parameters[i])) << "parameter " << i;
        moved = moved || !torch::equal(plain.parameters[i], initial[i].detach());
    }
    EXPECT_TRUE(moved);
    EXPECT_DOUBLE_EQ(plain.stats.loss, noop.stats.loss);
}

}  // namespace
}  // namespace cxr::training
