// The exported cluster job, run: `cxr cluster-job` writes a cpu job of one node with two ranks
// for a tiny synthetic set, then its torchrun.sh runs as written (python3 -m torch.distributed.run,
// Gloo on loopback), and its cxr-train.sbatch runs under a stand-in srun that starts the two
// tasks with SLURM's variables the way srun does. Both runs finish with rank 0's model exported.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <gtest/gtest.h>

#include "core/common/atomic_file.h"
#include "core/common/json_io.h"
#include "core/training/run_state.h"
#include "core/training/training_config.h"
#include "core/workflows/cluster_job.h"
#include "test_dirs.h"

namespace cxr::workflows {
namespace {

namespace fs = std::filesystem;

struct Shell {
    int status = -1;
    std::string output;
};

Shell shell(const std::string& cmd, const fs::path& log) {
    const int raw = std::system((cmd + " > " + shellQuote(log.string()) + " 2>&1").c_str());
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, readFileText(log)};
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++n;
    return n;
}

// A tiny set and the smallest config that still runs all three phases, as `cxr cluster-job`
// takes it (--config). Ranks get one thread each (--cpus-per-rank 1).
fs::path prepare(const fs::path& dir) {
    const auto synth = shell(std::string(CXR_CLI_BINARY) + " synth " + shellQuote((dir / "data").string()) +
                                 " --train 24 --val 4 --test 12 --size 64 --seed 11",
                             dir / "synth.txt");
    EXPECT_EQ(synth.status, 0) << synth.output;
    training::TrainingConfig config;
    for (auto& p : config.phases)
        p.epochs = 1;
    config.batchSize = 4;
    config.imageSize = 32;
    config.workingSize = 40;
    config.workers = 1;
    writeJsonFile(dir / "planned.json", config.toJson());
    return dir / "planned.json";
}

// `cxr cluster-job` for 1 node x 2 cpu ranks into OUT, the run folder (with a space) in dir.
Shell exportJob(const fs::path& dir, const fs::path& config, const fs::path& out, int port) {
    return shell(std::string(CXR_CLI_BINARY) + " cluster-job --config " + shellQuote(config.string()) +
                     " --data " + shellQuote((dir / "data").string()) + " --run-dir " +
                     shellQuote((dir / "cluster run").string()) + " --device cpu --nodes 1 --procs-per-node 2" +
                     " --cpus-per-rank 1 --time 00:10:00 --port " + std::to_string(port) + " --cxr " +
                     CXR_CLI_BINARY + " --out " + shellQuote(out.string()),
                 dir / "export.txt");
}

void expectFinishedRun(const fs::path& run, const std::string& output) {
    EXPECT_EQ(count(output, "Distributed training: rank 0 of 2"), 1u) << output;
    EXPECT_EQ(count(output, "Run folder:"), 1u) << output;
    EXPECT_TRUE(fs::is_regular_file(run / "X_ray_classifier.pth")) << output;
    EXPECT_TRUE(fs::is_regular_file(run / "evaluation.json"));
    const auto state = training::RunState::read(run / "state.json");
    EXPECT_EQ(state.status, "finished");
    EXPECT_EQ(state.worldSize, 2);
    // The run trained what the job's config.json said: the device and threads the job set.
    const auto stored = readJsonFile(run / "config.json").at("training");
    EXPECT_EQ(stored.at("device"), "cpu");
    EXPECT_EQ(stored.at("threads"), 1);
    EXPECT_EQ(stored.at("imageSize"), 32);
}

TEST(ClusterJobRun, ExportedTorchrunScriptTrainsTwoRanks) {
    const fs::path dir = test::scratchDir();
    const fs::path out = dir / "job";
    // The rendezvous port of this job alone: sessions beside it may run torchrun at the same time.
    const int port = 20000 + static_cast<int>((::getpid() + 7919) % 20000);
    const auto exported = exportJob(dir, prepare(dir), out, port);
    ASSERT_EQ(exported.status, 0) << exported.output;
    // Debian's torchrun under Python 3.12 needs its output redirected (see torchrun_train_test);
    // the script takes such launcher options from TORCHRUN_EXTRA and stays as a cluster needs it.
    const auto run = shell("cd / && CXR_DIST_TIMEOUT=60 PYTHON=/usr/bin/python3 TORCHRUN_EXTRA='--redirects 2 --tee 2 "
                           "--log_dir " + (dir / "logs").string() + "' " + shellQuote((out / "torchrun.sh").string()),
                           dir / "torchrun.txt");
    ASSERT_EQ(run.status, 0) << run.output;
    expectFinishedRun(dir / "cluster run", run.output);
}

TEST(ClusterJobRun, ExportedSlurmScriptTrainsTwoRanksUnderAStandInSrun) {
    const fs::path dir = test::scratchDir();
    const fs::path out = dir / "job";
    // A port of its own: the batch script sets MASTER_PORT itself, as on a cluster's own nodes.
    const int port = 20000 + static_cast<int>(::getpid() % 20000);
    const auto exported = exportJob(dir, prepare(dir), out, port);
    ASSERT_EQ(exported.status, 0) << exported.output;
    const fs::path bin = dir / "bin";
    fs::create_directories(bin);
    // srun: its options skipped, SLURM_NTASKS copies of the command with each task's variables;
    // fails when a task fails. scontrol: the allocation's one host.
    std::ofstream(bin / "srun") << "#!/bin/bash\n"
                                   "while [[ $1 == --* ]]; do shift; done\n"
                                   "pids=()\n"
                                   "for ((i = 0; i < SLURM_NTASKS; i++)); do\n"
                                   "  SLURM_PROCID=$i SLURM_LOCALID=$i \"$@\" &\n"
                                   "  pids+=($!)\n"
                                   "done\n"
                                   "rc=0\n"
                                   "for p in \"${pids[@]}\"; do wait \"$p\" || rc=1; done\n"
                                   "exit $rc\n";
    std::ofstream(bin / "scontrol") << "#!/bin/bash\necho 127.0.0.1\n";
    for (const char* f : {"srun", "scontrol"})
        fs::permissions(bin / f, fs::perms::owner_all, fs::perm_options::add);
    const auto run = shell("cd " + shellQuote(out.string()) + " && CXR_DIST_TIMEOUT=60 PATH=" +
                               shellQuote(bin.string()) + ":$PATH SLURM_JOB_NODELIST=localhost SLURM_NTASKS=2 " +
                               "SLURM_SUBMIT_DIR=" + shellQuote(out.string()) + " SLURM_CPUS_PER_TASK=1 bash " +
                               "cxr-train.sbatch",
                           dir / "sbatch.txt");
    ASSERT_EQ(run.status, 0) << run.output;
    expectFinishedRun(dir / "cluster run", run.output);
    EXPECT_NE(run.output.find("(slurm, 127.0.0.1:" + std::to_string(port)), std::string::npos) << run.output;
}

}  // namespace
}  // namespace cxr::workflows
