// Ctrl-C across ranks: SIGINT to PyTorch's launcher (torchrun --standalone, two `cxr train` ranks,
// Gloo on loopback) in the middle of training. The launcher passes the signal on to every rank;
// the ranks agree on it at their next batch and all stop there, rank 0 leaving a resumable run
// folder (state.json and the best checkpoint), and a resume with two ranks finishes the run.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/training/metrics_log.h"
#include "core/training/run_state.h"
#include "test_dirs.h"

namespace cxr {
namespace {

using Clock = std::chrono::steady_clock;

std::string shellQuoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// The launcher command line for two ranks of `cxr train <trainArgs>`. (Debian's torchrun 1.13
// under Python 3.12 needs "--redirects 2 --tee 2 --log_dir": its default "--redirects 0" fails.)
std::string torchrunCommand(const std::string& trainArgs, const std::filesystem::path& logDir) {
    return "CXR_DIST_TIMEOUT=60 exec /usr/bin/python3 -m torch.distributed.run --no_python --standalone "
           "--redirects 2 --tee 2 --log_dir " + shellQuoted(logDir) + " --nproc_per_node 2 " + CXR_CLI_BINARY +
           " train " + trainArgs;
}

// Starts `command` with its output to `log`; the returned pid is the command itself (exec).
pid_t start(const std::string& command, const std::filesystem::path& log) {
    const std::string full = command + " > " + shellQuoted(log) + " 2>&1";
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::execl("/bin/sh", "sh", "-c", full.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

// Waits up to `limit` for `pid`; its exit status, or -1 while it still runs (-2: by a signal).
int waitFor(pid_t pid, std::chrono::seconds limit) {
    const auto end = Clock::now() + limit;
    while (Clock::now() < end) {
        int raw = 0;
        if (::waitpid(pid, &raw, WNOHANG) == pid)
            return WIFEXITED(raw) ? WEXITSTATUS(raw) : -2;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return -1;
}

int run(const std::string& command, const std::filesystem::path& log) {
    const int raw = std::system((command + " > " + shellQuoted(log) + " 2>&1").c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

// Whether any `cxr train` of this test (its data folder on the command line) is still running.
bool ranksAlive(const std::filesystem::path& data) {
    // "--ou[t]": the pattern matches the ranks' command lines, not the shell's that holds it.
    return run("pgrep -f " + shellQuoted(data.string() + " --ou[t]"), "/dev/null") == 0;
}

TEST(TorchrunCancel, SigintToTheLauncherStopsEveryRankAtOneBatchAndTheRunResumes) {
    const auto dir = test::scratchDir();
    ASSERT_EQ(run(std::string(CXR_CLI_BINARY) + " synth " + shellQuoted(dir / "data") +
                      " --train 24 --val 4 --test 12 --size 64 --seed 11",
                  dir / "synth.txt"),
              0);
    const auto runDir = dir / "run";
    const std::string args = shellQuoted(dir / "data") + " --out " + shellQuoted(runDir) +
                             " --device cpu --phase-epochs 3,1,1 --patience 100 --batch 4 --image-size 32"
                             " --workers 1 --threads 1 --no-record";

    const pid_t launcher = start(torchrunCommand(args, dir / "logs"), dir / "train.txt");
    ASSERT_GT(launcher, 0);
    // Mid-training: once rank 0 has recorded its first epoch.
    const auto deadline = Clock::now() + std::chrono::seconds(90);
    bool epochDone = false;
    while (!epochDone && Clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        std::error_code ec;
        try {
            if (std::filesystem::exists(runDir / "metrics.csv", ec))
                epochDone = training::MetricsLog::read(runDir / "metrics.csv").size() >= 1;
        } catch (const Error&) {  // caught between its writes: look again
        }
        int raw = 0;
        ASSERT_NE(::waitpid(launcher, &raw, WNOHANG), launcher) << readFileText(dir / "train.txt");
    }
    ASSERT_TRUE(epochDone) << readFileText(dir / "train.txt");
    ASSERT_EQ(::kill(launcher, SIGINT), 0);
    const auto signalled = Clock::now();
    const int status = waitFor(launcher, std::chrono::seconds(30));
    if (status == -1)
        ::kill(launcher, SIGKILL), waitFor(launcher, std::chrono::seconds(10));
    const double seconds = std::chrono::duration<double>(Clock::now() - signalled).count();
    const std::string output = readFileText(dir / "train.txt");
    ASSERT_NE(status, -1) << "the launcher still ran 30 s after SIGINT\n" << output;
    EXPECT_NE(status, 0) << output;
    // The ranks went with it, well before the launcher's own 30 s SIGKILL.
    EXPECT_FALSE(ranksAlive(dir / "data"));
    EXPECT_LT(seconds, 25.0) << output;
    // Both ranks stopped on the agreed request, naming the ranks that were told (torchrun tells
    // both), and rank 0 said the run can be resumed.
    EXPECT_NE(output.find("[default0]:cxr: training cancelled after batch"), std::string::npos) << output;
    EXPECT_NE(output.find("[default1]:cxr: training cancelled after batch"), std::string::npos) << output;
    EXPECT_NE(output.find("ranks 0, 1 were asked to stop"), std::string::npos) << output;
    EXPECT_NE(output.find("can be resumed"), std::string::npos) << output;

    const auto state = training::RunState::read(runDir / "state.json");
    EXPECT_GE(state.epochsDone, 1);
    EXPECT_EQ(state.worldSize, 2);
    ASSERT_TRUE(state.hasBest());
    EXPECT_TRUE(std::filesystem::exists(runDir / state.bestCheckpoint));

    // Resumable: two ranks finish the run from where it stopped.
    const int resumed = run(torchrunCommand(args + " --resume", dir / "logs-resume"), dir / "resume.txt");
    const std::string resumeOutput = readFileText(dir / "resume.txt");
    ASSERT_EQ(resumed, 0) << resumeOutput;
    const auto finished = training::RunState::read(runDir / "state.json");
    EXPECT_EQ(finished.status, "finished");
    EXPECT_EQ(training::MetricsLog::read(runDir / "metrics.csv").size(), 5u);
    EXPECT_TRUE(std::filesystem::exists(runDir / "X_ray_classifier.pth"));
}

}  // namespace
}  // namespace cxr
