// `cxr synth` -> `cxr train` -> `cxr evaluate` through the binary, exit codes, and resume after
// the training process is killed outright (SIGKILL: no handler runs, nothing is flushed).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "core/common/atomic_file.h"
#include "core/common/json_io.h"
#include "core/training/metrics_log.h"
#include "core/training/run_state.h"
#include "test_dirs.h"

namespace cxr {
namespace {

struct Run {
    int status = -1;
    std::string output;
};

Run cxr(const std::string& args, const std::filesystem::path& dir) {
    const auto log = dir / "cxr-output.txt";
    const std::string cmd = std::string(CXR_CLI_BINARY) + " " + args + " > '" + log.string() + "' 2>&1";
    const int raw = std::system(cmd.c_str());
    Run r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.output = readFileText(log);
    return r;
}

const char* kTrainOptions =
    " --device cpu --epochs 1 --batch 8 --image-size 32 --workers 1 --threads 1";

void makeTinySet(const std::filesystem::path& dir) {
    const auto r = cxr("synth '" + (dir / "data").string() + "' --train 24 --val 4 --test 12 --size 64 --seed 5", dir);
    ASSERT_EQ(r.status, 0) << r.output;
}

TEST(TrainCli, SynthTrainEvaluateEndToEnd) {
    const auto dir = test::scratchDir();
    makeTinySet(dir);
    const std::string data = "'" + (dir / "data").string() + "'";
    const std::string run = "'" + (dir / "run").string() + "'";
    const auto train = cxr("train " + data + " --out " + run + kTrainOptions, dir);
    ASSERT_EQ(train.status, 0) << train.output;
    EXPECT_NE(train.output.find("FROM SCRATCH"), std::string::npos) << train.output;
    EXPECT_NE(train.output.find("Phase 3/3: deep fine-tuning"), std::string::npos) << train.output;
    EXPECT_NE(train.output.find("ETA"), std::string::npos) << train.output;
    EXPECT_NE(train.output.find("PNEUMONIA"), std::string::npos) << train.output;  // the test report
    EXPECT_TRUE(std::filesystem::exists(dir / "run" / "X_ray_classifier.pth"));

    const auto eval = cxr("evaluate " + run + " " + data + " --device cpu --json", dir);
    ASSERT_EQ(eval.status, 0) << eval.output;
    const auto json = Json::parse(eval.output.substr(eval.output.find('{')));
    EXPECT_EQ(json.at("films"), 12);
    const auto stored = readJsonFile(dir / "run" / "evaluation.json");
    EXPECT_EQ(json.at("test").at("confusionMatrix"), stored.at("test").at("confusionMatrix"));
    EXPECT_EQ(json.at("test").at("accuracy"), stored.at("test").at("accuracy"));

    // Usage errors exit 2; bad input exits 1 with a message naming the problem.
    EXPECT_EQ(cxr("train " + data, dir).status, 2);
    EXPECT_EQ(cxr("train " + data + " --out " + run + " --optimizer rmsprop", dir).status, 2);
    const auto again = cxr("train " + data + " --out " + run + kTrainOptions, dir);
    EXPECT_EQ(again.status, 1);
    EXPECT_NE(again.output.find("--resume"), std::string::npos) << again.output;
    const auto missing = cxr("evaluate '" + (dir / "nothing").string() + "' " + data, dir);
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.output.find("nothing"), std::string::npos) << missing.output;
}

// A bad --population-age is a usage error naming the flag and the text; nothing is created.
TEST(TrainCli, PopulationAgeIsValidated) {
    const auto dir = test::scratchDir();
    const std::string run = "'" + (dir / "run").string() + "'";
    for (const char* bad : {"5-1", "adult", "1-5y", "3-", "1-500"}) {
        const auto r = cxr("train '" + dir.string() + "' --out " + run + " --population-age '" + bad + "'", dir);
        EXPECT_EQ(r.status, 2) << bad << ": " << r.output;
        EXPECT_NE(r.output.find("--population-age"), std::string::npos) << r.output;
        EXPECT_NE(r.output.find("\"" + std::string(bad) + "\" is not an age range"), std::string::npos) << r.output;
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "run"));
    const auto help = cxr("train --help", dir);
    EXPECT_NE(help.output.find("--population-age"), std::string::npos) << help.output;
    EXPECT_NE(help.output.find("--population "), std::string::npos) << help.output;
}

// `cxr cache` builds the caches a run of the same settings reads: a second build decodes
// nothing, and `cxr train --cache` trains from them without a cache of its own in the run.
TEST(TrainCli, CacheBuildsWhatTrainReadsAheadOfTime) {
    const auto dir = test::scratchDir();
    makeTinySet(dir);
    const std::string data = "'" + (dir / "data").string() + "'";
    const std::string cache = "'" + (dir / "shared-cache").string() + "'";
    const auto first = cxr("cache " + data + " --out " + cache + " --image-size 32 --threads 1", dir);
    ASSERT_EQ(first.status, 0) << first.output;
    EXPECT_NE(first.output.find("films-"), std::string::npos) << first.output;
    EXPECT_NE(first.output.find(" decoded, 0 unchanged"), std::string::npos) << first.output;
    std::size_t caches = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir / "shared-cache"))
        caches += e.path().extension() == ".cache" ? 1 : 0;
    EXPECT_GE(caches, 1u);
    const auto second = cxr("cache " + data + " --out " + cache + " --image-size 32 --threads 1", dir);
    ASSERT_EQ(second.status, 0) << second.output;
    EXPECT_NE(second.output.find("(0 decoded,"), std::string::npos) << second.output;
    EXPECT_EQ(second.output.find(" 0 unchanged"), std::string::npos) << second.output;

    const std::string run = "'" + (dir / "run").string() + "'";
    const auto train = cxr("train " + data + " --out " + run + " --cache " + cache + kTrainOptions + " --no-record", dir);
    ASSERT_EQ(train.status, 0) << train.output;
    EXPECT_TRUE(std::filesystem::exists(dir / "run" / "X_ray_classifier.pth"));
    EXPECT_FALSE(std::filesystem::exists(dir / "run" / "cache"));
    // After the run the caches are still complete: nothing more to decode.
    const auto third = cxr("cache " + data + " --out " + cache + " --image-size 32 --threads 1", dir);
    EXPECT_NE(third.output.find("(0 decoded,"), std::string::npos) << third.output;

    const auto missing = cxr("cache '" + (dir / "nothing").string() + "' --out " + cache, dir);
    EXPECT_EQ(missing.status, 1) << missing.output;
    EXPECT_NE(missing.output.find("nothing"), std::string::npos) << missing.output;
    EXPECT_EQ(cxr("cache " + data, dir).status, 2);  // --out is required
}

// --config takes a run's whole config.json (its "training" object) as well as a bare training
// config: both are read, so a bad value in either is refused rather than trained past.
TEST(TrainCli, ConfigIsReadFromARunsConfigJsonOrABareOne) {
    const auto dir = test::scratchDir();
    const std::string run = "'" + (dir / "run").string() + "'";
    const Json bare = {{"batchSize", 0}};
    writeJsonFile(dir / "bare.json", bare);
    writeJsonFile(dir / "full.json", Json{{"training", bare}, {"precision", "fp32"}});
    for (const char* file : {"bare.json", "full.json"}) {
        const auto r = cxr("train '" + dir.string() + "' --out " + run + " --config '" + (dir / file).string() + "'", dir);
        EXPECT_NE(r.status, 0) << file << ": " << r.output;
        EXPECT_NE(r.output.find("batch size must be in 1..4096, got 0"), std::string::npos) << file << ": " << r.output;
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "run" / "state.json"));
}

TEST(TrainCli, ResumeAfterSigkillContinuesWithoutDuplicateRows) {
    const auto dir = test::scratchDir();
    makeTinySet(dir);
    const auto run = dir / "run";
    const std::string args = std::string(CXR_CLI_BINARY) + " train '" + (dir / "data").string() + "' --out '" +
                             run.string() + "'" + kTrainOptions + " --phase-epochs 2,2,1 > '" +
                             (dir / "first.txt").string() + "' 2>&1";
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        setpgid(0, 0);
        execl("/bin/sh", "sh", "-c", ("exec " + args).c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    // Kill it as soon as it has finished two epochs (phase 1 done), wherever it is then.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    bool killed = false;
    while (std::chrono::steady_clock::now() < deadline) {
        if (std::filesystem::exists(run / "state.json")) {
            try {
                if (training::RunState::read(run / "state.json").epochsDone >= 2) {
                    kill(child, SIGKILL);
                    killed = true;
                    break;
                }
            } catch (const std::exception&) {
            }
        }
        int st = 0;
        if (waitpid(child, &st, WNOHANG) == child)
            FAIL() << "training ended before it could be killed: " << readFileText(dir / "first.txt");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    int st = 0;
    waitpid(child, &st, 0);
    ASSERT_TRUE(killed) << "training did not reach two epochs in time";
    ASSERT_TRUE(WIFSIGNALED(st));

    const auto resumed = cxr("train '" + (dir / "data").string() + "' --out '" + run.string() + "' --resume", dir);
    ASSERT_EQ(resumed.status, 0) << resumed.output;
    EXPECT_NE(resumed.output.find("Resuming at phase"), std::string::npos) << resumed.output;
    const auto rows = training::MetricsLog::read(run / "metrics.csv").rows();
    ASSERT_EQ(rows.size(), 5u);
    std::set<std::pair<int, int>> seen;
    for (const auto& r : rows)
        seen.insert({r.phase, r.epoch});
    EXPECT_EQ(seen, (std::set<std::pair<int, int>>{{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}}));
    EXPECT_EQ(training::RunState::read(run / "state.json").status, "finished");
}

}  // namespace
}  // namespace cxr
