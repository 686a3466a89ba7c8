// Crash safety of `cxr train`, through the binary: SIGKILL in the middle of an epoch then
// --resume, and a disk that fills up while a checkpoint is being saved.
#include <sched.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "checkpoint_check.h"
#include "cli_process.h"
#include "core/common/atomic_file.h"
#include "core/common/fault_point.h"
#include "core/common/sha256.h"
#include "core/training/metrics_log.h"
#include "core/training/run_directory.h"
#include "core/training/run_state.h"
#include "test_dirs.h"

namespace cxr {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Three phases of two epochs each; StepLR halves the rate every epoch so each row's rate says
// exactly where in the schedule it was trained. Patience above the phase length: no early stop.
const double kPhaseLr[] = {1e-3, 5e-4, 1e-4};
std::vector<std::string> trainArgs(const fs::path& data, const fs::path& run) {
    return {"train", data.string(), "--out", run.string(), "--device", "cpu", "--phase-epochs", "2,2,2",
            "--lr", "1e-3,5e-4,1e-4", "--step-size", "1", "--gamma", "0.5", "--patience", "10",
            "--batch", "8", "--image-size", "32", "--workers", "1", "--threads", "1", "--seed", "3"};
}
std::vector<std::string> resumeArgs(const fs::path& data, const fs::path& run) {
    return {"train", data.string(), "--out", run.string(), "--resume"};
}

void makeSet(const fs::path& dir, int train) {
    const auto r = test::runCli({"synth", (dir / "data").string(), "--train", std::to_string(train), "--val", "4",
                                 "--test", "8", "--size", "64", "--seed", "11"},
                                dir / "synth.txt");
    ASSERT_EQ(r.code, 0) << r.output;
}

std::optional<training::RunState> readState(const fs::path& run) {
    try {
        return training::RunState::read(run / "state.json");
    } catch (const std::exception&) {
        return std::nullopt;  // not written yet
    }
}

double expectedLr(int phase, int epoch) { return kPhaseLr[phase] * std::pow(0.5, epoch); }

// The last "N/M  loss" progress line drawn in `text` from `from` on: {N, M}, or {0, 0}.
std::pair<int, int> lastBatch(const std::string& text, std::size_t from) {
    static const std::regex re(R"((\d+)/(\d+)  loss )");
    std::pair<int, int> last{0, 0};
    for (auto it = std::sregex_iterator(text.begin() + static_cast<std::ptrdiff_t>(from), text.end(), re);
         it != std::sregex_iterator(); ++it)
        last = {std::stoi((*it)[1]), std::stoi((*it)[2])};
    return last;
}

std::vector<fs::path> tempFilesIn(const fs::path& run) {
    std::vector<fs::path> found;
    for (const auto& e : fs::recursive_directory_iterator(run))
        if (e.path().filename().string().find(".tmp-") != std::string::npos)
            found.push_back(e.path());
    return found;
}

TEST(CrashSafeTraining, SigkillMidEpochThenResumeLosesAtMostThatEpoch) {
    const auto dir = test::scratchDir();
    makeSet(dir, 96);
    const auto data = dir / "data";
    const auto run = dir / "run";

    // Watch the progress bar on a terminal; once three epochs are on disk (phase 2, epoch 1),
    // kill the fourth a third of the way through its batches.
    test::CliProcess first(trainArgs(data, run), {true, {}, 0});
    const auto deadline = std::chrono::steady_clock::now() + 10min;
    std::size_t epoch4Start = std::string::npos;
    std::pair<int, int> killedAt{0, 0};
    while (std::chrono::steady_clock::now() < deadline && !first.finished()) {
        const std::string& text = first.pollOutput(10ms);
        if (epoch4Start == std::string::npos) {
            const auto state = readState(run);
            if (state && state->epochsDone >= 3) {
                ASSERT_EQ(state->epochsDone, 3) << "missed the moment: " << text;
                epoch4Start = text.size();
            }
            continue;
        }
        const auto [batch, batches] = lastBatch(text, epoch4Start);
        if (batches >= 6 && batch >= batches / 3) {
            ASSERT_LT(batch, batches) << "the fourth epoch ended before the kill";
            first.killNow();
            killedAt = {batch, batches};
        }
    }
    ASSERT_GT(killedAt.second, 0) << "never saw the fourth epoch's batches: " << first.output();
    ASSERT_TRUE(WIFSIGNALED(first.status()));

    // On disk after the kill: exactly the three finished epochs, nothing half-written.
    const auto state = readState(run);
    ASSERT_TRUE(state);
    EXPECT_EQ(state->status, "running");
    EXPECT_EQ(state->epochsDone, 3) << "more than the epoch in progress was lost";
    EXPECT_EQ(state->phase, 1);
    EXPECT_EQ(state->nextEpoch, 1);
    const auto before = training::MetricsLog::read(run / "metrics.csv").rows();
    ASSERT_EQ(before.size(), 3u);
    ASSERT_TRUE(state->hasBest());
    EXPECT_EQ(test::checkpointProblem(training::RunDirectory(run).bestCheckpoint(*state)), "");
    ASSERT_TRUE(state->hasLast());
    EXPECT_EQ(test::checkpointProblem(run / state->lastCheckpoint), "");

    const auto resumed = test::runCli(resumeArgs(data, run), dir / "resume.txt");
    ASSERT_EQ(resumed.code, 0) << resumed.output;
    EXPECT_NE(resumed.output.find("Resuming at phase 2, epoch 2"), std::string::npos) << resumed.output;

    // The schedule carried on where it stopped: every (phase, epoch) once, in order, at the
    // StepLR rate of that position, and the rows written before the kill untouched.
    const auto rows = training::MetricsLog::read(run / "metrics.csv").rows();
    ASSERT_EQ(rows.size(), 6u);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const int phase = static_cast<int>(i / 2), epoch = static_cast<int>(i % 2);
        EXPECT_EQ(rows[i].phase, phase) << "row " << i;
        EXPECT_EQ(rows[i].epoch, epoch) << "row " << i;
        EXPECT_NEAR(rows[i].learningRate, expectedLr(phase, epoch), 1e-12) << "row " << i;
        EXPECT_TRUE(std::isfinite(rows[i].trainLoss) && std::isfinite(rows[i].valLoss)) << "row " << i;
    }
    for (std::size_t i = 0; i < before.size(); ++i) {
        EXPECT_EQ(rows[i].trainLoss, before[i].trainLoss) << "row " << i << " rewritten";
        EXPECT_EQ(rows[i].valLoss, before[i].valLoss) << "row " << i << " rewritten";
    }
    const auto done = readState(run);
    ASSERT_TRUE(done);
    EXPECT_EQ(done->status, "finished");
    EXPECT_EQ(done->epochsDone, 6);
    EXPECT_EQ(test::checkpointProblem(training::RunDirectory(run).bestCheckpoint(*done)), "");
    EXPECT_EQ(test::checkpointProblem(run / "X_ray_classifier.pth"), "");
    EXPECT_TRUE(tempFilesIn(run).empty()) << "a killed save left " << tempFilesIn(run).front();
}

// `cxr train` ended right after each write step of its second epoch in turn (the fault points
// of CXR_FAULT_KILL_AT), then `cxr train --resume`: the state left behind names checkpoints that
// are on disk and load, a best that is the last recorded epoch equals that epoch's weights, and
// the resumed run exports exactly the best checkpoint its final state names.
TEST(CrashSafeTraining, KillAfterEachWriteStepThenResumeReloadsTheNamedWeights) {
    const auto dir = test::scratchDir();
    makeSet(dir, 24);
    const auto data = dir / "data";
    for (const char* step : {"best-checkpoint", "last-checkpoint", "optimizer", "metrics", "state", "prune"}) {
        SCOPED_TRACE(step);
        const auto run = dir / (std::string("run-") + step);
        auto args = trainArgs(data, run);
        const auto epochs = std::find(args.begin(), args.end(), "2,2,2");
        ASSERT_NE(epochs, args.end());
        *epochs = "1,1,1";
        ::setenv("CXR_FAULT_KILL_AT", (std::string(step) + ":2").c_str(), 1);
        const auto killed = test::runCli(args, dir / (std::string("killed-") + step + ".txt"));
        ::unsetenv("CXR_FAULT_KILL_AT");
        // best-checkpoint:2 is the second new best, which a run need not reach.
        if (std::string(step) == "best-checkpoint" && killed.code == 0)
            continue;
        ASSERT_EQ(killed.code, kFaultExitCode) << killed.output;

        const auto state = readState(run);
        ASSERT_TRUE(state && state->hasBest() && state->hasLast());
        const training::RunDirectory runDir(run);
        EXPECT_EQ(test::checkpointProblem(runDir.bestCheckpoint(*state)), "");
        EXPECT_EQ(test::checkpointProblem(run / state->lastCheckpoint), "");
        const auto rows = training::MetricsLog::read(run / "metrics.csv").rows();
        ASSERT_GE(rows.size(), static_cast<std::size_t>(state->epochsDone));
        const auto& lastRow = rows[static_cast<std::size_t>(state->epochsDone) - 1];
        if (lastRow.phase == state->bestPhase && lastRow.epoch == state->bestEpoch) {
            EXPECT_EQ(test::weightsDifference(runDir.bestCheckpoint(*state), run / state->lastCheckpoint), "")
                << "the best checkpoint state.json names is not the weights of the epoch it records";
        }

        const auto resumed = test::runCli(resumeArgs(data, run), dir / (std::string("resumed-") + step + ".txt"));
        ASSERT_EQ(resumed.code, 0) << resumed.output;
        const auto done = readState(run);
        ASSERT_TRUE(done);
        EXPECT_EQ(done->epochsDone, 3);
        EXPECT_EQ(test::weightsDifference(runDir.bestCheckpoint(*done), run / "X_ray_classifier.pth"), "")
            << "the exported model is not the best checkpoint state.json names";
        EXPECT_TRUE(tempFilesIn(run).empty());
    }
}

// A small filesystem of its own for the run folder: a tmpfs in a private mount namespace (it
// vanishes with the test process) when we may mount, which root may; otherwise the child's
// RLIMIT_FSIZE stands in for the full disk.
class SmallDisk {
public:
    explicit SmallDisk(const fs::path& dir) : m_dir(dir) {
        fs::create_directories(dir);
        if (::geteuid() != 0 || ::unshare(CLONE_NEWNS) != 0)
            return;
        if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
            return;
        // Room for a whole run while the disk is not filled on purpose: the previous best, last
        // weights and optimizer state stay until the new ones are named in state.json (about
        // 360 MB at the peak of an epoch's save), then the older ones are pruned.
        m_mounted = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=640m") == 0;
    }
    ~SmallDisk() {
        if (m_mounted)
            ::umount2(m_dir.c_str(), MNT_DETACH);
    }
    bool isTmpfs() const { return m_mounted; }
    // Fills the filesystem but for `leave` bytes (tmpfs only).
    void fill(std::uintmax_t leave) {
        const auto free = freeBytes();
        if (free <= leave)
            return;
        std::ofstream out(m_dir / "filler", std::ios::binary);
        std::string chunk(1 << 20, 'x');
        for (std::uintmax_t left = free - leave; left > 0;) {
            const auto n = std::min<std::uintmax_t>(left, chunk.size());
            out.write(chunk.data(), static_cast<std::streamsize>(n));
            left -= n;
        }
    }
    void unfill() { fs::remove(m_dir / "filler"); }
    std::uintmax_t freeBytes() const {
        struct statvfs s {};
        ::statvfs(m_dir.c_str(), &s);
        return static_cast<std::uintmax_t>(s.f_bavail) * s.f_frsize;
    }

private:
    fs::path m_dir;
    bool m_mounted = false;
};

TEST(CrashSafeTraining, DiskFullWhileSavingKeepsThePreviousCheckpoint) {
    const auto dir = test::scratchDir();
    makeSet(dir, 48);
    const auto data = dir / "data";
    SmallDisk disk(dir / "disk");
    const auto run = dir / "disk" / "run";

    // A run with one finished epoch and its checkpoints, cut short.
    {
        test::CliProcess first(trainArgs(data, run), {false, dir / "first.txt", 0});
        const auto deadline = std::chrono::steady_clock::now() + 10min;
        while (std::chrono::steady_clock::now() < deadline && !first.finished()) {
            const auto state = readState(run);
            if (state && state->epochsDone >= 1)
                break;
            std::this_thread::sleep_for(10ms);
        }
        first.killNow();
    }
    const auto state = readState(run);
    ASSERT_TRUE(state && state->epochsDone >= 1 && state->hasBest());
    const auto best = training::RunDirectory(run).bestCheckpoint(*state);
    const std::string bestHash = sha256File(best);
    const std::string stateText = readFileText(run / "state.json");
    const std::string metricsText = readFileText(run / "metrics.csv");

    // Resume on a disk with 12 MB left (or a 12 MB file-size limit): room for the film cache
    // the resumed run rewrites (48 films of 256 x 256), none for the next checkpoint (45 MB).
    test::CliOptions full{false, dir / "full.txt", 0};
    if (disk.isTmpfs())
        disk.fill(12u << 20);
    else
        full.maxFileBytes = 12 << 20;
    const auto freeBefore = disk.freeBytes();
    const auto staleTemps = tempFilesIn(run);  // the killed run's, if it died while saving
    test::CliProcess second(resumeArgs(data, run), full);
    const int status = second.wait(std::chrono::seconds(600));
    const std::string output = second.output();
    ASSERT_TRUE(WIFEXITED(status)) << "cxr died instead of reporting the full disk: " << output;
    EXPECT_EQ(WEXITSTATUS(status), 1) << output;
    const std::string reason = disk.isTmpfs() ? "No space left on device" : "File too large";
    EXPECT_NE(output.find(reason), std::string::npos) << output;
    EXPECT_NE(output.find(".pth: "), std::string::npos) << "the failure should name the checkpoint: " << output;
    EXPECT_EQ(output.find("unexpected error"), std::string::npos) << output;
    // Everything the failed save would have replaced is as it was, and nothing half-written
    // stays behind taking space.
    EXPECT_EQ(sha256File(best), bestHash);
    EXPECT_EQ(test::checkpointProblem(best), "");
    EXPECT_EQ(readFileText(run / "state.json"), stateText);
    EXPECT_EQ(readFileText(run / "metrics.csv"), metricsText);
    for (const auto& temp : tempFilesIn(run))
        EXPECT_NE(std::find(staleTemps.begin(), staleTemps.end(), temp), staleTemps.end())
            << "the failed save left " << temp;
    if (disk.isTmpfs()) {
        EXPECT_GE(disk.freeBytes() + (256u << 10), freeBefore) << "the failed run left files behind";
    }

    // With space again the same run resumes and completes, each epoch recorded once.
    disk.unfill();
    const auto third = test::runCli(resumeArgs(data, run), dir / "third.txt");
    ASSERT_EQ(third.code, 0) << third.output;
    const auto rows = training::MetricsLog::read(run / "metrics.csv").rows();
    std::set<std::pair<int, int>> seen;
    for (const auto& r : rows)
        seen.insert({r.phase, r.epoch});
    EXPECT_EQ(rows.size(), 6u);
    EXPECT_EQ(seen.size(), rows.size()) << "duplicate epochs in metrics.csv";
    EXPECT_EQ(test::checkpointProblem(run / "X_ray_classifier.pth"), "");
}

}  // namespace
}  // namespace cxr
