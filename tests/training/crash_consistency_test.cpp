// Crash consistency of the trainer's files: the process is ended (std::_Exit through the
// CXR_FAULT_KILL_AT fault points) right after each write step of an epoch in turn, then the run
// is resumed. Whatever the step, the best checkpoint state.json names holds the weights of the
// epoch it records (their validation loss is the recorded best loss), and the resumed run ends
// holding exactly the weights its final state names. Old runs whose state names no checkpoint
// still resume from checkpoints/best.pth.
#include <algorithm>
#include <cstdlib>

#include <gtest/gtest.h>
#include <torch/types.h>

#include "core/common/fault_point.h"
#include "core/common/json_io.h"
#include "core/model/resnet18.h"
#include "core/model/state_dict.h"
#include "core/training/metrics_log.h"
#include "core/training/run_state.h"
#include "core/training/trainer.h"
#include "test_dirs.h"
#include "tiny_training.h"

namespace cxr::training {
namespace {

namespace fs = std::filesystem;

model::ResNet18 freshNet() {
    torch::manual_seed(0);
    return model::ResNet18(2);
}

TrainingConfig crashConfig() {
    auto config = test::tinyConfig(2);
    config.channelsLast = false;
    // Successive best losses differ by more than the tolerance the checks below compare with.
    config.minDelta = 1e-3;
    return config;
}

const TrainerSetup kStart{{"A", "B"}, {}, false};
const TrainerSetup kResume{{"A", "B"}, {}, true};

double valLossOf(model::ResNet18& net, BatchSource& val) {
    StepSettings settings;
    return lossAndAccuracy(runInference(net, val, settings, {}, nullptr), {}).loss;
}

// Every parameter and buffer of `net` equals the file's.
void expectHoldsFile(model::ResNet18& net, const fs::path& file) {
    const auto dict = model::readStateDict(file);
    const auto mine = model::stateDictOf(*net);
    ASSERT_EQ(dict.size(), mine.size());
    for (std::size_t i = 0; i < dict.size(); ++i) {
        ASSERT_EQ(dict[i].first, mine[i].first);
        EXPECT_TRUE(torch::equal(dict[i].second, mine[i].second.to(torch::kCPU).contiguous())) << dict[i].first;
    }
}

std::vector<std::string> bestFilesIn(const fs::path& run) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(run / "checkpoints"))
        if (e.path().filename().string().rfind("best", 0) == 0)
            out.push_back(e.path().filename().string());
    return out;
}

class KillAfterStep : public ::testing::TestWithParam<const char*> {};

TEST_P(KillAfterStep, TheStateAlwaysNamesTheBestEpochsWeights) {
    // The child re-runs this test from its start in a fresh process (no forked LibTorch threads).
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    const auto dir = test::scratchDir();
    const std::string spec = std::string(GetParam()) + ":2";
    EXPECT_EXIT(
        {
            ::setenv("CXR_FAULT_KILL_AT", spec.c_str(), 1);
            auto data = test::tinyData();
            auto net = freshNet();
            Trainer(crashConfig(), RunDirectory(dir)).run(net, data.train, data.val, kStart);
            std::_Exit(0);  // the fault point was never reached
        },
        ::testing::ExitedWithCode(kFaultExitCode), "")
        << "the run was not ended at " << spec;

    auto data = test::tinyData();
    const RunDirectory runDir(dir);
    const auto killed = RunState::read(runDir.stateFile());
    ASSERT_TRUE(killed.hasBest());
    ASSERT_TRUE(fs::exists(runDir.bestCheckpoint(killed))) << runDir.bestCheckpoint(killed);
    {
        auto named = freshNet();
        model::loadStateDict(*named, model::readStateDict(runDir.bestCheckpoint(killed)));
        EXPECT_NEAR(valLossOf(named, data.val), killed.bestValLoss, 1e-4)
            << "after a kill at " << spec << ", " << runDir.bestCheckpoint(killed)
            << " does not hold the weights of the epoch state.json records as best";
    }

    auto net = freshNet();
    const auto result = Trainer(crashConfig(), RunDirectory(dir)).run(net, data.train, data.val, kResume);
    const auto final = RunState::read(runDir.stateFile());
    EXPECT_EQ(final.status, "trained");
    EXPECT_EQ(final.epochsDone, 6);
    EXPECT_EQ(MetricsLog::read(runDir.metricsFile()).size(), 6u);
    expectHoldsFile(net, runDir.bestCheckpoint(final));
    EXPECT_NEAR(valLossOf(net, data.val), final.bestValLoss, 1e-4);
    EXPECT_EQ(result.best.path, runDir.bestCheckpoint(final).string());
    // Older best checkpoints were pruned; the named one stays.
    EXPECT_EQ(bestFilesIn(dir), std::vector<std::string>{runDir.bestCheckpoint(final).filename().string()});
}

INSTANTIATE_TEST_SUITE_P(Trainer, KillAfterStep,
                         ::testing::Values("best-checkpoint", "last-checkpoint", "optimizer", "metrics", "state",
                                           "prune"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                             std::string name = info.param;
                             name.erase(std::remove(name.begin(), name.end(), '-'), name.end());
                             return name;
                         });

// A run made before numbered best checkpoints: its state names none and its best weights are
// checkpoints/best.pth. It resumes, reloads them and hands over to a numbered checkpoint.
TEST(Trainer, ARunWithoutANamedBestCheckpointResumesFromBestPth) {
    const auto dir = test::scratchDir();
    auto config = crashConfig();
    config.phases.resize(2);
    auto data = test::tinyData();
    {
        auto net = freshNet();
        auto oneRun = config;
        oneRun.phases.resize(1);
        Trainer(oneRun, RunDirectory(dir)).run(net, data.train, data.val, kStart);
    }
    const RunDirectory runDir(dir);
    auto state = RunState::read(runDir.stateFile());
    fs::rename(runDir.bestCheckpoint(state), dir / "checkpoints" / "best.pth");
    Json legacy = readJsonFile(runDir.stateFile());
    legacy.erase("bestCheckpoint");
    legacy["status"] = "running";
    writeJsonFile(runDir.stateFile(), legacy);
    // The legacy run resumes with the config it has; a longer plan gives it a phase to run.
    state = RunState::read(runDir.stateFile());
    ASSERT_TRUE(state.bestCheckpoint.empty());
    EXPECT_EQ(runDir.bestCheckpoint(state), dir / "checkpoints" / "best.pth");

    auto net = freshNet();
    // Phase 2 starts from the best weights: a fresh net that loaded best.pth.
    const auto result = Trainer(config, RunDirectory(dir)).run(net, data.train, data.val, kResume);
    const auto final = RunState::read(runDir.stateFile());
    expectHoldsFile(net, runDir.bestCheckpoint(final));
    EXPECT_NEAR(valLossOf(net, data.val), final.bestValLoss, 1e-4);
    if (final.bestPhase == 1) {
        // A new best took over: numbered, and the legacy file pruned.
        EXPECT_FALSE(final.bestCheckpoint.empty());
        EXPECT_FALSE(fs::exists(dir / "checkpoints" / "best.pth"));
    } else {
        EXPECT_EQ(runDir.bestCheckpoint(final), dir / "checkpoints" / "best.pth");
    }
    EXPECT_EQ(result.history.size(), 4u);
}

}  // namespace
}  // namespace cxr::training
