// The training epoch's read-backs: reading the loss every few batches (as on CUDA) must give the
// same epoch figures as reading it every batch, report at each read-back and after the last
// batch, and still stop on a non-finite loss.
#include <limits>

#include <gtest/gtest.h>
#include <torch/optim/sgd.h>
#include <torch/types.h>

#include "core/model/resnet18.h"
#include "core/training/epoch_loop.h"
#include "tiny_training.h"

namespace cxr::training {
namespace {

struct EpochRun {
    EpochStats stats;
    std::vector<BatchProgress> reports;
};

EpochRun runOneEpoch(int syncEvery, bool poison) {
    torch::manual_seed(0);
    model::ResNet18 net(2);
    torch::optim::SGD optimizer(net->parameters(), torch::optim::SGDOptions(1e-2).momentum(0.9));
    auto data = test::tinyData(40, 8, 32, 8);  // 5 batches of 8
    StepSettings settings;
    settings.syncEvery = syncEvery;
    EpochRun run;
    struct Poisoned : BatchSource {
        BatchSource& inner;
        bool poison;
        Poisoned(BatchSource& i, bool p) : inner(i), poison(p) {}
        void startEpoch(int e) override { inner.startEpoch(e); }
        std::optional<data::Batch> next() override {
            auto b = inner.next();
            if (b && poison)
                b->images = b->images * std::numeric_limits<float>::quiet_NaN();
            return b;
        }
        std::size_t batchesPerEpoch() const override { return inner.batchesPerEpoch(); }
        std::size_t size() const override { return inner.size(); }
    } source(data.train, poison);
    run.stats = trainEpoch(net, optimizer, source, 0, settings,
                           [&](const BatchProgress& p) { run.reports.push_back(p); }, nullptr);
    return run;
}

TEST(EpochLoop, ReadingBackEveryFewBatchesGivesTheSameEpochFigures) {
    const auto every = runOneEpoch(1, false);
    const auto deferred = runOneEpoch(2, false);
    ASSERT_FALSE(every.stats.nonFinite);
    ASSERT_FALSE(deferred.stats.nonFinite);
    EXPECT_EQ(every.stats.samples, 40u);
    EXPECT_EQ(deferred.stats.samples, 40u);
    EXPECT_NEAR(every.stats.loss, deferred.stats.loss, 1e-6);
    EXPECT_DOUBLE_EQ(every.stats.accuracy, deferred.stats.accuracy);
    EXPECT_GT(every.stats.loss, 0.0);

    // Every batch reported at 1; after batches 2, 4 and the last (5) at 2.
    ASSERT_EQ(every.reports.size(), 5u);
    ASSERT_EQ(deferred.reports.size(), 3u);
    EXPECT_EQ(deferred.reports[0].batch, 2u);
    EXPECT_EQ(deferred.reports[1].batch, 4u);
    EXPECT_EQ(deferred.reports[2].batch, 5u);
    EXPECT_EQ(deferred.reports[2].samples, 40u);
    // The running figures at a read-back are those of every batch so far.
    EXPECT_NEAR(deferred.reports[1].runningLoss, every.reports[3].runningLoss, 1e-6);
    EXPECT_NEAR(deferred.reports[1].loss, every.reports[3].loss, 1e-6);
    EXPECT_DOUBLE_EQ(deferred.reports[1].runningAccuracy, every.reports[3].runningAccuracy);
}

TEST(EpochLoop, ANonFiniteLossStopsTheEpochAtTheNextReadBack) {
    const auto every = runOneEpoch(1, true);
    EXPECT_TRUE(every.stats.nonFinite);
    EXPECT_TRUE(every.reports.empty());  // caught before the first step
    EXPECT_EQ(every.stats.message.code(), "training.loss_non_finite_step");
    EXPECT_NE(englishText(every.stats.message).find("NaN at batch 1 of 5"), std::string::npos) << every.stats.message;

    const auto deferred = runOneEpoch(3, true);
    EXPECT_TRUE(deferred.stats.nonFinite);
    EXPECT_TRUE(deferred.reports.empty());
    EXPECT_EQ(deferred.stats.message.code(), "training.loss_non_finite_epoch");
    EXPECT_NE(englishText(deferred.stats.message).find("NaN by batch 3 of 5"), std::string::npos) << deferred.stats.message;
    EXPECT_NE(englishText(deferred.stats.message).find("not saved"), std::string::npos);
}

}  // namespace
}  // namespace cxr::training
