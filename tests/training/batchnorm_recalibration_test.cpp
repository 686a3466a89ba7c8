// Precise BatchNorm statistics: the recalibration pass replaces the running averages with the
// statistics of the training batches themselves, leaves weights, momenta, mode and frozen
// BatchNorm alone, and the trainer uses it before every validation when configured.
#include <map>

#include <gtest/gtest.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/types.h>

#include "core/common/error.h"
#include "core/model/resnet18.h"
#include "core/model/state_dict.h"
#include "core/training/batchnorm_recalibration.h"
#include "core/training/run_state.h"
#include "core/training/trainer.h"
#include "test_dirs.h"
#include "tiny_training.h"

namespace cxr::training {
namespace {

torch::nn::BatchNorm2dImpl* stemNorm(model::ResNet18& net) {
    for (auto& item : net->named_modules("", false))
        if (item.key() == "bn1")
            return item.value()->as<torch::nn::BatchNorm2d>();
    return nullptr;
}

torch::nn::Conv2dImpl* stemConv(model::ResNet18& net) {
    for (auto& item : net->named_modules("", false))
        if (item.key() == "conv1")
            return item.value()->as<torch::nn::Conv2d>();
    return nullptr;
}

// 40 films (5 batches of 8), shifted and scaled so their statistics are far from BatchNorm's
// initial mean 0 / variance 1.
struct ShiftedSet {
    torch::Tensor images, labels;
    ShiftedSet() { images = test::tinyImages(40, 32, 7, &labels) * 3.0 + 2.0; }
};

TEST(BatchNormRecalibration, RunningStatisticsBecomeTheTrainingBatchesOwn) {
    torch::manual_seed(0);
    model::ResNet18 net(2);
    net->eval();
    ShiftedSet set;
    TensorBatchSource source(set.images, set.labels, 8, /*shuffle=*/false);
    std::map<std::string, torch::Tensor> before;
    for (const auto& p : net->named_parameters())
        before[p.key()] = p.value().clone();

    const auto stats = recalibrateBatchNorm(net, source, 0, StepSettings{}, 1000, nullptr);
    EXPECT_EQ(stats.batches, 5u);
    EXPECT_EQ(stats.films, 40u);
    EXPECT_EQ(stats.layers, 20u);  // stem + 2 per block x 8 blocks + 3 downsample

    // Expected: the mean of the five batches' channel means and unbiased variances of conv1's
    // output (equal batches, so the mean is the whole set's).
    torch::NoGradGuard noGrad;
    auto* conv = stemConv(net);
    auto* bn = stemNorm(net);
    ASSERT_NE(conv, nullptr);
    ASSERT_NE(bn, nullptr);
    torch::Tensor mean = torch::zeros({64}), var = torch::zeros({64});
    for (int b = 0; b < 5; ++b) {
        const auto y = conv->forward(set.images.slice(0, b * 8, b * 8 + 8));
        mean += y.mean({0, 2, 3}) / 5.0;
        var += y.var({0, 2, 3}, /*unbiased=*/true) / 5.0;
    }
    EXPECT_TRUE(torch::allclose(bn->running_mean, mean, 1e-4, 1e-5)) << (bn->running_mean - mean).abs().max();
    EXPECT_TRUE(torch::allclose(bn->running_var, var, 1e-4, 1e-5)) << (bn->running_var - var).abs().max();
    EXPECT_GT(mean.abs().max().item<double>(), 0.1);  // far from the initial 0: the test can fail

    // Weights untouched, momentum and eval mode back.
    for (const auto& p : net->named_parameters())
        EXPECT_TRUE(torch::equal(p.value(), before.at(p.key()))) << p.key();
    EXPECT_FALSE(net->is_training());
    ASSERT_TRUE(bn->options.momentum().has_value());
    EXPECT_DOUBLE_EQ(*bn->options.momentum(), 0.1);
}

TEST(BatchNormRecalibration, StopsAtTheFilmLimitAndSkipsOneFilmBatches) {
    torch::manual_seed(0);
    model::ResNet18 net(2);
    ShiftedSet set;
    TensorBatchSource limited(set.images, set.labels, 8, false);
    EXPECT_EQ(recalibrateBatchNorm(net, limited, 0, StepSettings{}, 16, nullptr).batches, 2u);
    EXPECT_EQ(stemNorm(net)->num_batches_tracked.item<int64_t>(), 2);

    // 9 films in batches of 8: the last batch of one film says nothing about a variance.
    TensorBatchSource odd(set.images.slice(0, 0, 9), set.labels.slice(0, 0, 9), 8, false);
    const auto stats = recalibrateBatchNorm(net, odd, 0, StepSettings{}, 1000, nullptr);
    EXPECT_EQ(stats.batches, 1u);
    EXPECT_EQ(stats.films, 8u);
    EXPECT_TRUE(net->is_training());  // a fresh net is in train mode, and stays so
}

TEST(BatchNormRecalibration, FrozenBatchNormKeepsItsStatistics) {
    torch::manual_seed(0);
    model::ResNet18 net(2);
    net->setTrainable({"fc"});
    net->setFreezeBatchNormStats(true);
    const auto before = stemNorm(net)->running_mean.clone();
    ShiftedSet set;
    TensorBatchSource source(set.images, set.labels, 8, false);
    const auto stats = recalibrateBatchNorm(net, source, 0, StepSettings{}, 1000, nullptr);
    EXPECT_EQ(stats.layers, 0u);  // only fc trains; every BatchNorm is frozen
    EXPECT_TRUE(torch::equal(stemNorm(net)->running_mean, before));
}

TEST(BatchNormRecalibration, CancelRestoresMomentumAndMode) {
    torch::manual_seed(0);
    model::ResNet18 net(2);
    net->eval();
    ShiftedSet set;
    TensorBatchSource source(set.images, set.labels, 8, false);
    CancelToken cancel;
    cancel.cancel();
    EXPECT_THROW(recalibrateBatchNorm(net, source, 0, StepSettings{}, 1000, &cancel), Error);
    EXPECT_FALSE(net->is_training());
    EXPECT_DOUBLE_EQ(*stemNorm(net)->options.momentum(), 0.1);
}

// With "precise", the statistics the kept checkpoint holds are those a recalibration over its
// own epoch's training batches gives; with "running" they are the momentum averages, which differ.
TEST(BatchNormRecalibration, TheTrainerRecalibratesBeforeEveryValidationWhenAsked) {
    for (const std::string mode : {"running", "precise"}) {
        const auto dir = test::scratchDir();
        auto data = test::tinyData(32, 16, 32, 8);
        auto config = test::tinyConfig(1);  // one epoch per phase: the global epoch is the phase
        config.plan = "scratch";
        config.resolvePlan(false);
        config.batchNormStats = mode;
        torch::manual_seed(0);
        model::ResNet18 net(2);
        Trainer trainer(config, RunDirectory(dir), nullptr);
        trainer.run(net, data.train, data.val, {{"NORMAL", "PNEUMONIA"}, {}, false});
        const auto kept = stemNorm(net)->running_var.clone();
        const int bestEpoch = RunState::read(dir / "state.json").bestPhase;
        recalibrateBatchNorm(net, data.train, bestEpoch, trainer.stepSettings(), 1024, nullptr);
        const bool same = torch::allclose(stemNorm(net)->running_var, kept, 1e-5, 1e-6);
        EXPECT_EQ(same, mode == "precise") << mode;
    }
}

}  // namespace
}  // namespace cxr::training
