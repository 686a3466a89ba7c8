// Where a rank trains and which backend reduces there: the CPU with Gloo, the rank's own GPU
// with NCCL; every mismatch refused with a message naming the rank and what to change.
#include <string>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/model/device.h"
#include "core/workflows/rank_device.h"

namespace cxr::workflows {
namespace {

training::dist::DistEnv rank(int r, int local, const std::string& backend) {
    training::dist::DistEnv env;
    env.rank = r;
    env.worldSize = 4;
    env.localRank = local;
    env.backend = backend;
    return env;
}

std::string refusal(const std::string& device, const training::dist::DistEnv& env) {
    try {
        rankDevice(device, env);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

TEST(RankDevice, CpuRanksUseGlooAndRefuseNccl) {
    EXPECT_EQ(rankDevice("cpu", rank(3, 1, "gloo")), "cpu");
    const auto nccl = refusal("cpu", rank(3, 1, "nccl"));
    EXPECT_NE(nccl.find("rank 3"), std::string::npos) << nccl;
    EXPECT_NE(nccl.find("--dist-backend gloo"), std::string::npos) << nccl;
    EXPECT_EQ(defaultBackend("cpu"), "gloo");
}

TEST(RankDevice, OneGpuNamedForEveryRankIsRefused) {
    if (!model::cudaAvailable()) {
        // Without CUDA, asking for it is refused before anything else, as for one process.
        EXPECT_NE(refusal("cuda", rank(1, 1, "nccl")).find("no CUDA device"), std::string::npos);
        EXPECT_NE(refusal("cuda:1", rank(1, 1, "nccl")).find("no CUDA device"), std::string::npos);
        EXPECT_EQ(rankDevice("auto", rank(1, 1, "gloo")), "cpu");
        EXPECT_EQ(defaultBackend("auto"), "gloo");
        EXPECT_EQ(defaultBackend("cuda"), "gloo");
        return;
    }
    const auto named = refusal("cuda:1", rank(2, 0, "nccl"));
    EXPECT_NE(named.find("names one GPU for every rank"), std::string::npos) << named;
    const auto gloo = refusal("cuda", rank(2, 0, "gloo"));
    EXPECT_NE(gloo.find("--dist-backend nccl"), std::string::npos) << gloo;
    EXPECT_EQ(rankDevice("cuda", rank(0, 0, "nccl")), "cuda:0");
    const int gpus = model::cudaDeviceCount();
    const auto beyond = refusal("cuda", rank(5, gpus, "nccl"));
    EXPECT_NE(beyond.find("at most one rank per GPU"), std::string::npos) << beyond;
}

}  // namespace
}  // namespace cxr::workflows
