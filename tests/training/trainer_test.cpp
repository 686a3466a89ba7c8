// Trainer behaviour on a tiny in-memory set (32 px, ResNet18, CPU): phase plan and what trains,
// StepLR, early stopping, best checkpoint across phases, NaN handling, cancel and resume.
#include <cmath>
#include <set>

#include <gtest/gtest.h>
#include <torch/types.h>

#include "core/common/error.h"
#include "core/evaluation/predictions.h"
#include "core/evaluation/roc.h"
#include "core/model/resnet18.h"
#include "core/model/state_dict.h"
#include "core/training/metrics_log.h"
#include "core/training/run_state.h"
#include "core/training/step_settings.h"
#include "core/training/trainer.h"
#include "test_dirs.h"
#include "tiny_training.h"

namespace cxr::training {
namespace {

model::ResNet18 freshNet() {
    torch::manual_seed(0);
    return model::ResNet18(2);
}

std::map<std::string, torch::Tensor> paramsCopy(model::ResNet18& net) {
    std::map<std::string, torch::Tensor> out;
    for (const auto& p : net->named_parameters())
        out[p.key()] = p.value().detach().to(torch::kCPU).clone().contiguous();
    return out;
}

TEST(Trainer, PhasesTrainOnlyTheirLayersAndLogTheirLearningRates) {
    const auto dir = test::scratchDir();
    auto data = test::tinyData();
    auto config = test::tinyConfig(2);
    for (auto& p : config.phases) {
        p.stepSize = 1;
        p.gamma = 0.5;
    }
    test::RecordingObserver observer;
    auto net = freshNet();
    Trainer trainer(config, RunDirectory(dir), &observer);
    const auto result = trainer.run(net, data.train, data.val, {{"NORMAL", "PNEUMONIA"}, {}, false});

    ASSERT_EQ(observer.phases.size(), 3u);
    EXPECT_EQ(observer.phases[0].trainableParameters, 512u * 2 + 2);  // fc only
    std::size_t layer4 = 0, all = 0;
    for (const auto& p : net->named_parameters()) {
        all += static_cast<std::size_t>(p.value().numel());
        if (model::nameHasPrefix(p.key(), "layer4"))
            layer4 += static_cast<std::size_t>(p.value().numel());
    }
    EXPECT_EQ(observer.phases[1].trainableParameters, layer4 + 1026);
    EXPECT_EQ(observer.phases[2].trainableParameters, all);

    const auto metrics = MetricsLog::read(dir / "metrics.csv");
    ASSERT_EQ(metrics.size(), 6u);
    const double base[3] = {1e-3, 5e-4, 1e-4};
    for (int i = 0; i < 6; ++i) {
        const auto& row = metrics.rows()[static_cast<std::size_t>(i)];
        EXPECT_EQ(row.phase, i / 2);
        EXPECT_EQ(row.epoch, i % 2);
        EXPECT_EQ(row.phaseName, config.phases[static_cast<std::size_t>(i / 2)].name);
        EXPECT_NEAR(row.learningRate, base[i / 2] * (i % 2 ? 0.5 : 1.0), 1e-12);  // StepLR
        EXPECT_TRUE(std::isfinite(row.trainLoss) && std::isfinite(row.valLoss));
    }
    EXPECT_TRUE(result.completed);
    EXPECT_EQ(result.history.size(), 6u);
    EXPECT_EQ(observer.epochs.size(), 6u);
    EXPECT_TRUE(observer.finished);
    // Every read-back reported (every batch on CPU), with running figures and an ETA.
    const auto interval = static_cast<std::size_t>(trainer.stepSettings().syncEvery);
    EXPECT_EQ(observer.batches.size(), 6u * ((4u + interval - 1) / interval));
    EXPECT_GT(observer.batches.back().runningAccuracy, 0.0);
    EXPECT_GE(observer.batches.front().etaSeconds, 0.0);
    EXPECT_EQ(RunState::read(dir / "state.json").status, "trained");
}

TEST(Trainer, FeatureExtractionChangesOnlyFc) {
    const auto dir = test::scratchDir();
    auto data = test::tinyData();
    auto config = test::tinyConfig(1);
    config.phases.resize(1);
    config.channelsLast = false;
    auto net = freshNet();
    const auto before = paramsCopy(net);
    Trainer(config, RunDirectory(dir)).run(net, data.train, data.val, {{"A", "B"}, {}, false});
    const auto after = paramsCopy(net);
    int changed = 0;
    for (const auto& [name, value] : before) {
        const bool same = torch::equal(value, after.at(name));
        if (model::nameHasPrefix(name, "fc")) {
            EXPECT_FALSE(same) << name;
        } else {
            EXPECT_TRUE(same) << name;
        }
        changed += same ? 0 : 1;
    }
    EXPECT_EQ(changed, 2);
}

TEST(Trainer, EarlyStoppingEndsAPhaseAfterPatienceEpochs) {
    const auto dir = test::scratchDir();
    auto data = test::tinyData();
    auto config = test::tinyConfig(1);
    config.phases.resize(1);
    config.phases[0].epochs = 5;
    config.phases[0].patience = 2;
    config.minDelta = 1e9;  // only the first epoch can count as an improvement
    test::RecordingObserver observer;
    auto net = freshNet();
    Trainer(config, RunDirectory(dir), &observer).run(net, data.train, data.val, {{"A", "B"}, {}, false});
    ASSERT_EQ(observer.epochs.size(), 3u);
    EXPECT_EQ(observer.epochs[0].earlyStopCounter, 0);
    EXPECT_EQ(observer.epochs[1].earlyStopCounter, 1);
    EXPECT_EQ(observer.epochs[2].earlyStopCounter, 2);
    ASSERT_EQ(observer.phaseEnds.size(), 1u);
    EXPECT_TRUE(observer.phaseEnds[0].earlyStopped);
    EXPECT_EQ(observer.bests.size(), 1u);
}

// Flips every label from a given global epoch on: training then unlearns what it learnt, so
// the validation loss worsens after its best.
class FlippedLabelsSource : public BatchSource {
public:
    FlippedLabelsSource(BatchSource& inner, int fromEpoch) : m_inner(inner), m_from(fromEpoch) {}
    void startEpoch(int epoch) override {
        m_epoch = epoch;
        m_inner.startEpoch(epoch);
    }
    std::optional<data::Batch> next() override {
        auto b = m_inner.next();
        if (b && m_epoch >= m_from)
            b->labels = 1 - b->labels;
        return b;
    }
    std::size_t batchesPerEpoch() const override { return m_inner.batchesPerEpoch(); }
    std::size_t size() const override { return m_inner.size(); }

private:
    BatchSource& m_inner;
    int m_from, m_epoch = 0;
};

TEST(Trainer, TheBestCheckpointAcrossPhasesIsTheOneReloaded) {
    const auto dir = test::scratchDir();
    auto data = test::tinyData();
    auto config = test::tinyConfig(2);
    config.restoreBestBetweenPhases = false;  // let later phases drift from the best
    config.phases[1].learningRate = 1e-2;
    config.phases[2].learningRate = 1e-2;
    FlippedLabelsSource train(data.train, 3);  // phase 2's second epoch on: the labels reversed
    test::RecordingObserver observer;
    auto net = freshNet();
    Trainer trainer(config, RunDirectory(dir), &observer);
    const auto result = trainer.run(net, train, data.val, {{"A", "B"}, {}, false});

    const auto& rows = result.history;
    ASSERT_EQ(rows.size(), 6u);
    auto bestRow = std::min_element(rows.begin(), rows.end(),
                                    [](const auto& a, const auto& b) { return a.valLoss < b.valLoss; });
    // The case this test is about: the best epoch is not the last one, so the last weights
    // differ from the best.
    ASSERT_LT(bestRow - rows.begin(), 5) << "validation never worsened after its best";
    EXPECT_GT(rows.back().valLoss, bestRow->valLoss + 0.01);
    EXPECT_EQ(result.best.phase, bestRow->phase);
    EXPECT_EQ(result.best.epoch, bestRow->epoch);
    EXPECT_DOUBLE_EQ(result.best.valLoss, bestRow->valLoss);
    // The net now holds exactly those weights: its validation loss is the best row's.
    // Validation is scored in fp32 whatever the training precision, so the figure repeats.
    const auto output = runInference(net, data.val, inferenceSettings(trainer.stepSettings()), {}, nullptr);
    EXPECT_NEAR(lossAndAccuracy(output, {}).loss, bestRow->valLoss, 1e-5);
    // They are the best checkpoint state.json names, and not the last epoch's weights.
    const RunDirectory runDir(dir);
    const auto state = RunState::read(runDir.stateFile());
    EXPECT_EQ(result.best.path, runDir.bestCheckpoint(state).string());
    auto reloaded = freshNet();
    model::loadStateDict(*reloaded, model::readStateDict(runDir.bestCheckpoint(state)));
    auto last = freshNet();
    model::loadStateDict(*last, model::readStateDict(dir / state.lastCheckpoint));
    bool differsFromLast = false;
    for (const auto& p : reloaded->named_parameters()) {
        const auto mine = net->named_parameters()[p.key()].to(torch::kCPU).contiguous();
        EXPECT_TRUE(torch::equal(p.value(), mine)) << p.key();
        differsFromLast = differsFromLast || !torch::equal(last->named_parameters()[p.key()], mine);
    }
    EXPECT_TRUE(differsFromLast) << "the net holds the last epoch's weights";
}

// Reaching patience on a phase's last epoch completes the phase: the live loop and the phases
// rebuilt from metrics.csv on resume label it alike.
TEST(Trainer, ReplayedPhasesGetTheLiveEarlyStopLabel) {
    const auto dir = test::scratchDir();
    auto data = test::tinyData();
    auto config = test::tinyConfig(1);
    config.phases.resize(2);
    config.phases[0].epochs = 3;
    config.phases[0].patience = 2;  // epochs 2 and 3 without improvement: patience on the last epoch
    config.phases[1].epochs = 4;
    config.phases[1].patience = 2;  // ... and here with an epoch left: an early stop
    config.minDelta = 1e9;          // only a phase's first epoch counts as an improvement
    test::RecordingObserver observer;
    auto net = freshNet();
    Trainer(config, RunDirectory(dir), &observer).run(net, data.train, data.val, {{"A", "B"}, {}, false});
    ASSERT_EQ(observer.phaseEnds.size(), 2u);
    EXPECT_FALSE(observer.phaseEnds[0].earlyStopped);
    EXPECT_TRUE(observer.phaseEnds[1].earlyStopped);

    auto again = freshNet();
    const auto replayed = Trainer(config, RunDirectory(dir)).run(again, data.train, data.val, {{"A", "B"}, {}, true});
    ASSERT_EQ(replayed.phases.size(), 2u);
    for (std::size_t p = 0; p < 2; ++p) {
        EXPECT_EQ(replayed.phases[p].earlyStopped, observer.phaseEnds[p].earlyStopped) << "phase " << p + 1;
        EXPECT_EQ(replayed.phases[p].epochsRun, observer.phaseEnds[p].epochsRun) << "phase " << p + 1;
    }
    EXPECT_EQ(replayed.phases[1].stopReason, observer.phaseEnds[1].stopReason);
}

// Phase 2 starts from the best weights and barely moves (a tiny rate, no BatchNorm updates): its
// losses sit at the run's best. Against the phase's own best its first epoch is an improvement;
// against the run's best it is not, and the phase stops one epoch earlier.
TEST(Trainer, EarlyStoppingComparesWithThePhaseOrTheRunBestAsConfigured) {
    auto counters = [](const std::string& on) {
        const auto dir = test::scratchDir() / on;
        auto data = test::tinyData();
        auto config = test::tinyConfig(1);
        config.phases.resize(2);
        config.phases[0].epochs = 2;
        config.phases[1].epochs = 4;
        config.phases[1].patience = 1;
        config.phases[1].learningRate = 1e-9;
        config.phases[1].trainable = {"fc"};
        config.freezeBatchNorm = true;
        config.minDelta = 1e-4;
        config.earlyStopOn = on;
        test::RecordingObserver observer;
        auto net = freshNet();
        Trainer(config, RunDirectory(dir), &observer).run(net, data.train, data.val, {{"A", "B"}, {}, false});
        std::vector<int> phase2;
        for (const auto& e : observer.epochs)
            if (e.phase == 1) {
                phase2.push_back(e.earlyStopCounter);
                EXPECT_FALSE(e.best) << on;  // the checkpoint follows the run's best either way
            }
        return phase2;
    };
    EXPECT_EQ(counters("phase"), (std::vector<int>{0, 1}));
    EXPECT_EQ(counters("run"), (std::vector<int>{1}));
    EXPECT_EQ(TrainingConfig{}.earlyStopOn, "phase");
}

std::map<std::string, torch::Tensor> batchNormStats(model::ResNet18& net) {
    std::map<std::string, torch::Tensor> out;
    for (const auto& b : net->named_buffers())
        if (b.key().find("running_") != std::string::npos)
            out[b.key()] = b.value().detach().to(torch::kCPU).clone();
    return out;
}

// The seed plan's phase 1 trains only fc; its frozen backbone's BatchNorm statistics stay as
// they were with freezeBatchNorm, and follow the data without it (the seed's behaviour).
TEST(Trainer, FreezeBatchNormKeepsTheFrozenLayersStatistics) {
    for (const bool freeze : {true, false}) {
        const auto dir = test::scratchDir() / (freeze ? "frozen" : "free");
        auto data = test::tinyData();
        auto config = test::tinyConfig(1);
        config.phases.resize(1);  // phase 1 of the seed plan: fc only
        config.plan = "seed";
        config.freezeBatchNorm = freeze;
        auto net = freshNet();
        const auto before = batchNormStats(net);
        ASSERT_FALSE(before.empty());
        Trainer(config, RunDirectory(dir)).run(net, data.train, data.val, {{"A", "B"}, {}, false});
        const auto after = batchNormStats(net);
        int changed = 0;
        for (const auto& [name, value] : before)
            changed += torch::equal(value, after.at(name)) ? 0 : 1;
        if (freeze)
            EXPECT_EQ(changed, 0) << "frozen BatchNorm statistics moved";
        else
            EXPECT_EQ(changed, static_cast<int>(before.size())) << "BatchNorm statistics should follow the data";
    }
}

// Training learns: a small two-class set at 64 px, a few epochs, and a test set it never saw
// is ranked almost perfectly. The untrained net ranks it no better than chance allows here.
TEST(Trainer, TrainingLearnsASmallSyntheticSet) {
    const auto dir = test::scratchDir();
    torch::Tensor yTrain, yVal, yTest;
    // A faint blob (0.4 over noise 0.3 a pixel): visible to a trained net, not to a random one.
    const auto faint = [](int count, std::uint64_t seed, torch::Tensor* labels) {
        return test::tinyImages(count, 64, seed, labels, 0.4);
    };
    const auto xTrain = faint(96, 1, &yTrain);
    const auto xVal = faint(32, 2, &yVal);
    const auto xTest = faint(64, 5, &yTest);
    TensorBatchSource train(xTrain, yTrain, 16, true, 3);
    TensorBatchSource val(xVal, yVal, 16, false);
    TensorBatchSource testSet(xTest, yTest, 16, false);
    auto config = test::tinyConfig(2);
    config.imageSize = 64;
    config.workingSize = 64;
    config.batchSize = 16;
    config.threads = 2;
    auto aucOf = [&](model::ResNet18& net, const StepSettings& settings) {
        const auto predictions = toPredictions(runInference(net, testSet, settings, {}, nullptr));
        return evaluation::rocAuc(predictions.labels, evaluation::positiveProbabilities(predictions));
    };
    auto net = freshNet();
    const double before = aucOf(net, StepSettings{});
    Trainer trainer(config, RunDirectory(dir));
    trainer.run(net, train, val, {{"A", "B"}, {}, false});
    const double after = aucOf(net, trainer.stepSettings());
    EXPECT_GE(after, 0.9) << "test AUC before training " << before;
    EXPECT_LT(before, 0.8) << "the untrained net already separates the classes: the test shows nothing";
}

// Poisons every batch from a given global epoch on with NaN pixels.
class PoisonedSource : public BatchSource {
public:
    PoisonedSource(BatchSource& inner, int fromEpoch) : m_inner(inner), m_from(fromEpoch) {}
    void startEpoch(int epoch) override {
        m_epoch = epoch;
        m_inner.startEpoch(epoch);
    }
    std::optional<data::Batch> next() override {
        auto b = m_inner.next();
        if (b && m_epoch >= m_from)
            b->images = b->images * std::numeric_limits<float>::quiet_NaN();
        return b;
    }
    std::size_t batchesPerEpoch() const override { return m_inner.batchesPerEpoch(); }
    std::size_t size() const override { return m_inner.size(); }

private:
    BatchSource& m_inner;
    int m_from, m_epoch = 0;
};

TEST(Trainer, NanLossStopsThePhaseWithAMessageAndKeepsTheBest) {
    const auto dir = test::scratchDir();
    auto data = test::tinyData();
    PoisonedSource poisoned(data.train, 1);
    auto config = test::tinyConfig(2);
    test::RecordingObserver observer;
    auto net = freshNet();
    const auto result = Trainer(config, RunDirectory(dir), &observer)
                            .run(net, poisoned, data.val, {{"A", "B"}, {}, false});
    ASSERT_EQ(result.history.size(), 1u);  // only phase 1 epoch 0 finished
    ASSERT_EQ(observer.warnings.size(), 3u);  // each phase stopped at its first poisoned epoch
    EXPECT_NE(observer.warnings[0].find("NaN"), std::string::npos) << observer.warnings[0];
    EXPECT_NE(observer.warnings[0].find("feature extraction"), std::string::npos);
    EXPECT_EQ(result.best.phase, 0);
    for (const auto& p : net->parameters())
        EXPECT_TRUE(torch::isfinite(p).all().item<bool>());
    EXPECT_EQ(MetricsLog::read(dir / "metrics.csv").size(), 1u);
}

TEST(Trainer, NanLossBeforeAnyCheckpointFailsClearly) {
    const auto dir = test::scratchDir();
    auto data = test::tinyData();
    PoisonedSource poisoned(data.train, 0);
    test::RecordingObserver observer;
    auto net = freshNet();
    try {
        Trainer(test::tinyConfig(1), RunDirectory(dir), &observer).run(net, poisoned, data.val, {{"A", "B"}, {}, false});
        FAIL() << "expected a training error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Training);
        EXPECT_NE(std::string(e.what()).find("NaN"), std::string::npos) << e.what();
    }
    ASSERT_EQ(observer.failures.size(), 1u);
    EXPECT_FALSE(observer.failedCancelled);
    for (const auto& entry : std::filesystem::directory_iterator(dir / "checkpoints"))
        EXPECT_NE(entry.path().filename().string().rfind("best", 0), 0u) << entry.path();
    EXPECT_EQ(RunState::read(dir / "state.json").status, "failed");
}

// Cancels a token once the wrapped source has handed out a number of batches, whatever the
// observer sees (on CUDA it hears of batches only at read-backs).
class CancellingSource : public BatchSource {
public:
    CancellingSource(BatchSource& inner, CancelToken& token, std::size_t after)
        : m_inner(inner), m_token(token), m_after(after) {}
    void startEpoch(int epoch) override { m_inner.startEpoch(epoch); }
    std::optional<data::Batch> next() override {
        auto b = m_inner.next();
        if (b && ++m_given == m_after)
            m_token.cancel();
        return b;
    }
    std::size_t batchesPerEpoch() const override { return m_inner.batchesPerEpoch(); }
    std::size_t size() const override { return m_inner.size(); }

private:
    BatchSource& m_inner;
    CancelToken& m_token;
    std::size_t m_after, m_given = 0;
};

TEST(Trainer, CancelLeavesALoadableBestAndResumeContinuesWithoutDuplicates) {
    const auto dir = test::scratchDir();
    auto config = test::tinyConfig(2);
    CancelToken cancel;
    {
        auto data = test::tinyData();
        test::RecordingObserver observer;
        CancellingSource train(data.train, cancel, 4 + 2);  // inside phase 1, epoch 1 (4 batches an epoch)
        auto net = freshNet();
        Trainer trainer(config, RunDirectory(dir), &observer, &cancel);
        try {
            trainer.run(net, train, data.val, {{"A", "B"}, {}, false});
            FAIL() << "expected a cancel";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::Cancelled);
        }
        EXPECT_TRUE(observer.failedCancelled);
        // Stopped within one batch: the 6th batch trained, the 7th never started. Reports come
        // at read-backs: after every batch on CPU, after each epoch's last batch on CUDA.
        const auto interval = static_cast<std::size_t>(trainer.stepSettings().syncEvery);
        EXPECT_EQ(observer.batches.size(), (4u + interval - 1) / interval + 2u / interval);
        ASSERT_FALSE(observer.batches.empty());
        if (interval == 1) {
            EXPECT_EQ(observer.batches.back().epoch, 1);
            EXPECT_EQ(observer.batches.back().batch, 2u);
        }
    }
    const auto state = RunState::read(dir / "state.json");
    EXPECT_EQ(state.epochsDone, 1);
    EXPECT_EQ(state.phase, 0);
    EXPECT_EQ(state.nextEpoch, 1);
    auto check = freshNet();
    EXPECT_NO_THROW(model::loadStateDict(*check, model::readStateDict(RunDirectory(dir).bestCheckpoint(state))));
    EXPECT_TRUE(std::filesystem::exists(dir / state.lastCheckpoint));
    EXPECT_TRUE(std::filesystem::exists(dir / state.lastOptimizer));

    // A kill between writing metrics.csv and state.json leaves a row ahead of the state.
    auto metrics = MetricsLog::read(dir / "metrics.csv");
    metrics.append(metrics.rows().back());
    metrics.write(dir / "metrics.csv");

    cancel.reset();
    auto data = test::tinyData();
    auto net = freshNet();
    // Without resume the folder is refused: it holds a run.
    EXPECT_THROW(Trainer(config, RunDirectory(dir)).run(net, data.train, data.val, {{"A", "B"}, {}, false}), Error);
    test::RecordingObserver observer;
    const auto result =
        Trainer(config, RunDirectory(dir), &observer, &cancel).run(net, data.train, data.val, {{"A", "B"}, {}, true});
    ASSERT_FALSE(observer.epochStarts.empty());
    EXPECT_EQ(observer.epochStarts.front().phase, 0);  // continues at phase 1, epoch 1
    EXPECT_EQ(observer.epochStarts.front().epoch, 1);
    EXPECT_EQ(observer.epochStarts.size(), 5u);
    const auto rows = MetricsLog::read(dir / "metrics.csv").rows();
    ASSERT_EQ(rows.size(), 6u);
    std::set<std::pair<int, int>> seen;
    for (const auto& r : rows)
        seen.insert({r.phase, r.epoch});
    EXPECT_EQ(seen.size(), 6u);
    EXPECT_EQ(result.history.size(), 6u);
    int lastFiles = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "checkpoints"))
        lastFiles += entry.path().filename().string().rfind("last-", 0) == 0 ? 1 : 0;
    EXPECT_EQ(lastFiles, 2);  // only the newest epoch's weights and optimizer state
}

}  // namespace
}  // namespace cxr::training
