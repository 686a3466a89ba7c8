#pragma once
// DistEnv: where this process sits in a distributed training run, read from what the launcher
// put into the environment (torchrun's RANK/WORLD_SIZE/..., or SLURM's task variables with
// MASTER_ADDR/MASTER_PORT). A plain start has none of them and stays single-process.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace cxr::training::dist {

// The rendezvous and rank layout of one process of the run. It owns nothing but values.
struct DistEnv {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;          // the process's index on its node (picks the GPU with NCCL)
    std::string masterAddr;     // host of rank 0, which serves the rendezvous store
    std::uint16_t masterPort = 0;
    std::string backend = "gloo";  // "gloo" (CPU tensors) or "nccl" (CUDA tensors)
    // How long a rendezvous or a collective may wait for a peer before the run fails instead
    // of hanging: 300 s, or CXR_DIST_TIMEOUT seconds.
    std::chrono::seconds timeout{300};

    // Which launcher's variables it came from ("torchrun" or "slurm"), for messages.
    std::string source;
    // torchrun with its static rendezvous serves the store itself (TORCHELASTIC_USE_AGENT_STORE
    // =True): every rank is then a client, and keys live under the restart's prefix
    // (TORCHELASTIC_RESTART_COUNT) so a restarted group never reads an earlier attempt's keys.
    bool agentStore = false;
    int restartCount = 0;
};

inline constexpr std::chrono::seconds kDefaultDistTimeout{300};

// Returns the value of an environment variable, or nullopt when unset. Tests pass their own.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

// Reads the launch from `lookup`: torchrun's RANK, WORLD_SIZE (LOCAL_RANK, MASTER_ADDR,
// MASTER_PORT) first, else SLURM's SLURM_PROCID, SLURM_NTASKS (SLURM_LOCALID) with
// MASTER_ADDR/MASTER_PORT. nullopt when neither launcher's variables are there, or SLURM runs
// a single task with no MASTER_ADDR (a plain start inside an allocation). Every value that is
// there but wrong throws cxr::Error(InvalidInput) naming the variable and the value.
// A world of one needs no rendezvous address: it defaults to 127.0.0.1 and a free port.
std::optional<DistEnv> detectDistEnv(const EnvLookup& lookup);

// The same from this process's environment (std::getenv).
std::optional<DistEnv> detectDistEnv();

// "gloo" or "nccl" (case-insensitive); anything else throws cxr::Error(InvalidInput).
std::string parseBackend(const std::string& name);

// "rank 1 of 2 (torchrun, 10.0.0.1:29500, gloo)", for logs and messages.
std::string describe(const DistEnv& env);

}  // namespace cxr::training::dist
