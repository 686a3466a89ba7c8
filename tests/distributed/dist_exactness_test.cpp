// Data parallel training is exact and fails loudly. Two ranks on loopback (cxr_dist_step_worker
// started twice with torchrun's variables) each train STEPS batches of 2 films through the
// epoch loop, rank 0's weights broadcast first and the gradients averaged in 25 MB buckets in
// the afterBackward hook. Their weights must equal, within 1e-5, those of one process that
// accumulates the gradients of the same two half-batches in turn (loss/2 each) — what DDP
// computes, BatchNorm's per-rank batch statistics included. A rank killed mid-run, or one that
// stops answering, ends the other with exit 1 and a message naming rank 1, within the timeout.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <torch/serialize.h>
#include <torch/types.h>

#include "dist_step_fixture.h"
#include "rank_process.h"

namespace cxr::test::dist {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr int kSteps = 3;

fs::path tempDir(const std::string& name) {
    const fs::path dir = fs::path(CXR_TEST_TMP) / ("distributed-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::map<std::string, std::string> rankEnv(int rank, int port, int timeoutSeconds) {
    return {{"RANK", std::to_string(rank)},
            {"WORLD_SIZE", "2"},
            {"LOCAL_RANK", std::to_string(rank)},
            {"MASTER_ADDR", "127.0.0.1"},
            {"MASTER_PORT", std::to_string(port)},
            {"CXR_DIST_TIMEOUT", std::to_string(timeoutSeconds)},
            {"OMP_NUM_THREADS", "1"}};
}

// One process, the same steps: per step, the ranks' half-batches in turn (the first `ranks`
// of them), each loss divided by their count, gradients accumulated, then one optimizer step.
std::vector<torch::Tensor> accumulatedReference(int steps, int ranks = kRanks) {
    torch::set_num_threads(1);
    auto net = makeNet(0);
    net->train(true);
    torch::optim::SGD optimizer(net->parameters(), sgdOptions());
    const auto data = stepData(steps);
    const int global = kPerRank * kRanks;
    for (int s = 0; s < steps; ++s) {
        optimizer.zero_grad();
        for (int r = 0; r < ranks; ++r) {
            const auto x = data.images.narrow(0, s * global + r * kPerRank, kPerRank);
            const auto y = data.labels.narrow(0, s * global + r * kPerRank, kPerRank);
            const auto loss = torch::nn::functional::cross_entropy(net->forward(x), y) / static_cast<double>(ranks);
            loss.backward();
        }
        optimizer.step();
    }
    return net->parameters();
}

TEST(DistributedExactness, TwoRanksEqualOneProcessAccumulatingTheirHalfBatches) {
    const auto dir = tempDir("exact");
    const int port = freeLoopbackPort();
    const auto out = dir / "rank0-parameters.pt";
    RankProcess rank0(CXR_DIST_WORKER, {out.string(), std::to_string(kSteps)}, rankEnv(0, port, 60), dir / "rank0.log");
    RankProcess rank1(CXR_DIST_WORKER, {(dir / "unused.pt").string(), std::to_string(kSteps)}, rankEnv(1, port, 60),
                      dir / "rank1.log");
    ASSERT_EQ(rank0.wait(50s), 0) << rank0.log();
    ASSERT_EQ(rank1.wait(10s), 0) << rank1.log();
    // ResNet18's 44.7 MB of gradients in 25 MB buckets: two all-reduces a step.
    EXPECT_NE(rank0.log().find("rank 0 step 3"), std::string::npos) << rank0.log();
    EXPECT_NE(rank0.log().find("rank 0 buckets " + std::to_string(2 * kSteps)), std::string::npos) << rank0.log();
    EXPECT_NE(rank1.log().find("rank 1 buckets " + std::to_string(2 * kSteps)), std::string::npos) << rank1.log();
    EXPECT_FALSE(fs::exists(dir / "unused.pt")) << "only rank 0 writes";

    std::vector<torch::Tensor> distributed;
    torch::load(distributed, out.string());
    const auto reference = accumulatedReference(kSteps);
    ASSERT_EQ(distributed.size(), reference.size());
    auto maxAbsDiff = [&](const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
        double m = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(a[i].sizes(), b[i].sizes()) << "parameter " << i;
            m = std::max(m, (a[i].detach() - b[i].detach()).abs().max().item<double>());
        }
        return m;
    };
    const double maxDiff = maxAbsDiff(distributed, reference);
    // Controls, so the comparison means something: training moved the weights well past the
    // tolerance, and rank 0's half-batches alone (no all-reduce) end somewhere else.
    const double maxChange = maxAbsDiff(reference, makeNet(0)->parameters());
    const double rankZeroAlone = maxAbsDiff(distributed, accumulatedReference(kSteps, 1));
    std::printf("max |distributed - accumulated| = %.3g over %zu parameters; largest change from the start %.3g; "
                "rank 0's half-batches alone differ by %.3g\n",
                maxDiff, reference.size(), maxChange, rankZeroAlone);
    EXPECT_LE(maxDiff, 1e-5);
    EXPECT_GT(maxChange, 1e-2);
    EXPECT_GT(rankZeroAlone, 1e-3);
    fs::remove_all(dir);
}

// Starts two ranks on a long run and waits until rank 1 has finished two steps.
struct LongRun {
    fs::path dir;
    RankProcess rank0, rank1;
    LongRun(const std::string& name, int timeoutSeconds, int port = freeLoopbackPort())
        : dir(tempDir(name)),
          rank0(CXR_DIST_WORKER, {(dir / "p.pt").string(), "2000", "20"}, rankEnv(0, port, timeoutSeconds),
                dir / "rank0.log"),
          rank1(CXR_DIST_WORKER, {(dir / "q.pt").string(), "2000", "20"}, rankEnv(1, port, timeoutSeconds),
                dir / "rank1.log") {}
    ~LongRun() { fs::remove_all(dir); }
};

TEST(DistributedFaults, ARankKilledMidRunEndsTheOtherNamingIt) {
    const int timeout = 20;
    LongRun run("kill", timeout);
    ASSERT_TRUE(run.rank1.waitForLog("rank 1 step 2\n", 40s)) << run.rank1.log() << run.rank0.log();
    run.rank1.signal(SIGKILL);
    const auto killed = std::chrono::steady_clock::now();
    const int code = run.rank0.wait(std::chrono::seconds(timeout + 10));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - killed).count();
    const std::string log = run.rank0.log();
    std::printf("rank 0 ended %.2f s after rank 1 was killed, exit %d:\n%s\n", seconds, code,
                log.substr(log.rfind("cxr_dist_step_worker")).c_str());
    EXPECT_EQ(code, 1) << log;
    EXPECT_NE(log.find("cxr_dist_step_worker: rank 0 of 2: all-reduce of gradients failed: lost rank 1"),
              std::string::npos)
        << log;
    EXPECT_LT(seconds, timeout) << log;
}

TEST(DistributedFaults, ARankThatStopsAnsweringEndsTheOtherAtTheTimeout) {
    // SIGSTOP keeps rank 1's connections open but silent: only the timeout can end rank 0.
    const int timeout = 3;
    LongRun run("stop", timeout);
    ASSERT_TRUE(run.rank1.waitForLog("rank 1 step 2\n", 40s)) << run.rank1.log() << run.rank0.log();
    run.rank1.signal(SIGSTOP);
    const auto stopped = std::chrono::steady_clock::now();
    const int code = run.rank0.wait(std::chrono::seconds(timeout + 15));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - stopped).count();
    run.rank1.signal(SIGKILL);
    const std::string log = run.rank0.log();
    std::printf("rank 0 ended %.2f s after rank 1 stopped, exit %d:\n%s\n", seconds, code,
                log.substr(log.rfind("cxr_dist_step_worker")).c_str());
    EXPECT_EQ(code, 1) << log;
    EXPECT_NE(log.find("rank 0 of 2: all-reduce of gradients failed: no answer from rank 1 within the 3 s timeout"),
              std::string::npos)
        << log;
    EXPECT_GE(seconds, timeout - 0.5) << log;
    EXPECT_LT(seconds, timeout + 10) << log;
}

}  // namespace
}  // namespace cxr::test::dist
