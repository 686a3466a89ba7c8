#pragma once
// ClusterJob: a training run taken from the desktop to a cluster — how many nodes and processes,
// which device, how long, and where the data and the run folder are as the cluster sees them —
// and the files that start it there: the run's config.json, a torchrun script and a SLURM batch
// script. Both scripts start `cxr train` as ranks of one data-parallel run (the launcher's
// variables are read by core/training/distributed/dist_env). Plain text, no Qt, no LibTorch:
// `cxr cluster-job` and the studio's "Export cluster job…" write the same files.
#include <filesystem>
#include <string>

#include "core/common/json_io.h"

namespace cxr::workflows {

// What a cluster job asks for. Owns only values; validate() names the first bad field.
struct ClusterJob {
    std::string jobName = "cxr-train";  // SLURM's --job-name and the torchrun rendezvous id
    int nodes = 1;
    int procsPerNode = 8;               // ranks per node: one per GPU with cuda
    // "cuda": NCCL, one rank per GPU (each picks its GPU by its local rank); "cpu": Gloo, one
    // rank per node slot, each with threadsPerRank cores.
    std::string device = "cuda";
    std::string timeLimit = "12:00:00";  // SLURM's "HH:MM:SS" or "D-HH:MM:SS"
    std::string partition;               // empty: the cluster's default
    std::string account;                 // empty: the user's default
    std::string dataDir;                 // the data folder as the cluster sees it
    std::string runDir;                  // the run folder on the cluster (rank 0 writes it)
    std::string weights;                 // ImageNet resnet18 .pth on the cluster; empty: none
    std::string executable = "cxr";      // the cxr binary on the cluster (a name on PATH or a path)
    int masterPort = 29500;              // the rendezvous port on the first node
    int threadsPerRank = 4;              // CPU cores per rank (--cpus-per-task, OMP_NUM_THREADS)

    // Throws cxr::Error(InvalidInput) naming the first bad field and why.
    void validate() const;
    // "nccl" for cuda, "gloo" for cpu.
    std::string backend() const;
    int worldSize() const { return nodes * procsPerNode; }
};

// The file names writeClusterJob writes into its folder.
inline constexpr const char* kClusterConfigFile = "config.json";
inline constexpr const char* kClusterTorchrunFile = "torchrun.sh";
inline constexpr const char* kClusterSbatchFile = "cxr-train.sbatch";

// `text` as one word of a POSIX shell: single-quoted, a ' inside written as '\''.
std::string shellQuote(const std::string& text);

// The training config the job's ranks read with `cxr train --config`: `config` is either a
// run's config.json (its "training" object is taken) or a bare training config. The job's device
// and threads per rank replace the config's; the result is validated (cxr::Error naming the
// field) and is what TrainingConfig::fromJson reads back unchanged.
Json clusterTrainingConfig(const Json& config, const ClusterJob& job);

// Scripts to run on the cluster (validate() first; throws on a bad job):
// torchrun.sh — run once on every node; python3 -m torch.distributed.run starts procsPerNode
// ranks there, meeting in a c10d rendezvous at $MASTER_ADDR:$MASTER_PORT (localhost on one
// node; not --standalone, whose fixed port 29400 merges two jobs sharing a node).
std::string renderTorchrunScript(const ClusterJob& job);
// cxr-train.sbatch — `sbatch` it from the folder that holds config.json; srun starts every rank.
std::string renderSlurmScript(const ClusterJob& job);

struct ClusterJobFiles {
    std::filesystem::path config, torchrun, sbatch;
};

// Writes DIR/config.json (clusterTrainingConfig of `config`), DIR/torchrun.sh (executable) and
// DIR/cxr-train.sbatch, each atomically, creating DIR. Existing files are refused (cxr::Error
// naming the file) unless `overwrite`; nothing is written when any is refused.
ClusterJobFiles writeClusterJob(const std::filesystem::path& dir, const Json& config, const ClusterJob& job,
                                bool overwrite = false);

// How to submit what writeClusterJob wrote: "cd DIR && sbatch cxr-train.sbatch".
std::string submitCommand(const std::filesystem::path& dir);

}  // namespace cxr::workflows
