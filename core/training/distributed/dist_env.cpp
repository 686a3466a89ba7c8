#include "core/training/distributed/dist_env.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>

#include "core/common/error.h"

namespace cxr::training::dist {
namespace {

[[noreturn]] void bad(const std::string& name, const std::string& value, const std::string& why) {
    throw Error(ErrorCode::InvalidInput,
                "distributed launch: " + name + "=\"" + value + "\" " + why);
}

// A whole number in [lo, hi] written as plain digits: "1e3", " 2", "-1" and "0x10" are refused
// rather than read as something the launcher did not mean.
long long parseWhole(const std::string& name, const std::string& value, long long lo, long long hi) {
    if (value.empty() || value.size() > 12 ||
        !std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c) != 0; }))
        bad(name, value, "is not a whole number");
    const long long n = std::stoll(value);
    if (n < lo || n > hi)
        bad(name, value, "is out of range (" + std::to_string(lo) + " to " + std::to_string(hi) + ")");
    return n;
}

// The variables one launcher sets, so messages name what that launcher calls them.
struct LauncherNames {
    const char* source;
    const char* rank;
    const char* worldSize;
    const char* localRank;
};

constexpr LauncherNames kTorchrun{"torchrun", "RANK", "WORLD_SIZE", "LOCAL_RANK"};
constexpr LauncherNames kSlurm{"slurm", "SLURM_PROCID", "SLURM_NTASKS", "SLURM_LOCALID"};
constexpr long long kMaxWorld = 1 << 20;

DistEnv readLayout(const EnvLookup& lookup, const LauncherNames& names, const std::string& rankText,
                   const std::string& worldText) {
    DistEnv env;
    env.source = names.source;
    env.worldSize = static_cast<int>(parseWhole(names.worldSize, worldText, 1, kMaxWorld));
    env.rank = static_cast<int>(parseWhole(names.rank, rankText, 0, kMaxWorld));
    if (env.rank >= env.worldSize)
        bad(names.rank, rankText, std::string("is not below ") + names.worldSize + "=" + worldText);
    if (const auto local = lookup(names.localRank)) {
        env.localRank = static_cast<int>(parseWhole(names.localRank, *local, 0, kMaxWorld));
        if (env.localRank >= env.worldSize)
            bad(names.localRank, *local, std::string("is not below ") + names.worldSize + "=" + worldText);
    }
    return env;
}

void readRendezvous(const EnvLookup& lookup, DistEnv& env) {
    const auto addr = lookup("MASTER_ADDR");
    const auto port = lookup("MASTER_PORT");
    if (addr) {
        if (addr->empty())
            bad("MASTER_ADDR", *addr, "is empty (the host of rank 0)");
        env.masterAddr = *addr;
    } else if (env.worldSize > 1) {
        throw Error(ErrorCode::InvalidInput,
                    "distributed launch: MASTER_ADDR is not set, but " + std::string(env.source == "slurm" ? "SLURM_NTASKS" : "WORLD_SIZE") +
                        "=" + std::to_string(env.worldSize) + " needs the host of rank 0");
    } else {
        env.masterAddr = "127.0.0.1";
    }
    if (port) {
        env.masterPort = static_cast<std::uint16_t>(parseWhole("MASTER_PORT", *port, 1, 65535));
    } else if (env.worldSize > 1) {
        throw Error(ErrorCode::InvalidInput,
                    "distributed launch: MASTER_PORT is not set, but " + std::string(env.source == "slurm" ? "SLURM_NTASKS" : "WORLD_SIZE") +
                        "=" + std::to_string(env.worldSize) + " needs the port of rank 0's store");
    }
    // else: a world of one serves its own store on a port the system picks (0).
}

void readTimeout(const EnvLookup& lookup, DistEnv& env) {
    env.timeout = kDefaultDistTimeout;
    if (const auto t = lookup("CXR_DIST_TIMEOUT"))
        env.timeout = std::chrono::seconds(parseWhole("CXR_DIST_TIMEOUT", *t, 1, 7LL * 24 * 3600));
}

}  // namespace

std::optional<DistEnv> detectDistEnv(const EnvLookup& lookup) {
    const auto rank = lookup("RANK");
    const auto world = lookup("WORLD_SIZE");
    DistEnv env;
    if (rank || world) {
        if (!rank)
            throw Error(ErrorCode::InvalidInput,
                        "distributed launch: WORLD_SIZE=\"" + *world + "\" is set but RANK is not");
        if (!world)
            throw Error(ErrorCode::InvalidInput,
                        "distributed launch: RANK=\"" + *rank + "\" is set but WORLD_SIZE is not");
        env = readLayout(lookup, kTorchrun, *rank, *world);
        env.agentStore = lookup("TORCHELASTIC_USE_AGENT_STORE").value_or("") == "True";
        if (const auto restarts = lookup("TORCHELASTIC_RESTART_COUNT"))
            env.restartCount = static_cast<int>(parseWhole("TORCHELASTIC_RESTART_COUNT", *restarts, 0, kMaxWorld));
    } else if (const auto procId = lookup("SLURM_PROCID")) {
        // srun sets SLURM_NTASKS; a batch script's own step may lack it and is one task.
        const std::string tasks = lookup("SLURM_NTASKS").value_or("1");
        env = readLayout(lookup, kSlurm, *procId, tasks);
        // One task and no rendezvous address: a plain start that happens to run under SLURM.
        if (env.worldSize == 1 && !lookup("MASTER_ADDR"))
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    readRendezvous(lookup, env);
    readTimeout(lookup, env);
    return env;
}

std::optional<DistEnv> detectDistEnv() {
    return detectDistEnv([](const std::string& name) -> std::optional<std::string> {
        if (const char* v = std::getenv(name.c_str()))
            return std::string(v);
        return std::nullopt;
    });
}

std::string parseBackend(const std::string& name) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "gloo" || lower == "nccl")
        return lower;
    throw Error(ErrorCode::InvalidInput,
                "distributed backend \"" + name + "\" is not one of gloo (CPU) or nccl (CUDA)");
}

std::string describe(const DistEnv& env) {
    return "rank " + std::to_string(env.rank) + " of " + std::to_string(env.worldSize) + " (" +
           (env.source.empty() ? std::string("explicit") : env.source) + ", " + env.masterAddr + ":" +
           std::to_string(env.masterPort) + ", " + env.backend + ")";
}

}  // namespace cxr::training::dist
