// The cluster-job export: the #SBATCH lines and torchrun options for given fields, paths with
// spaces and quotes reaching cxr as one argument each (the scripts run with stand-ins for
// python3, srun and scontrol that print what they were given), validation naming the field,
// the three files (executable torchrun.sh, `bash -n`, config.json read back by TrainingConfig,
// no silent overwrite), and `cxr cluster-job` run as a user would.
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/training/training_config.h"
#include "core/workflows/cluster_job.h"
#include "hardening/cli_process.h"
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

void writeText(const fs::path& file, const std::string& text, bool executable = false) {
    std::ofstream(file) << text;
    if (executable)
        fs::permissions(file, fs::perms::owner_all, fs::perm_options::add);
}

bool hasLine(const std::string& text, const std::string& line) {
    return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::string line;
    for (const char c : text) {
        if (c == '\n') {
            out.push_back(line);
            line.clear();
        } else {
            line += c;
        }
    }
    if (!line.empty())
        out.push_back(line);
    return out;
}

ClusterJob gpuJob() {
    ClusterJob job;
    job.nodes = 2;
    job.procsPerNode = 4;
    job.device = "cuda";
    job.timeLimit = "1-02:03:04";
    job.partition = "gpu";
    job.account = "proj_1";
    job.dataDir = "/data/chest_xray";
    job.runDir = "/scratch/runs/r1";
    job.threadsPerRank = 6;
    return job;
}

TEST(ClusterJob, SlurmScriptHasEachSbatchLineForTheFields) {
    const std::string s = renderSlurmScript(gpuJob());
    EXPECT_EQ(s.rfind("#!/bin/bash\n", 0), 0u) << s;
    for (const char* line : {"#SBATCH --job-name=cxr-train", "#SBATCH --nodes=2", "#SBATCH --ntasks-per-node=4",
                             "#SBATCH --gpus-per-node=4", "#SBATCH --cpus-per-task=6", "#SBATCH --time=1-02:03:04",
                             "#SBATCH --partition=gpu", "#SBATCH --account=proj_1",
                             "#SBATCH --output=cxr-train-%j.out", "export MASTER_PORT=29500",
                             "MASTER_ADDR=\"$(scontrol show hostnames \"$SLURM_JOB_NODELIST\" | head -n 1)\" || true",
                             "DATA='/data/chest_xray'", "RUN='/scratch/runs/r1'",
                             "srun --kill-on-bad-exit=1 \"$CXR\" train \"$DATA\" --out \"$RUN\" \"${TRAIN[@]}\" "
                             "--dist-backend nccl --no-record"})
        EXPECT_TRUE(hasLine(s, line)) << line << "\n" << s;
    // SLURM reads #SBATCH only before the first command.
    bool commandSeen = false;
    for (const auto& l : lines(s)) {
        if (l.rfind("#SBATCH", 0) == 0)
            EXPECT_FALSE(commandSeen) << l;
        else if (!l.empty() && l[0] != '#')
            commandSeen = true;
    }

    auto cpu = gpuJob();
    cpu.device = "cpu";
    cpu.partition.clear();
    cpu.account.clear();
    cpu.jobName = "xr.small";
    cpu.masterPort = 31000;
    const std::string c = renderSlurmScript(cpu);
    EXPECT_EQ(c.find("--gpus-per-node"), std::string::npos) << c;
    EXPECT_EQ(c.find("--partition"), std::string::npos) << c;
    EXPECT_EQ(c.find("--account"), std::string::npos) << c;
    EXPECT_TRUE(hasLine(c, "#SBATCH --job-name=xr.small")) << c;
    EXPECT_TRUE(hasLine(c, "#SBATCH --output=xr.small-%j.out")) << c;
    EXPECT_TRUE(hasLine(c, "export MASTER_PORT=31000")) << c;
    EXPECT_NE(c.find("--dist-backend gloo --no-record"), std::string::npos) << c;
    EXPECT_EQ(c.find("nccl"), std::string::npos) << c;
}

TEST(ClusterJob, TorchrunScriptIsStandaloneOnOneNodeAndRendezvousesOnSeveral) {
    auto one = gpuJob();
    one.nodes = 1;
    one.procsPerNode = 2;
    one.device = "cpu";
    const std::string s = renderTorchrunScript(one);
    EXPECT_EQ(s.rfind("#!/usr/bin/env bash\n", 0), 0u) << s;
    // One node: the rendezvous on this host at MASTER_PORT, not --standalone's fixed port 29400
    // that two jobs sharing a node would both take.
    EXPECT_TRUE(hasLine(s, "    --nnodes 1 --nproc_per_node 2 \\")) << s;
    EXPECT_TRUE(
        hasLine(s, "    --rdzv_backend c10d --rdzv_endpoint \"localhost:$MASTER_PORT\" --rdzv_id 'cxr-train' \\"))
        << s;
    EXPECT_TRUE(hasLine(s, "MASTER_PORT=\"${MASTER_PORT:-29500}\"")) << s;
    EXPECT_EQ(s.find("\n    --standalone"), std::string::npos) << s;
    EXPECT_EQ(s.find("MASTER_ADDR="), std::string::npos) << s;
    EXPECT_NE(s.find("--dist-backend gloo --no-record"), std::string::npos) << s;
    EXPECT_NE(s.find("-m torch.distributed.run --no_python"), std::string::npos) << s;

    const std::string m = renderTorchrunScript(gpuJob());
    EXPECT_TRUE(hasLine(m, "    --nnodes 2 --nproc_per_node 4 \\")) << m;
    EXPECT_TRUE(
        hasLine(m, "    --rdzv_backend c10d --rdzv_endpoint \"$MASTER_ADDR:$MASTER_PORT\" --rdzv_id 'cxr-train' \\"))
        << m;
    EXPECT_TRUE(hasLine(m, "MASTER_PORT=\"${MASTER_PORT:-29500}\"")) << m;
    EXPECT_NE(m.find("MASTER_ADDR=\"${MASTER_ADDR:?"), std::string::npos) << m;
    EXPECT_EQ(m.find("localhost"), std::string::npos) << m;
    EXPECT_NE(m.find("--dist-backend nccl"), std::string::npos) << m;
}

TEST(ClusterJob, ShellQuoteKeepsEveryCharacter) {
    EXPECT_EQ(shellQuote("plain"), "'plain'");
    EXPECT_EQ(shellQuote("it's"), "'it'\\''s'");
    EXPECT_EQ(shellQuote(""), "''");
    const fs::path dir = test::scratchDir();
    const std::string nasty = "a b'c\"d $HOME `x` \\ *";
    const auto r = shell("printf '%s' " + shellQuote(nasty), dir / "out.txt");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.output, nasty);
}

// Runs the exported scripts with stand-ins that print their arguments one per line: the paths
// with spaces, quotes and dollars reach cxr as one argument each, unchanged.
TEST(ClusterJob, PathsWithSpacesAndQuotesReachCxrAsOneArgumentEach) {
    const fs::path dir = test::scratchDir();
    const fs::path bin = dir / "bin";
    fs::create_directories(bin);
    const std::string printArgs = "#!/bin/bash\nfor a in \"$@\"; do printf '<%s>\\n' \"$a\"; done\n";
    writeText(bin / "python3", printArgs, true);
    writeText(bin / "srun", printArgs + "echo \"<MASTER $MASTER_ADDR:$MASTER_PORT>\"\n", true);
    writeText(bin / "scontrol", "#!/bin/bash\necho \"scontrol $*\" >&2\necho node007\necho node008\n", true);

    auto job = gpuJob();
    job.dataDir = "/data/chest x'ray \"set\" $HOME";
    job.runDir = "/scratch/my runs/r 1";
    job.weights = "/w/resnet 18.pth";
    const fs::path out = dir / "job folder";
    const auto files = writeClusterJob(out, training::TrainingConfig().toJson(), job);

    const std::string env = "PATH=" + shellQuote(bin.string()) + ":/usr/bin:/bin ";
    const auto tr = shell(env + "MASTER_ADDR=node007 PYTHON=python3 TORCHRUN_EXTRA='--redirects 2 --tee 2' bash " +
                              shellQuote(files.torchrun.string()),
                          dir / "torchrun.txt");
    ASSERT_EQ(tr.status, 0) << tr.output;
    const std::string configArg = "<" + (out / "config.json").string() + ">";
    for (const std::string& a :
         {std::string("<-m>"), std::string("<torch.distributed.run>"), std::string("<--rdzv_endpoint>"),
          std::string("<node007:29500>"), std::string("<--redirects>"), std::string("<2>"), std::string("<cxr>"),
          std::string("<train>"), "<" + job.dataDir + ">", "<" + job.runDir + ">", configArg,
          "<" + job.weights + ">", std::string("<nccl>"), std::string("<--no-record>")})
        EXPECT_TRUE(hasLine(tr.output, a)) << a << "\n" << tr.output;

    // Without MASTER_ADDR a multi-node start stops before torchrun, saying what is missing.
    const auto noAddr = shell(env + "bash " + shellQuote(files.torchrun.string()), dir / "noaddr.txt");
    EXPECT_NE(noAddr.status, 0);
    EXPECT_NE(noAddr.output.find("set MASTER_ADDR to the host name of the first node"), std::string::npos) << noAddr.output;

    // The batch script under a stand-in SLURM: the first host is the master, the config is the
    // submit folder's, CXR_RESUME=1 turns --config into --resume.
    const std::string slurmEnv = env + "SLURM_JOB_NODELIST='node[007-008]' SLURM_SUBMIT_DIR=" +
                                 shellQuote(out.string()) + " CXR=/opt/cxr/bin/cxr ";
    const auto sb = shell(slurmEnv + "bash " + shellQuote(files.sbatch.string()),
                          dir / "sbatch.txt");
    ASSERT_EQ(sb.status, 0) << sb.output;
    for (const std::string& a :
         {std::string("scontrol show hostnames node[007-008]"), std::string("<MASTER node007:29500>"),
          std::string("<--kill-on-bad-exit=1>"),
          std::string("</opt/cxr/bin/cxr>"), "<" + job.dataDir + ">", "<" + job.runDir + ">", configArg,
          std::string("<--config>"), std::string("<nccl>")})
        EXPECT_TRUE(hasLine(sb.output, a)) << a << "\n" << sb.output;
    const auto resume = shell(slurmEnv + "CXR_RESUME=1 bash " + shellQuote(files.sbatch.string()), dir / "resume.txt");
    ASSERT_EQ(resume.status, 0) << resume.output;
    EXPECT_TRUE(hasLine(resume.output, "<--resume>")) << resume.output;
    EXPECT_FALSE(hasLine(resume.output, "<--config>")) << resume.output;
    EXPECT_FALSE(hasLine(resume.output, "<--weights>")) << resume.output;
}

TEST(ClusterJob, BadFieldsAreRefusedNamingTheField) {
    struct Case {
        std::function<void(ClusterJob&)> change;
        std::string named;
    };
    const std::vector<Case> cases = {
        {[](ClusterJob& j) { j.nodes = 0; }, "nodes must be 1 to 4096, got 0"},
        {[](ClusterJob& j) { j.procsPerNode = 0; }, "processes per node must be 1 to 1024, got 0"},
        {[](ClusterJob& j) { j.device = "tpu"; }, "device must be cuda or cpu, got 'tpu'"},
        {[](ClusterJob& j) { j.timeLimit = "12:00"; }, "time limit must be HH:MM:SS or D-HH:MM:SS, got '12:00'"},
        {[](ClusterJob& j) { j.timeLimit = "12:60:00"; }, "time limit has minutes or seconds above 59"},
        {[](ClusterJob& j) { j.timeLimit = "1-24:00:00"; }, "time limit has hours above 23 after a day count"},
        {[](ClusterJob& j) { j.timeLimit = "00:00:00"; }, "time limit is zero"},
        {[](ClusterJob& j) { j.timeLimit = "1d"; }, "time limit must be"},
        {[](ClusterJob& j) { j.partition = "gpu a"; }, "partition may hold only"},
        {[](ClusterJob& j) { j.account = "a;rm"; }, "account may hold only"},
        {[](ClusterJob& j) { j.jobName = ""; }, "job name is empty"},
        {[](ClusterJob& j) { j.dataDir = ""; }, "data folder is empty"},
        {[](ClusterJob& j) { j.runDir = "/a\n/b"; }, "run folder must be a single line"},
        {[](ClusterJob& j) { j.executable = "my cxr"; }, "cxr executable must be a plain name"},
        {[](ClusterJob& j) { j.masterPort = 70000; }, "master port must be 1 to 65535, got 70000"},
        {[](ClusterJob& j) { j.threadsPerRank = 0; }, "threads per rank must be 1 to 1024, got 0"},
    };
    for (const auto& c : cases) {
        auto job = gpuJob();
        c.change(job);
        try {
            renderSlurmScript(job);
            ADD_FAILURE() << "accepted: " << c.named;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
            EXPECT_NE(std::string(e.what()).find(c.named), std::string::npos) << e.what();
        }
        EXPECT_THROW(renderTorchrunScript(job), Error) << c.named;
    }
    for (const char* ok : {"12:00:00", "99:59:59", "0-00:00:01", "7-23:59:59", "00:30:00"}) {
        auto job = gpuJob();
        job.timeLimit = ok;
        EXPECT_NO_THROW(job.validate()) << ok;
    }
}

TEST(ClusterJob, WritesThreeFilesConfigReadsBackAndExistingFilesAreKept) {
    const fs::path dir = test::scratchDir();
    training::TrainingConfig planned;
    planned.batchSize = 48;
    planned.phases[2].epochs = 12;
    planned.device = "auto";
    // A run's config.json: the training config under "training", beside what the run recorded.
    const Json runConfig = {{"training", planned.toJson()}, {"dataDir", "/home/me/data"}, {"pretrained", false}};
    auto job = gpuJob();
    job.device = "cpu";
    job.threadsPerRank = 3;
    const fs::path out = dir / "job";
    const auto files = writeClusterJob(out, runConfig, job);
    EXPECT_EQ(files.config, out / "config.json");
    EXPECT_EQ(files.torchrun, out / "torchrun.sh");
    EXPECT_EQ(files.sbatch, out / "cxr-train.sbatch");
    for (const auto& f : {files.config, files.torchrun, files.sbatch})
        EXPECT_TRUE(fs::is_regular_file(f)) << f;
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(out))
        names.insert(e.path().filename().string());
    EXPECT_EQ(names, (std::set<std::string>{"config.json", "torchrun.sh", "cxr-train.sbatch"}));  // no temporaries
    EXPECT_NE(fs::status(files.torchrun).permissions() & fs::perms::owner_exec, fs::perms::none);
    EXPECT_EQ(readFileText(files.torchrun), renderTorchrunScript(job));
    EXPECT_EQ(readFileText(files.sbatch), renderSlurmScript(job));
    for (const auto& f : {files.torchrun, files.sbatch}) {
        const auto syntax = shell("bash -n " + shellQuote(f.string()), dir / "syntax.txt");
        EXPECT_EQ(syntax.status, 0) << f << ": " << syntax.output;
    }

    // config.json is a bare training config that TrainingConfig reads back as it stands, the
    // run's own settings kept and the job's device and threads in place.
    const Json written = readJsonFile(files.config);
    const auto back = training::TrainingConfig::fromJson(written);
    EXPECT_EQ(back.toJson(), written);
    EXPECT_FALSE(written.contains("training"));
    EXPECT_EQ(back.batchSize, 48);
    EXPECT_EQ(back.phases[2].epochs, 12);
    EXPECT_EQ(back.device, "cpu");
    EXPECT_EQ(back.threads, 3);
    // A bare config is taken as well.
    EXPECT_EQ(clusterTrainingConfig(planned.toJson(), job), written);

    // A second export into the same folder is refused naming the file, and nothing changes.
    const std::string before = readFileText(files.sbatch);
    auto other = job;
    other.nodes = 5;
    try {
        writeClusterJob(out, runConfig, other);
        ADD_FAILURE() << "overwrote an existing job";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find((out / "config.json").string()), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos) << e.what();
    }
    EXPECT_EQ(readFileText(files.sbatch), before);
    writeClusterJob(out, runConfig, other, /*overwrite=*/true);
    EXPECT_TRUE(hasLine(readFileText(files.sbatch), "#SBATCH --nodes=5"));

    // A bad training config or a file where the folder should be: refused by name.
    Json badConfig = planned.toJson();
    badConfig["batchSize"] = 0;
    EXPECT_THROW(writeClusterJob(dir / "job2", badConfig, job), Error);
    EXPECT_FALSE(fs::exists(dir / "job2" / "torchrun.sh"));
    writeText(dir / "plainfile", "x");
    try {
        writeClusterJob(dir / "plainfile", runConfig, job);
        ADD_FAILURE() << "wrote into a file";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("plainfile"), std::string::npos) << e.what();
    }
}

TEST(ClusterJob, CliWritesTheJobAndRefusesBadInputByName) {
    const fs::path dir = test::scratchDir();
    training::TrainingConfig planned;
    planned.batchSize = 16;
    const fs::path run = dir / "run";
    fs::create_directories(run);
    writeJsonFile(run / "config.json", Json{{"training", planned.toJson()}, {"pretrained", true}});

    const fs::path out = dir / "job out";
    const std::vector<std::string> args = {"cluster-job", "--run", run.string(), "--data", "/data/x ray",
                                           "--run-dir", "/scratch/r1", "--nodes", "2", "--procs-per-node", "3",
                                           "--device", "cpu", "--time", "2-00:00:00", "--partition", "short",
                                           "--account", "lab7", "--out", out.string()};
    const auto ok = test::runCli(args, dir / "ok.txt");
    ASSERT_EQ(ok.code, 0) << ok.output;
    for (const char* f : {"config.json", "torchrun.sh", "cxr-train.sbatch"})
        EXPECT_NE(ok.output.find((out / f).string()), std::string::npos) << f << "\n" << ok.output;
    EXPECT_NE(ok.output.find("cd '" + out.string() + "' && sbatch cxr-train.sbatch"), std::string::npos) << ok.output;
    const std::string sbatch = readFileText(out / "cxr-train.sbatch");
    for (const char* line : {"#SBATCH --nodes=2", "#SBATCH --ntasks-per-node=3", "#SBATCH --time=2-00:00:00",
                             "#SBATCH --partition=short", "#SBATCH --account=lab7", "DATA='/data/x ray'"})
        EXPECT_TRUE(hasLine(sbatch, line)) << line << "\n" << sbatch;
    EXPECT_EQ(training::TrainingConfig::fromJson(readJsonFile(out / "config.json")).batchSize, 16);

    // Again without --force: refused, naming the file; with it: replaced.
    const auto again = test::runCli(args, dir / "again.txt");
    EXPECT_EQ(again.code, 1) << again.output;
    EXPECT_NE(again.output.find("config.json"), std::string::npos) << again.output;
    EXPECT_NE(again.output.find("already exists"), std::string::npos) << again.output;
    auto forced = args;
    forced.push_back("--force");
    forced[8] = "5";  // --nodes
    EXPECT_EQ(test::runCli(forced, dir / "forced.txt").code, 0);
    EXPECT_TRUE(hasLine(readFileText(out / "cxr-train.sbatch"), "#SBATCH --nodes=5"));

    // A bad time limit names the field; a run folder without config.json names the file.
    auto badTime = forced;
    badTime[14] = "25 hours";
    const auto t = test::runCli(badTime, dir / "time.txt");
    EXPECT_EQ(t.code, 1) << t.output;
    EXPECT_NE(t.output.find("time limit must be HH:MM:SS or D-HH:MM:SS, got '25 hours'"), std::string::npos)
        << t.output;
    auto noRun = forced;
    noRun[2] = (dir / "nowhere").string();
    const auto n = test::runCli(noRun, dir / "norun.txt");
    EXPECT_EQ(n.code, 1) << n.output;
    EXPECT_NE(n.output.find((dir / "nowhere" / "config.json").string()), std::string::npos) << n.output;
    // Neither --run nor --config: a usage error.
    const auto none = test::runCli({"cluster-job", "--data", "/d", "--run-dir", "/r", "--out", out.string()},
                                   dir / "none.txt");
    EXPECT_EQ(none.code, 2) << none.output;
    // Listed in the help.
    const auto help = test::runCli({"--help"}, dir / "help.txt");
    EXPECT_NE(help.output.find("cluster-job"), std::string::npos) << help.output;
}

}  // namespace
}  // namespace cxr::workflows
