// Gradients averaged while the backward pass runs (GradientReducer). Two ranks as threads on
// small tensors: the means are right when a parameter is frozen and when one rank's forward
// skips a parameter the other uses (buckets still start in the same order, nothing waits
// forever), a second backward before finish() falls back to the accumulated gradients, and a
// changed trainable set is picked up. Two ranks as processes (cxr_dist_overlap_worker) on
// ResNet18 through the epoch loop, over three phases (fc; layer4+fc; all): the weights and
// gradients equal, bit for bit, those of averaging after the backward; with 1 MB buckets every
// bucket of a prepared phase starts from a hook during the backward; and a rank killed mid-run
// ends the other with an error naming it within the timeout.
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <regex>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <torch/serialize.h>
#include <torch/types.h>

#include "core/training/distributed/gradient_reducer.h"
#include "core/training/distributed/process_group.h"
#include "rank_process.h"
#include "two_ranks.h"

namespace cxr::training::dist {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

using test::dist::onTwoRanks;

// Four parameters registered a, b, c, d (16 floats = 64 bytes each): a is frozen; with 64-byte
// buckets the layout is [d] [c] [b], reverse order, one each.
struct Toy {
    std::vector<at::Tensor> params;
    explicit Toy(bool freezeA = true) {
        for (int i = 0; i < 4; ++i)
            params.push_back(torch::zeros({4, 4}).requires_grad_(!(freezeA && i == 0)));
    }
    // loss = sum((rank+1) * k * p_k) over the used parameters: p_k's gradient is (rank+1)*k.
    void backward(int rank, bool useD = true) const {
        at::Tensor loss = torch::zeros({});
        for (int k = 0; k < 4; ++k) {
            if (k == 3 && !useD)
                continue;
            loss = loss + (params[k] * static_cast<double>((rank + 1) * (k + 1))).sum();
        }
        loss.backward();
    }
};

TEST(GradientReducer, MeansWithAFrozenParameterAndOneARankSkips) {
    onTwoRanks([](int rank, ProcessGroup& group) {
        Toy toy;
        GradientReducer reducer(group, 64);
        reducer.prepare(toy.params);
        EXPECT_EQ(reducer.bucketCount(), 3u);
        for (int step = 0; step < 3; ++step) {
            for (auto& p : toy.params)
                if (p.grad().defined())
                    p.mutable_grad().zero_();
            // Rank 1's forward never reaches d: its bucket (the first) cannot start from a hook
            // there, so rank 1 starts all three at finish() while rank 0 started them in the
            // backward — the same calls in the same order.
            toy.backward(rank, /*useD=*/rank == 0);
            reducer.finish(toy.params);
            EXPECT_FALSE(toy.params[0].grad().defined()) << "the frozen parameter is left alone";
            for (int k = 1; k < 3; ++k)  // mean over the ranks of (rank+1)*(k+1)
                EXPECT_TRUE(torch::equal(toy.params[k].grad(), torch::full({4, 4}, 1.5f * (k + 1))))
                    << "rank " << rank << " parameter " << k << " step " << step << toy.params[k].grad();
            // d: 4 on rank 0, zero on rank 1 (the step's zeroed gradient).
            EXPECT_TRUE(torch::equal(toy.params[3].grad(), torch::full({4, 4}, 2.0f))) << toy.params[3].grad();
        }
        const auto counts = reducer.counts();
        EXPECT_EQ(counts.steps, 3u);
        EXPECT_EQ(counts.fallbackSteps, 0u);
        if (rank == 0) {
            EXPECT_EQ(counts.bucketsInBackward, 9u);
            EXPECT_EQ(counts.bucketsAtFinish, 0u);
        } else {
            EXPECT_EQ(counts.bucketsInBackward, 0u);
            EXPECT_EQ(counts.bucketsAtFinish, 9u);
        }
    });
}

TEST(GradientReducer, ASecondBackwardBeforeFinishAveragesTheAccumulatedGradients) {
    onTwoRanks([](int rank, ProcessGroup& group) {
        Toy toy(false);
        GradientReducer reducer(group, 64);
        reducer.prepare(toy.params);
        toy.backward(rank);
        toy.backward(rank);  // accumulated: 2*(rank+1)*(k+1)
        reducer.finish(toy.params);
        for (int k = 0; k < 4; ++k)
            EXPECT_TRUE(torch::equal(toy.params[k].grad(), torch::full({4, 4}, 3.0f * (k + 1))))
                << "rank " << rank << " parameter " << k << toy.params[k].grad();
        EXPECT_EQ(reducer.counts().fallbackSteps, 1u);
    });
}

TEST(GradientReducer, AChangedTrainableSetFallsBackOnceThenOverlaps) {
    onTwoRanks([](int rank, ProcessGroup& group) {
        Toy toy;  // a frozen
        GradientReducer reducer(group, 64);
        reducer.prepare(toy.params);
        toy.params[0].requires_grad_(true);  // a joins without prepare()
        for (int step = 0; step < 2; ++step) {
            for (auto& p : toy.params)
                if (p.grad().defined())
                    p.mutable_grad().zero_();
            toy.backward(rank);
            reducer.finish(toy.params);
            for (int k = 0; k < 4; ++k)
                EXPECT_TRUE(torch::equal(toy.params[k].grad(), torch::full({4, 4}, 1.5f * (k + 1))))
                    << "rank " << rank << " parameter " << k << " step " << step;
        }
        const auto counts = reducer.counts();
        EXPECT_EQ(counts.layouts, 2u);
        EXPECT_EQ(counts.fallbackSteps, 1u);
        EXPECT_EQ(counts.bucketsAtFinish, 4u) << "the first step, in the new layout of four buckets";
        EXPECT_EQ(counts.bucketsInBackward, 4u) << "the second step";
    });
}

// ---- two ranks as processes, ResNet18 through the epoch loop ----

fs::path tempDir(const std::string& name) {
    const fs::path dir = fs::path(CXR_TEST_TMP) / ("overlap-" + name + "-" + std::to_string(::getpid()));
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

constexpr int kStepsPerPhase = 3;
const std::string kPhases = "fc,layer4+fc,all";
const std::string kOneMb = std::to_string(1024 * 1024);

struct TwoRankRun {
    std::string log0, log1;
    std::vector<torch::Tensor> saved;  // rank 0's parameters, then their gradients
};

TwoRankRun runTwoRanks(const fs::path& dir, const std::string& mode, const std::string& bucketBytes) {
    const int port = test::dist::freeLoopbackPort();
    const auto out = dir / (mode + ".pt");
    test::dist::RankProcess rank0(CXR_DIST_OVERLAP_WORKER,
                                  {mode, out.string(), std::to_string(kStepsPerPhase), bucketBytes, kPhases},
                                  rankEnv(0, port, 60), dir / (mode + "-rank0.log"));
    test::dist::RankProcess rank1(CXR_DIST_OVERLAP_WORKER,
                                  {mode, (dir / "unused.pt").string(), std::to_string(kStepsPerPhase), bucketBytes, kPhases},
                                  rankEnv(1, port, 60), dir / (mode + "-rank1.log"));
    TwoRankRun run;
    const int code0 = rank0.wait(50s);
    const int code1 = rank1.wait(10s);
    run.log0 = rank0.log();
    run.log1 = rank1.log();
    EXPECT_EQ(code0, 0) << run.log0;
    EXPECT_EQ(code1, 0) << run.log1;
    if (code0 == 0)
        torch::load(run.saved, out.string());
    return run;
}

struct PhaseCounts {
    int buckets = -1, inBackward = -1, atFinish = -1, fallback = -1;
};

PhaseCounts countsIn(const std::string& log, int rank, int phase) {
    const std::regex line("rank " + std::to_string(rank) + " phase " + std::to_string(phase) +
                          " buckets (\\d+) in-backward (\\d+) at-finish (\\d+) fallback (\\d+)");
    std::smatch m;
    PhaseCounts c;
    if (std::regex_search(log, m, line)) {
        c.buckets = std::stoi(m[1]);
        c.inBackward = std::stoi(m[2]);
        c.atFinish = std::stoi(m[3]);
        c.fallback = std::stoi(m[4]);
    }
    return c;
}

TEST(GradientReducerRanks, OverlappedEqualsAfterBackwardBitForBitAcrossPhases) {
    const auto dir = tempDir("exact");
    const TwoRankRun after = runTwoRanks(dir, "after", std::to_string(kDefaultBucketBytes));
    const TwoRankRun overlap = runTwoRanks(dir, "overlap", kOneMb);
    ASSERT_FALSE(after.saved.empty());
    ASSERT_EQ(overlap.saved.size(), after.saved.size());
    const std::size_t n = after.saved.size() / 2;
    double maxDiff = 0, maxGrad = 0;
    for (std::size_t i = 0; i < after.saved.size(); ++i) {
        ASSERT_EQ(overlap.saved[i].sizes(), after.saved[i].sizes()) << i;
        maxDiff = std::max(maxDiff, (overlap.saved[i] - after.saved[i]).abs().max().item<double>());
        if (i >= n)
            maxGrad = std::max(maxGrad, after.saved[i].abs().max().item<double>());
        EXPECT_TRUE(torch::equal(overlap.saved[i], after.saved[i]))
            << (i < n ? "parameter " : "gradient of parameter ") << (i % n);
    }
    std::printf("max |overlapped - after backward| = %.3g over %zu parameters and their gradients (largest "
                "gradient %.3g)\n", maxDiff, n, maxGrad);
    EXPECT_GT(maxGrad, 1e-4) << "the gradients compared are not all zero";

    // Where the overlapped run started its all-reduces, per phase and rank (1 MB buckets).
    for (int rank = 0; rank < 2; ++rank) {
        const std::string& log = rank == 0 ? overlap.log0 : overlap.log1;
        const PhaseCounts fc = countsIn(log, rank, 1), l4 = countsIn(log, rank, 2), all = countsIn(log, rank, 3);
        std::printf("rank %d: fc %d buckets %d/%d in backward/at finish; layer4+fc %d buckets %d/%d; all %d buckets "
                    "%d/%d\n", rank, fc.buckets, fc.inBackward, fc.atFinish, l4.buckets, l4.inBackward, l4.atFinish,
                    all.buckets, all.inBackward, all.atFinish);
        // Prepared phases: every bucket of every step started from a hook during the backward.
        EXPECT_EQ(fc.buckets, 1) << log;
        EXPECT_EQ(fc.inBackward, kStepsPerPhase) << log;
        EXPECT_EQ(fc.atFinish, 0) << log;
        // ResNet18's 44.7 MB in 1 MB buckets: 20, the 2.4 and 9.4 MB convolutions of layer3
        // and layer4 each alone.
        EXPECT_EQ(all.buckets, 20) << log;
        EXPECT_EQ(all.inBackward, kStepsPerPhase * all.buckets) << log;
        EXPECT_EQ(all.atFinish, 0) << log;
        EXPECT_EQ(all.fallback, 0) << log;
        // layer4+fc joined without prepare(): its first step falls back, then it overlaps.
        EXPECT_EQ(l4.buckets, 8) << log;
        EXPECT_EQ(l4.fallback, 1) << log;
        EXPECT_EQ(l4.atFinish, l4.buckets) << log;
        EXPECT_EQ(l4.inBackward, (kStepsPerPhase - 1) * l4.buckets) << log;
    }
    fs::remove_all(dir);
}

TEST(GradientReducerRanks, ARankKilledDuringOverlappedStepsEndsTheOtherNamingIt) {
    const int timeout = 20;
    const auto dir = tempDir("kill");
    const int port = test::dist::freeLoopbackPort();
    auto args = [&](const std::string& out) {
        return std::vector<std::string>{"overlap", (dir / out).string(), "2000", kOneMb, "all", "20"};
    };
    test::dist::RankProcess rank0(CXR_DIST_OVERLAP_WORKER, args("p.pt"), rankEnv(0, port, timeout), dir / "rank0.log");
    test::dist::RankProcess rank1(CXR_DIST_OVERLAP_WORKER, args("q.pt"), rankEnv(1, port, timeout), dir / "rank1.log");
    ASSERT_TRUE(rank1.waitForLog("rank 1 step 2\n", 40s)) << rank1.log() << rank0.log();
    rank1.signal(SIGKILL);
    const auto killed = std::chrono::steady_clock::now();
    const int code = rank0.wait(std::chrono::seconds(timeout + 10));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - killed).count();
    const std::string log = rank0.log();
    const auto at = log.rfind("cxr_dist_overlap_worker");
    std::printf("rank 0 ended %.2f s after rank 1 was killed, exit %d:\n%s\n", seconds, code,
                at == std::string::npos ? log.c_str() : log.substr(at).c_str());
    EXPECT_EQ(code, 1) << log;
    EXPECT_NE(log.find("cxr_dist_overlap_worker: rank 0 of 2: all-reduce of gradients failed: lost rank 1"),
              std::string::npos)
        << log;
    EXPECT_LT(seconds, timeout) << log;
    fs::remove_all(dir);
}

}  // namespace
}  // namespace cxr::training::dist
