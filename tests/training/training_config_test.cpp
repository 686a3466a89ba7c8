#include <chrono>
#include <cmath>
#include <thread>

#include <gtest/gtest.h>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/training/metrics_log.h"
#include "core/training/run_eta.h"
#include "core/training/run_state.h"
#include "core/training/step_lr.h"
#include "core/training/training_config.h"
#include "test_dirs.h"

namespace cxr::training {
namespace {

TEST(TrainingConfig, DefaultsAreTheSeedsThreePhases) {
    const TrainingConfig c;
    ASSERT_EQ(c.phases.size(), 3u);
    EXPECT_EQ(c.phases[0].name, "feature extraction");
    EXPECT_EQ(c.phases[0].trainable, (std::vector<std::string>{"fc"}));
    EXPECT_DOUBLE_EQ(c.phases[0].learningRate, 1e-3);
    EXPECT_EQ(c.phases[1].name, "shallow fine-tuning");
    EXPECT_EQ(c.phases[1].trainable, (std::vector<std::string>{"layer4", "fc"}));
    EXPECT_DOUBLE_EQ(c.phases[1].learningRate, 5e-4);
    EXPECT_EQ(c.phases[2].name, "deep fine-tuning");
    EXPECT_TRUE(c.phases[2].trainable.empty());
    EXPECT_DOUBLE_EQ(c.phases[2].learningRate, 1e-4);
    EXPECT_EQ(c.imageSize, 224);
    // The recipe the real-film cross-validation chose: the seed's augmentation and optimizer
    // (Adam without weight decay) and BatchNorm running statistics; bf16 where the CPU has it.
    EXPECT_EQ(c.optimizer, "adam");
    EXPECT_EQ(c.augmentation, "seed");
    EXPECT_EQ(c.weightDecay, 0.0);
    EXPECT_EQ(c.batchNormStats, "running");
    EXPECT_EQ(c.precision, "auto");
    EXPECT_NO_THROW(c.validate());
}

TEST(TrainingConfig, JsonRoundTripKeepsEveryField) {
    TrainingConfig c;
    c.phases[1].epochs = 7;
    c.phases[2].gamma = 0.5;
    c.phases.push_back(PhaseConfig{"extra", {"layer3", "layer4"}, 2, 3e-5, 1, 0.9, 4});
    c.optimizer = "sgd";
    c.momentum = 0.8;
    c.weightDecay = 3e-4;
    c.batchSize = 16;
    c.imageSize = 128;
    c.workingSize = 160;
    c.augment = false;
    c.device = "cpu";
    c.precision = "fp32";
    c.channelsLast = false;
    c.seed = 7;
    c.valPolicy = "folder";
    c.valFraction = 0.2;
    c.classWeighting = "loss";
    c.minDelta = 0.01;
    c.restoreBestBetweenPhases = false;
    c.freezeBatchNorm = true;
    c.thresholdRule = "youden";
    c.workers = 1;
    c.threads = 3;
    c.plan = "scratch";
    c.deterministic = true;
    c.augmentation = "chest";
    c.batchNormStats = "precise";
    const Json j = c.toJson();
    const TrainingConfig back = TrainingConfig::fromJson(Json::parse(j.dump()));
    EXPECT_EQ(back.toJson(), j);
    EXPECT_TRUE(back.deterministic);
    EXPECT_EQ(back.augmentation, "chest");
    EXPECT_EQ(back.batchNormStats, "precise");
    EXPECT_EQ(back.phases.size(), 4u);
    EXPECT_EQ(back.phases[3].trainable, (std::vector<std::string>{"layer3", "layer4"}));
}

// Run folders written before "precision" keep their meaning: amp "auto" trained CPU runs in fp32.
TEST(TrainingConfig, AnOlderConfigsAmpBecomesItsPrecision) {
    EXPECT_EQ(TrainingConfig::fromJson(Json{{"amp", "auto"}}).precision, "auto-cuda");
    EXPECT_EQ(TrainingConfig::fromJson(Json{{"amp", "off"}}).precision, "fp32");
    EXPECT_EQ(TrainingConfig::fromJson(Json{{"amp", "bf16"}}).precision, "bf16");
    EXPECT_EQ(TrainingConfig::fromJson(Json{{"amp", "bf16"}, {"precision", "fp32"}}).precision, "fp32");
    EXPECT_THROW(TrainingConfig::fromJson(Json{{"amp", "fp8"}}), Error);
    EXPECT_EQ(TrainingConfig{}.precision, "auto");
    EXPECT_FALSE(TrainingConfig{}.toJson().contains("amp"));
}

TEST(TrainingConfig, MissingKeysKeepDefaultsAndWrongTypesAreNamed) {
    const auto c = TrainingConfig::fromJson(Json{{"batchSize", 8}});
    EXPECT_EQ(c.batchSize, 8);
    EXPECT_EQ(c.phases.size(), 3u);
    try {
        TrainingConfig::fromJson(Json{{"batchSize", "big"}});
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
        EXPECT_NE(std::string(e.what()).find("batchSize"), std::string::npos);
    }
}

TEST(TrainingConfig, ValidateNamesTheBadField) {
    TrainingConfig c;
    c.phases[1].learningRate = -1;
    try {
        c.validate();
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("shallow fine-tuning"), std::string::npos) << e.what();
    }
    TrainingConfig d;
    d.optimizer = "rmsprop";
    EXPECT_THROW(d.validate(), Error);
    TrainingConfig w;
    w.workingSize = 100;
    EXPECT_THROW(w.validate(), Error);
    TrainingConfig a;
    a.augmentation = "heavy";
    EXPECT_THROW(a.validate(), Error);
    TrainingConfig b;
    b.batchNormStats = "frozen";
    EXPECT_THROW(b.validate(), Error);
    TrainingConfig z;
    for (auto& p : z.phases)
        p.epochs = 0;
    EXPECT_THROW(z.validate(), Error);
}

TEST(TrainingConfig, PlanAutoIsTheSeedsWithWeightsAndAllLayersWithout) {
    TrainingConfig pretrained;
    pretrained.resolvePlan(true);
    EXPECT_EQ(pretrained.plan, "seed");
    EXPECT_EQ(pretrained.phases[0].trainable, (std::vector<std::string>{"fc"}));
    EXPECT_EQ(pretrained.phases[1].trainable, (std::vector<std::string>{"layer4", "fc"}));

    TrainingConfig scratch;
    scratch.resolvePlan(false);
    EXPECT_EQ(scratch.plan, "scratch");
    for (const auto& p : scratch.phases)
        EXPECT_TRUE(p.trainable.empty()) << p.name;
    // Learning rates and epochs stay the phases' own.
    EXPECT_DOUBLE_EQ(scratch.phases[0].learningRate, 1e-3);
    EXPECT_DOUBLE_EQ(scratch.phases[1].learningRate, 5e-4);
    EXPECT_DOUBLE_EQ(scratch.phases[2].learningRate, 1e-4);

    TrainingConfig forcedSeed;
    forcedSeed.plan = "seed";
    forcedSeed.resolvePlan(false);  // the user asked for the seed's plan without weights
    EXPECT_EQ(forcedSeed.phases[0].trainable, (std::vector<std::string>{"fc"}));

    TrainingConfig forcedScratch;
    forcedScratch.plan = "scratch";
    forcedScratch.resolvePlan(true);
    EXPECT_TRUE(forcedScratch.phases[0].trainable.empty());

    TrainingConfig bad;
    bad.plan = "fast";
    try {
        bad.validate();
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("plan"), std::string::npos) << e.what();
    }
}

TEST(StepLr, DecaysByGammaEveryStepSizeEpochs) {
    EXPECT_DOUBLE_EQ(stepLr(1e-3, 2, 0.1, 0), 1e-3);
    EXPECT_DOUBLE_EQ(stepLr(1e-3, 2, 0.1, 1), 1e-3);
    EXPECT_NEAR(stepLr(1e-3, 2, 0.1, 2), 1e-4, 1e-15);
    EXPECT_NEAR(stepLr(1e-3, 2, 0.1, 5), 1e-5, 1e-16);
    EXPECT_NEAR(stepLr(0.5, 1, 0.5, 3), 0.0625, 1e-15);
    PhaseConfig p{"p", {}, 10, 2e-4, 7, 0.1, 3};
    EXPECT_DOUBLE_EQ(phaseLr(p, 6), 2e-4);
    EXPECT_NEAR(phaseLr(p, 7), 2e-5, 1e-16);
}

TEST(MetricsLog, CsvRoundTripAndTruncate) {
    const auto dir = test::scratchDir();
    MetricsLog log;
    for (int i = 0; i < 3; ++i) {
        EpochResult r;
        r.phase = i;
        r.phaseName = i == 1 ? "odd, \"quoted\" name" : "deep fine-tuning";
        r.epoch = i + 1;
        r.learningRate = 1e-3 / (i + 1);
        r.trainLoss = 0.5 + i;
        r.trainAccuracy = 0.25 * i;
        r.valLoss = 0.125;
        r.valAccuracy = 0.75;
        r.best = i == 2;
        r.earlyStopCounter = i;
        r.patience = 3;
        r.seconds = 1.5;
        log.append(r);
    }
    log.write(dir / "metrics.csv");
    auto back = MetricsLog::read(dir / "metrics.csv");
    ASSERT_EQ(back.size(), 3u);
    EXPECT_EQ(back.rows()[1].phaseName, "odd, \"quoted\" name");
    EXPECT_DOUBLE_EQ(back.rows()[2].learningRate, 1e-3 / 3);
    EXPECT_TRUE(back.rows()[2].best);
    EXPECT_FALSE(back.rows()[0].best);
    EXPECT_EQ(back.toCsv(), log.toCsv());
    back.truncate(1);
    EXPECT_EQ(back.size(), 1u);
    EXPECT_EQ(MetricsLog::read(dir / "missing.csv").size(), 0u);
}

TEST(MetricsLog, MalformedRowIsReportedWithItsLine) {
    const auto dir = test::scratchDir();
    writeFileAtomically(dir / "m.csv", std::string(MetricsLog::header()) + "\n0,a,0,x,1,1,1,1,0,0,3,1\n");
    try {
        MetricsLog::read(dir / "m.csv");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Corrupt);
        EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
    }
}

TEST(RunState, JsonRoundTripWithNoBestYet) {
    const auto dir = test::scratchDir();
    RunState s;
    EXPECT_FALSE(s.hasBest());
    s.write(dir / "state.json");
    const auto back = RunState::read(dir / "state.json");
    EXPECT_TRUE(std::isinf(back.bestValLoss));
    s.phase = 2;
    s.nextEpoch = 1;
    s.epochsDone = 9;
    s.bestValLoss = 0.25;
    s.bestPhase = 1;
    s.bestEpoch = 3;
    s.lastCheckpoint = "checkpoints/last-0009.pth";
    s.write(dir / "state.json");
    const auto again = RunState::read(dir / "state.json");
    EXPECT_EQ(again.toJson(), s.toJson());
    EXPECT_THROW(RunState::fromJson(Json{{"version", 1}}), Error);
}

TEST(RunEta, LaterPhasesCostMoreAndTheEstimateShrinks) {
    const TrainingConfig c;
    const double p1 = phaseCostPrior(c.phases[0]);
    const double p2 = phaseCostPrior(c.phases[1]);
    const double p3 = phaseCostPrior(c.phases[2]);
    EXPECT_LT(p1, p2);
    EXPECT_LT(p2, p3);
    EXPECT_DOUBLE_EQ(p3, 3.0);
    RunEta eta(c, 100, 10);
    eta.startEpoch(0, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const double before = eta.update(50, 0);
    ASSERT_GE(before, 0);
    eta.startEpoch(2, 9);  // the last epoch: far less left
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const double after = eta.update(50, 0);
    EXPECT_LT(after, before);
}

}  // namespace
}  // namespace cxr::training
