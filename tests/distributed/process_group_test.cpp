// The process group's collectives on loopback, two ranks as two threads of this process (each
// with its own store client and Gloo group, as two processes would have): rank 0's weights
// reach rank 1, gradients come back as the mean in flat buckets of the size asked for, sums
// are sums; a rank alone at the rendezvous fails within its timeout; nccl is refused clearly.
#include <chrono>
#include <cmath>
#include <exception>
#include <functional>
#include <thread>

#include <gtest/gtest.h>
#include <torch/nn/functional/loss.h>
#include <torch/types.h>

#include "core/common/error.h"
#include "core/training/distributed/distributed_shard.h"
#include "core/training/distributed/process_group.h"
#include "core/training/epoch_loop.h"
#include "rank_process.h"
#include "two_ranks.h"

namespace cxr::training::dist {
namespace {

DistEnv envFor(int rank, int world, int port, int timeoutSeconds = 20) {
    DistEnv env;
    env.rank = rank;
    env.worldSize = world;
    env.masterAddr = "127.0.0.1";
    env.masterPort = static_cast<std::uint16_t>(port);
    env.timeout = std::chrono::seconds(timeoutSeconds);
    return env;
}

using test::dist::onTwoRanks;

TEST(ProcessGroup, BroadcastGivesEveryRankRankZerosTensors) {
    onTwoRanks([](int rank, ProcessGroup& group) {
        // A float parameter that trains and an int64 buffer: two dtypes, two buckets.
        auto weight = torch::full({3, 4}, static_cast<float>(rank + 1)).requires_grad_(true);
        auto counter = torch::full({1}, static_cast<int64_t>(10 * rank + 7), torch::kLong);
        group.broadcastFromRankZero({weight, counter});
        EXPECT_TRUE(torch::equal(weight.detach(), torch::full({3, 4}, 1.0f))) << "rank " << rank;
        EXPECT_EQ(counter.item<int64_t>(), 7) << "rank " << rank;
        EXPECT_TRUE(weight.requires_grad());
    });
}

TEST(ProcessGroup, GradientsBecomeTheirMeanInBucketsOfTheAskedSize) {
    onTwoRanks([](int rank, ProcessGroup& group) {
        // 3 gradients of 16, 16 and 40 floats (64, 64, 160 bytes) with 128-byte buckets: the first
        // two share one, the third is larger than a bucket and goes alone.
        std::vector<at::Tensor> grads{torch::arange(16, torch::kFloat) * (rank + 1), torch::full({4, 4}, 2.0f * rank),
                                      torch::full({40}, rank == 0 ? 1.0f : 4.0f)};
        // A non-contiguous gradient comes back in its own layout.
        grads[1] = grads[1].t();
        group.averageGradients(grads, 128);
        EXPECT_EQ(group.gradientBucketCalls(), 2u);
        EXPECT_TRUE(torch::allclose(grads[0], torch::arange(16, torch::kFloat) * 1.5)) << grads[0];
        EXPECT_TRUE(torch::equal(grads[1], torch::full({4, 4}, 1.0f)));
        EXPECT_TRUE(torch::equal(grads[2], torch::full({40}, 2.5f)));
    });
}

TEST(ProcessGroup, ParameterGradientsSkipFrozenOnesAndFillMissingOnes) {
    onTwoRanks([](int rank, ProcessGroup& group) {
        auto trained = torch::zeros({5}).requires_grad_(true);
        auto unreached = torch::zeros({2}).requires_grad_(true);  // no gradient on rank 0
        auto frozen = torch::zeros({3});
        trained.mutable_grad() = torch::full({5}, rank == 0 ? 2.0f : 4.0f);
        if (rank == 1)
            unreached.mutable_grad() = torch::full({2}, 6.0f);
        group.averageParameterGradients({trained, unreached, frozen});
        EXPECT_TRUE(torch::equal(trained.grad(), torch::full({5}, 3.0f)));
        ASSERT_TRUE(unreached.grad().defined());
        EXPECT_TRUE(torch::equal(unreached.grad(), torch::full({2}, 3.0f)));
        EXPECT_FALSE(frozen.grad().defined());
    });
}

TEST(ProcessGroup, SumsAreSummedOverTheRanks) {
    onTwoRanks([](int rank, ProcessGroup& group) {
        const auto sums = group.allReduceSum({1.0 + rank, 0.25, 1e12 * rank});
        ASSERT_EQ(sums.size(), 3u);
        EXPECT_DOUBLE_EQ(sums[0], 3.0);
        EXPECT_DOUBLE_EQ(sums[1], 0.5);
        EXPECT_DOUBLE_EQ(sums[2], 1e12);
        EXPECT_TRUE(group.allReduceSum({}).empty());
    });
}

TEST(ProcessGroup, ShardedValidationSumsGiveTheWholeSetsLossAndAccuracy) {
    // 17 films scored by two ranks (9 and 8 of them, no padding), class-weighted like training:
    // the summed figures are the single-process figures of all 17.
    torch::manual_seed(5);
    InferenceOutput all;
    all.logits = torch::randn({17, 2}) * 3;
    all.labels = torch::randint(0, 2, {17}, torch::kLong);
    const auto weights = torch::tensor({0.7f, 1.9f});
    const auto whole = lossAndAccuracy(all, weights);
    // The class-weighted mean is cross-entropy's own mean reduction.
    const double reference = torch::nn::functional::cross_entropy(
                                 all.logits, all.labels, torch::nn::functional::CrossEntropyFuncOptions().weight(weights))
                                 .item<double>();
    EXPECT_NEAR(whole.loss, reference, 1e-6);
    double results[2][2];
    onTwoRanks([&](int rank, ProcessGroup& group) {
        const auto mine = evaluationShard(17, 2, rank);
        const auto idx = torch::tensor(std::vector<int64_t>(mine.begin(), mine.end()), torch::kLong);
        InferenceOutput part;
        part.logits = all.logits.index_select(0, idx);
        part.labels = all.labels.index_select(0, idx);
        const auto sums = LossSums::fromVector(group.allReduceSum(lossSums(part, weights).toVector()));
        const auto figures = fromSums(sums);
        results[rank][0] = figures.loss;
        results[rank][1] = figures.accuracy;
    });
    for (int rank : {0, 1}) {
        EXPECT_NEAR(results[rank][0], whole.loss, 1e-12) << "rank " << rank;
        EXPECT_NEAR(results[rank][1], whole.accuracy, 1e-12) << "rank " << rank;
    }
    // A shard's own figures are not the whole set's: the sums are what makes them agree.
    InferenceOutput first;
    first.logits = all.logits.slice(0, 0, 4);
    first.labels = all.labels.slice(0, 0, 4);
    EXPECT_GT(std::abs(lossAndAccuracy(first, weights).loss - whole.loss), 1e-3);
    EXPECT_THROW(fromSums(LossSums{}), Error);
}

TEST(ProcessGroup, AWorldOfOneConnectsOnAFreePort) {
    ProcessGroup group;
    group.connect(envFor(0, 1, 0));
    EXPECT_TRUE(group.connected());
    EXPECT_NE(group.env().masterPort, 0);
    auto g = torch::full({3}, 5.0f);
    group.averageGradients({g});
    EXPECT_TRUE(torch::equal(g, torch::full({3}, 5.0f)));
    EXPECT_EQ(group.allReduceSum({2.5})[0], 2.5);
}

TEST(ProcessGroup, ARankAloneAtTheRendezvousFailsWithinItsTimeout) {
    // Rank 0 of 2 waits for a rank 1 that never comes: a cxr::Error naming the missing rank and
    // the timeout after about 2 s, not a hang.
    ProcessGroup group;
    const auto start = std::chrono::steady_clock::now();
    try {
        group.connect(envFor(0, 2, test::dist::freeLoopbackPort(), 2));
        FAIL() << "connected without a peer";
    } catch (const Error& e) {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const std::string m = e.what();
        EXPECT_EQ(e.code(), ErrorCode::Training);
        EXPECT_NE(m.find("rank 0 of 2: rendezvous at 127.0.0.1:"), std::string::npos) << m;
        EXPECT_NE(m.find("failed: no answer from rank 1 within the 2 s timeout (CXR_DIST_TIMEOUT)"), std::string::npos) << m;
        EXPECT_GE(seconds, 1.5) << m;
        EXPECT_LT(seconds, 10.0) << m;
    }
    EXPECT_FALSE(group.connected());
}

TEST(ProcessGroup, ARankWhoseStoreNeverComesFailsWithinItsTimeout) {
    // Rank 1 of 2 and no rank 0 serving the store.
    ProcessGroup group;
    const auto start = std::chrono::steady_clock::now();
    try {
        group.connect(envFor(1, 2, test::dist::freeLoopbackPort(), 2));
        FAIL() << "connected without rank 0";
    } catch (const Error& e) {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const std::string m = e.what();
        EXPECT_EQ(e.code(), ErrorCode::Training);
        EXPECT_NE(m.find("rank 1 of 2: cannot reach the rendezvous store at 127.0.0.1:"), std::string::npos) << m;
        EXPECT_NE(m.find("(rank 0) within the 2 s timeout"), std::string::npos) << m;
        EXPECT_LT(seconds, 10.0) << m;
    }
}

TEST(ProcessGroup, ARankWhosePortIsTakenSaysSo) {
    const int port = test::dist::freeLoopbackPort();
    ProcessGroup first;
    std::thread peer([&] {
        try {
            ProcessGroup second;
            second.connect(envFor(1, 2, port));
            second.barrier();
        } catch (...) {
        }
    });
    first.connect(envFor(0, 2, port));
    // A second rank 0 on the same port: the store cannot be served there.
    ProcessGroup again;
    try {
        again.connect(envFor(0, 2, port, 1));
        ADD_FAILURE() << "served a store on a port in use";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("rank 0 of 2: cannot serve the rendezvous store at 127.0.0.1:" +
                                             std::to_string(port)),
                  std::string::npos)
            << e.what();
    }
    first.barrier();
    peer.join();
}

TEST(ProcessGroup, NcclIsRefusedInABuildWithoutIt) {
    ASSERT_TRUE(ProcessGroup::hasBackend("gloo"));
    if (ProcessGroup::hasBackend("nccl"))
        GTEST_SKIP() << "this is a CUDA build with NCCL";
    ProcessGroup group;
    DistEnv env = envFor(0, 1, 0);
    env.backend = "nccl";
    try {
        group.connect(env);
        FAIL() << "nccl accepted in a CPU build";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Unsupported);
        EXPECT_NE(std::string(e.what()).find("nccl needs a CUDA build"), std::string::npos) << e.what();
    }
}

TEST(ProcessGroup, CollectivesBeforeConnectAreABug) {
    ProcessGroup group;
    auto t = torch::zeros({1});
    EXPECT_THROW(group.averageGradients({t}), Error);
    EXPECT_THROW(group.barrier(), Error);
}

}  // namespace
}  // namespace cxr::training::dist
