// Launch detection: torchrun's and SLURM's variables become the same DistEnv, a plain start is
// no launch at all, and every wrong value is refused with the variable and the value named.
#include <map>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/training/distributed/dist_env.h"

namespace cxr::training::dist {
namespace {

using Vars = std::map<std::string, std::string>;

std::optional<DistEnv> detect(const Vars& vars) {
    return detectDistEnv([&](const std::string& name) -> std::optional<std::string> {
        const auto it = vars.find(name);
        if (it == vars.end())
            return std::nullopt;
        return it->second;
    });
}

// The message of the cxr::Error(InvalidInput) that detection throws ("" when none is thrown).
std::string refusal(const Vars& vars) {
    try {
        detect(vars);
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidInput) << e.what();
        return e.what();
    }
    return "";
}

const Vars kTorchrun{{"RANK", "1"},           {"WORLD_SIZE", "4"},   {"LOCAL_RANK", "1"},
                     {"MASTER_ADDR", "10.1.2.3"}, {"MASTER_PORT", "29501"}};

Vars with(Vars base, const Vars& changes) {
    for (const auto& [k, v] : changes)
        base[k] = v;
    return base;
}

Vars without(Vars base, const std::string& name) {
    base.erase(name);
    return base;
}

TEST(DistEnv, PlainStartIsNoLaunch) {
    EXPECT_FALSE(detect({}).has_value());
    // Rendezvous variables alone (left over in a shell) do not make a launch.
    EXPECT_FALSE(detect({{"MASTER_ADDR", "h"}, {"MASTER_PORT", "1"}}).has_value());
}

TEST(DistEnv, ReadsTorchrunVariables) {
    const auto env = detect(kTorchrun);
    ASSERT_TRUE(env.has_value());
    EXPECT_EQ(env->rank, 1);
    EXPECT_EQ(env->worldSize, 4);
    EXPECT_EQ(env->localRank, 1);
    EXPECT_EQ(env->masterAddr, "10.1.2.3");
    EXPECT_EQ(env->masterPort, 29501);
    EXPECT_EQ(env->backend, "gloo");
    EXPECT_EQ(env->timeout, std::chrono::seconds(300));
    EXPECT_EQ(env->source, "torchrun");
    EXPECT_FALSE(env->agentStore);
    EXPECT_EQ(describe(*env), "rank 1 of 4 (torchrun, 10.1.2.3:29501, gloo)");
}

TEST(DistEnv, TorchrunAgentStoreAndRestart) {
    const auto env = detect(with(kTorchrun, {{"TORCHELASTIC_USE_AGENT_STORE", "True"}, {"TORCHELASTIC_RESTART_COUNT", "2"}}));
    ASSERT_TRUE(env.has_value());
    EXPECT_TRUE(env->agentStore);
    EXPECT_EQ(env->restartCount, 2);
    EXPECT_FALSE(detect(with(kTorchrun, {{"TORCHELASTIC_USE_AGENT_STORE", "False"}}))->agentStore);
}

TEST(DistEnv, TimeoutFromEnvironment) {
    EXPECT_EQ(detect(with(kTorchrun, {{"CXR_DIST_TIMEOUT", "20"}}))->timeout, std::chrono::seconds(20));
    EXPECT_NE(refusal(with(kTorchrun, {{"CXR_DIST_TIMEOUT", "0"}})).find("CXR_DIST_TIMEOUT=\"0\""), std::string::npos);
    EXPECT_NE(refusal(with(kTorchrun, {{"CXR_DIST_TIMEOUT", "5m"}})).find("CXR_DIST_TIMEOUT=\"5m\" is not a whole number"),
              std::string::npos);
}

TEST(DistEnv, ReadsSlurmVariables) {
    const auto env = detect({{"SLURM_PROCID", "5"}, {"SLURM_NTASKS", "8"}, {"SLURM_LOCALID", "1"},
                             {"MASTER_ADDR", "node01"}, {"MASTER_PORT", "29500"}});
    ASSERT_TRUE(env.has_value());
    EXPECT_EQ(env->rank, 5);
    EXPECT_EQ(env->worldSize, 8);
    EXPECT_EQ(env->localRank, 1);
    EXPECT_EQ(env->masterAddr, "node01");
    EXPECT_EQ(env->source, "slurm");
}

TEST(DistEnv, TorchrunWinsOverSlurm) {
    // torchrun started inside a SLURM allocation: its own variables describe the ranks.
    auto vars = with(kTorchrun, {{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "1"}});
    EXPECT_EQ(detect(vars)->worldSize, 4);
    EXPECT_EQ(detect(vars)->source, "torchrun");
}

TEST(DistEnv, SingleSlurmTaskWithoutAddressIsAPlainStart) {
    EXPECT_FALSE(detect({{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "1"}}).has_value());
    EXPECT_FALSE(detect({{"SLURM_PROCID", "0"}}).has_value());
    // ... but with a rendezvous address it is a run of one.
    const auto one = detect({{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "1"}, {"MASTER_ADDR", "n1"}, {"MASTER_PORT", "29500"}});
    ASSERT_TRUE(one.has_value());
    EXPECT_EQ(one->worldSize, 1);
}

TEST(DistEnv, WorldOfOneNeedsNoAddress) {
    const auto env = detect({{"RANK", "0"}, {"WORLD_SIZE", "1"}});
    ASSERT_TRUE(env.has_value());
    EXPECT_EQ(env->masterAddr, "127.0.0.1");
    EXPECT_EQ(env->masterPort, 0);  // the system picks a free port
}

TEST(DistEnv, RefusesRankOutsideTheWorld) {
    const auto m = refusal(with(kTorchrun, {{"RANK", "4"}}));
    EXPECT_NE(m.find("RANK=\"4\" is not below WORLD_SIZE=4"), std::string::npos) << m;
    const auto s = refusal({{"SLURM_PROCID", "2"}, {"SLURM_NTASKS", "2"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "1"}});
    EXPECT_NE(s.find("SLURM_PROCID=\"2\" is not below SLURM_NTASKS=2"), std::string::npos) << s;
    const auto l = refusal(with(kTorchrun, {{"LOCAL_RANK", "9"}}));
    EXPECT_NE(l.find("LOCAL_RANK=\"9\""), std::string::npos) << l;
}

TEST(DistEnv, RefusesValuesThatAreNotWholeNumbers) {
    for (const std::string bad : {"", "-1", "1.0", " 1", "1 ", "0x1", "one", "1e2"}) {
        const auto m = refusal(with(kTorchrun, {{"RANK", bad}}));
        EXPECT_NE(m.find("RANK=\"" + bad + "\" is not a whole number"), std::string::npos) << "[" << bad << "] " << m;
    }
    EXPECT_NE(refusal(with(kTorchrun, {{"WORLD_SIZE", "four"}})).find("WORLD_SIZE=\"four\""), std::string::npos);
    EXPECT_NE(refusal(with(kTorchrun, {{"WORLD_SIZE", "0"}})).find("WORLD_SIZE=\"0\" is out of range"), std::string::npos);
    EXPECT_NE(refusal(with(kTorchrun, {{"LOCAL_RANK", "x"}})).find("LOCAL_RANK=\"x\""), std::string::npos);
}

TEST(DistEnv, RefusesBadPorts) {
    EXPECT_NE(refusal(with(kTorchrun, {{"MASTER_PORT", "http"}})).find("MASTER_PORT=\"http\" is not a whole number"),
              std::string::npos);
    EXPECT_NE(refusal(with(kTorchrun, {{"MASTER_PORT", "65536"}})).find("MASTER_PORT=\"65536\" is out of range"),
              std::string::npos);
    EXPECT_NE(refusal(with(kTorchrun, {{"MASTER_PORT", "0"}})).find("MASTER_PORT=\"0\""), std::string::npos);
}

TEST(DistEnv, RefusesMissingRendezvousForSeveralRanks) {
    const auto a = refusal(without(kTorchrun, "MASTER_ADDR"));
    EXPECT_NE(a.find("MASTER_ADDR is not set"), std::string::npos) << a;
    EXPECT_NE(a.find("WORLD_SIZE=4"), std::string::npos) << a;
    const auto p = refusal(without(kTorchrun, "MASTER_PORT"));
    EXPECT_NE(p.find("MASTER_PORT is not set"), std::string::npos) << p;
    const auto s = refusal({{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "2"}});
    EXPECT_NE(s.find("MASTER_ADDR is not set, but SLURM_NTASKS=2"), std::string::npos) << s;
    EXPECT_NE(refusal(with(kTorchrun, {{"MASTER_ADDR", ""}})).find("MASTER_ADDR=\"\" is empty"), std::string::npos);
}

TEST(DistEnv, RefusesHalfATorchrunLaunch) {
    EXPECT_NE(refusal(without(kTorchrun, "WORLD_SIZE")).find("RANK=\"1\" is set but WORLD_SIZE is not"), std::string::npos);
    EXPECT_NE(refusal(without(kTorchrun, "RANK")).find("WORLD_SIZE=\"4\" is set but RANK is not"), std::string::npos);
}

TEST(DistEnv, Backends) {
    EXPECT_EQ(parseBackend("gloo"), "gloo");
    EXPECT_EQ(parseBackend("NCCL"), "nccl");
    try {
        parseBackend("mpi");
        FAIL() << "mpi accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
        EXPECT_NE(std::string(e.what()).find("\"mpi\""), std::string::npos);
    }
}

}  // namespace
}  // namespace cxr::training::dist
