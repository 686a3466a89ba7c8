// `cxr cluster-job`: writes a run's config.json, a torchrun script and a SLURM batch script into a
// folder, so the same training runs as ranks of one job on a cluster.
#include <iostream>
#include <memory>

#include "app/cli/command.h"
#include "core/common/error.h"
#include "core/common/json_io.h"
#include "core/workflows/cluster_job.h"

namespace cxr::cli {
namespace {

struct ClusterJobArgs {
    std::string run, config, out;
    bool force = false;
    workflows::ClusterJob job;
};

const CommandRegistration kClusterJob(22, [](CLI::App& root, CLI::App*& sub) -> CommandRun {
    sub = root.add_subcommand("cluster-job", "Write a SLURM batch script and a torchrun script for a training run");
    sub->description(
        "Write OUT/config.json (the training config of --run RUN or --config FILE, with the job's device "
        "and threads per rank), OUT/torchrun.sh (run on every node; torchrun starts the ranks) and "
        "OUT/cxr-train.sbatch (sbatch it from OUT; srun starts the ranks). Both start `cxr train DATA "
        "--out RUN-DIR --config config.json` as ranks of one data-parallel run: cuda uses NCCL with one "
        "rank per GPU, cpu uses Gloo. DATA and RUN-DIR are paths as the cluster sees them; every node "
        "must see them. Existing files are kept unless --force.");
    auto a = std::make_shared<ClusterJobArgs>();
    auto* source = sub->add_option_group("source", "Which training config the job runs");
    source->add_option("--run", a->run, "A run folder whose config.json the job repeats");
    source->add_option("--config", a->config, "A training config JSON (a run's config.json or a bare config)");
    source->require_option(1);
    sub->add_option("--out", a->out, "Folder to write the three files into (created)")->required();
    sub->add_option("--data", a->job.dataDir, "The data folder as the cluster sees it")->required();
    sub->add_option("--run-dir", a->job.runDir, "The run folder on the cluster (rank 0 writes it)")->required();
    sub->add_option("--nodes", a->job.nodes, "Nodes")->capture_default_str()->check(CLI::Range(1, 4096));
    sub->add_option("--gpus-per-node,--procs-per-node", a->job.procsPerNode,
                    "Ranks per node: one per GPU with cuda, processes with cpu")
        ->capture_default_str()
        ->check(CLI::Range(1, 1024));
    sub->add_option("--device", a->job.device, "cuda (NCCL) or cpu (Gloo)")
        ->capture_default_str()
        ->check(CLI::IsMember({"cuda", "cpu"}));
    sub->add_option("--time", a->job.timeLimit, "Time limit, HH:MM:SS or D-HH:MM:SS")->capture_default_str();
    sub->add_option("--partition", a->job.partition, "SLURM partition (default: the cluster's)");
    sub->add_option("--account", a->job.account, "SLURM account (default: the user's)");
    sub->add_option("--job-name", a->job.jobName, "SLURM job name")->capture_default_str();
    sub->add_option("--cpus-per-rank", a->job.threadsPerRank, "CPU threads per rank (--cpus-per-task)")
        ->capture_default_str()
        ->check(CLI::Range(1, 1024));
    sub->add_option("--port", a->job.masterPort, "Rendezvous port on the first node")
        ->capture_default_str()
        ->check(CLI::Range(1, 65535));
    sub->add_option("--cxr", a->job.executable, "The cxr binary on the cluster (a name on PATH or a path)")
        ->capture_default_str();
    sub->add_option("--weights", a->job.weights, "ImageNet resnet18 weights (.pth) as the cluster sees them");
    sub->add_flag("--force", a->force, "Replace config.json, torchrun.sh and cxr-train.sbatch in OUT");
    return [a] {
        const std::filesystem::path configFile =
            a->run.empty() ? std::filesystem::path(a->config) : std::filesystem::path(a->run) / "config.json";
        const auto files = workflows::writeClusterJob(a->out, readJsonFile(configFile), a->job, a->force);
        std::cout << "Cluster job: " << a->job.worldSize() << " rank" << (a->job.worldSize() == 1 ? "" : "s") << " ("
                  << a->job.nodes << " x " << a->job.procsPerNode << "), device " << a->job.device << ", "
                  << a->job.backend() << ", time " << a->job.timeLimit << "\n"
                  << "Wrote:\n"
                  << "  " << files.config.string() << "\n"
                  << "  " << files.torchrun.string() << "\n"
                  << "  " << files.sbatch.string() << "\n"
                  << "Copy the folder to the cluster and submit it there:\n"
                  << "  " << workflows::submitCommand(a->out) << "\n"
                  << "or start " << workflows::kClusterTorchrunFile << " on "
                  << (a->job.nodes == 1 ? "the node" : "every node (MASTER_ADDR=<first node>)") << ".\n";
        return 0;
    };
});

}  // namespace
}  // namespace cxr::cli
