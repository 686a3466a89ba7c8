#include "core/workflows/cluster_job.h"

#include <regex>
#include <sstream>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/training/training_config.h"

namespace cxr::workflows {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void bad(const std::string& field, const std::string& why) {
    throw Error(ErrorCode::InvalidInput, "cluster job: " + field + " " + why);
}

// A field that is written into a script or an #SBATCH line: one line, and not empty when needed.
void checkLine(const std::string& field, const std::string& value, bool required) {
    if (required && value.empty())
        bad(field, "is empty");
    if (value.find_first_of("\n\r") != std::string::npos || value.find('\0') != std::string::npos)
        bad(field, "must be a single line, got '" + value + "'");
}

// SLURM names (partition, account, job name) appear unquoted on #SBATCH lines: a space or a
// shell character there would silently change what the scheduler reads.
void checkSlurmName(const std::string& field, const std::string& value, bool required) {
    static const std::regex name("[A-Za-z0-9_.,+-]+");
    if (value.empty()) {
        if (required)
            bad(field, "is empty");
        return;
    }
    if (!std::regex_match(value, name))
        bad(field, "may hold only letters, digits and _ . , + - (got '" + value + "')");
}

// "HH:MM:SS" (any number of hours up to 99) or "D-HH:MM:SS" (hours below 24), not zero.
void checkTimeLimit(const std::string& value) {
    static const std::regex form("(?:([0-9]{1,3})-)?([0-9]{2}):([0-9]{2}):([0-9]{2})");
    std::smatch m;
    if (!std::regex_match(value, m, form))
        bad("time limit", "must be HH:MM:SS or D-HH:MM:SS, got '" + value + "'");
    const int hours = std::stoi(m[2].str()), minutes = std::stoi(m[3].str()), seconds = std::stoi(m[4].str());
    if (minutes > 59 || seconds > 59)
        bad("time limit", "has minutes or seconds above 59: '" + value + "'");
    if (m[1].matched && hours > 23)
        bad("time limit", "has hours above 23 after a day count: '" + value + "'");
    const int days = m[1].matched ? std::stoi(m[1].str()) : 0;
    if (days == 0 && hours == 0 && minutes == 0 && seconds == 0)
        bad("time limit", "is zero");
}

std::string describeJob(const ClusterJob& job) {
    std::ostringstream s;
    s << "cxr train as " << job.worldSize() << " rank" << (job.worldSize() == 1 ? "" : "s") << " (" << job.nodes
      << " node" << (job.nodes == 1 ? "" : "s") << " x " << job.procsPerNode << "), device " << job.device << ", "
      << job.backend();
    return s.str();
}

// The shell lines both scripts share: the folders, the config and cxr's own options.
void writeTrainVariables(std::ostream& s, const ClusterJob& job, const std::string& configLine) {
    s << "DATA=" << shellQuote(job.dataDir) << "\n"
      << "RUN=" << shellQuote(job.runDir) << "\n"
      << configLine << "\n"
      << "CXR=\"${CXR:-" << job.executable << "}\"\n";
}

// A fresh run reads config.json (and the weights); CXR_RESUME=1 continues the run in RUN, whose
// own config.json then decides, as `cxr train --resume` wants it.
void writeTrainArgs(std::ostream& s, const ClusterJob& job) {
    s << "if [ \"${CXR_RESUME:-0}\" = 1 ]; then\n"
      << "    TRAIN=(--resume)\n"
      << "else\n"
      << "    TRAIN=(--config \"$CONFIG\"";
    if (!job.weights.empty())
        s << " --weights " << shellQuote(job.weights);
    s << ")\n"
      << "fi\n";
}

// cxr's command after the launcher's: the review records stay on the desktop, so the cluster's
// copy records nothing.
std::string trainCommand(const ClusterJob& job) {
    return "\"$CXR\" train \"$DATA\" --out \"$RUN\" \"${TRAIN[@]}\" --dist-backend " + job.backend() + " --no-record";
}

}  // namespace

void ClusterJob::validate() const {
    checkSlurmName("job name", jobName, true);
    if (nodes < 1 || nodes > 4096)
        bad("nodes", "must be 1 to 4096, got " + std::to_string(nodes));
    if (procsPerNode < 1 || procsPerNode > 1024)
        bad("processes per node", "must be 1 to 1024, got " + std::to_string(procsPerNode));
    if (device != "cuda" && device != "cpu")
        bad("device", "must be cuda or cpu, got '" + device + "'");
    checkTimeLimit(timeLimit);
    checkSlurmName("partition", partition, false);
    checkSlurmName("account", account, false);
    checkLine("data folder", dataDir, true);
    checkLine("run folder", runDir, true);
    checkLine("weights", weights, false);
    checkLine("cxr executable", executable, true);
    // The executable is the default of ${CXR:-...}: it is written unquoted inside the braces.
    if (executable.find_first_of(" \t'\"$`\\}{;&|<>()*?[]#~") != std::string::npos)
        bad("cxr executable", "must be a plain name or path without spaces or shell characters, got '" +
                                  executable + "' (set CXR=... when starting the script instead)");
    if (masterPort < 1 || masterPort > 65535)
        bad("master port", "must be 1 to 65535, got " + std::to_string(masterPort));
    if (threadsPerRank < 1 || threadsPerRank > 1024)
        bad("threads per rank", "must be 1 to 1024, got " + std::to_string(threadsPerRank));
}

std::string ClusterJob::backend() const { return device == "cuda" ? "nccl" : "gloo"; }

std::string shellQuote(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

Json clusterTrainingConfig(const Json& config, const ClusterJob& job) {
    job.validate();
    const bool runConfig = config.is_object() && config.contains("training");
    if (runConfig && !config["training"].is_object())
        throw Error(ErrorCode::InvalidInput, "cluster job: the run's config.json has a 'training' that is not an object");
    auto training = training::TrainingConfig::fromJson(runConfig ? config["training"] : config);
    training.device = job.device;
    training.threads = job.threadsPerRank;
    training.validate();
    return training.toJson();
}

std::string renderTorchrunScript(const ClusterJob& job) {
    job.validate();
    const bool oneNode = job.nodes == 1;
    std::ostringstream s;
    s << "#!/usr/bin/env bash\n"
      << "# CXR Studio cluster job '" << job.jobName << "': " << describeJob(job) << ".\n";
    if (oneNode)
        s << "# Run it on the node: torchrun starts " << job.procsPerNode << " ranks there, which meet at\n"
          << "# localhost:MASTER_PORT (not --standalone: that always takes port 29400, so two jobs on one\n"
          << "# node would join each other's rendezvous).\n";
    else
        s << "# Run it once on each of the " << job.nodes << " nodes at the same time: torchrun starts "
          << job.procsPerNode << " ranks on each,\n"
          << "# and they meet at MASTER_ADDR:MASTER_PORT, the first node, which serves the rendezvous.\n"
          << "# Every node must be given the same MASTER_ADDR, e.g.  MASTER_ADDR=node001 ./torchrun.sh\n";
    s << "# Environment it reads:\n";
    if (!oneNode)
        s << "#   MASTER_ADDR     host name of the first node (required)\n";
    s << "#   MASTER_PORT     rendezvous port (default " << job.masterPort << ")\n";
    s << "#   PYTHON          the Python with PyTorch (default python3)\n"
      << "#   CXR             the cxr binary (default " << job.executable << ")\n"
      << "#   TORCHRUN_EXTRA  more torchrun options, split at spaces (e.g. \"--redirects 2 --tee 2 --log_dir logs\")\n"
      << "#   CXR_RESUME=1    continue the interrupted run in the run folder (cxr train --resume)\n"
      << "# Rank 0 writes the run folder; every node must see the data and the run folder at these paths.\n"
      << "set -euo pipefail\n\n"
      << "HERE=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"\n";
    writeTrainVariables(s, job, "CONFIG=\"$HERE/config.json\"");
    if (!oneNode)
        s << "MASTER_ADDR=\"${MASTER_ADDR:?set MASTER_ADDR to the host name of the first node, the same on every node}\"\n";
    s << "MASTER_PORT=\"${MASTER_PORT:-" << job.masterPort << "}\"\n";
    s << "export OMP_NUM_THREADS=\"${OMP_NUM_THREADS:-" << job.threadsPerRank << "}\"\n"
      << "read -r -a EXTRA <<< \"${TORCHRUN_EXTRA:-}\"\n";
    writeTrainArgs(s, job);
    s << "\nexec \"${PYTHON:-python3}\" -m torch.distributed.run --no_python \\\n";
    s << "    --nnodes " << job.nodes << " --nproc_per_node " << job.procsPerNode << " \\\n"
      << "    --rdzv_backend c10d --rdzv_endpoint \"" << (oneNode ? "localhost" : "$MASTER_ADDR")
      << ":$MASTER_PORT\" --rdzv_id " << shellQuote(job.jobName) << " \\\n";
    s << "    ${EXTRA[@]+\"${EXTRA[@]}\"} \\\n"
      << "    " << trainCommand(job) << "\n";
    return s.str();
}

std::string renderSlurmScript(const ClusterJob& job) {
    job.validate();
    std::ostringstream s;
    s << "#!/bin/bash\n"
      << "#SBATCH --job-name=" << job.jobName << "\n"
      << "#SBATCH --nodes=" << job.nodes << "\n"
      << "#SBATCH --ntasks-per-node=" << job.procsPerNode << "\n";
    if (job.device == "cuda")
        s << "#SBATCH --gpus-per-node=" << job.procsPerNode << "\n";
    s << "#SBATCH --cpus-per-task=" << job.threadsPerRank << "\n"
      << "#SBATCH --time=" << job.timeLimit << "\n";
    if (!job.partition.empty())
        s << "#SBATCH --partition=" << job.partition << "\n";
    if (!job.account.empty())
        s << "#SBATCH --account=" << job.account << "\n";
    s << "#SBATCH --output=" << job.jobName << "-%j.out\n"
      << "#\n"
      << "# CXR Studio cluster job: " << describeJob(job) << ".\n"
      << "# Submit it from the folder that holds config.json:  sbatch " << kClusterSbatchFile << "\n"
      << "# srun starts every rank; each reads SLURM_PROCID, SLURM_NTASKS and SLURM_LOCALID"
      << (job.device == "cuda" ? " (its GPU)" : "") << "\n"
      << "# and meets the others at MASTER_ADDR:MASTER_PORT on the first node, where rank 0 serves the\n"
      << "# rendezvous. Rank 0 writes the run folder; every node must see the data and the run folder.\n"
      << "# Continue a run the time limit stopped:  CXR_RESUME=1 sbatch " << kClusterSbatchFile << "\n"
      << "set -euo pipefail\n\n";
    writeTrainVariables(s, job, "CONFIG=\"${CXR_CONFIG:-$SLURM_SUBMIT_DIR/config.json}\"");
    // head leaves after one line and scontrol may then die of SIGPIPE, which pipefail would turn
    // into a failed job: the pipeline's status is ignored and an empty answer refused instead.
    s << "# The first host of the allocation serves the rendezvous.\n"
      << "MASTER_ADDR=\"$(scontrol show hostnames \"$SLURM_JOB_NODELIST\" | head -n 1)\" || true\n"
      << "export MASTER_ADDR=\"${MASTER_ADDR:?scontrol named no host for SLURM_JOB_NODELIST}\"\n"
      << "export MASTER_PORT=" << job.masterPort << "\n"
      << "export OMP_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-" << job.threadsPerRank << "}\"\n";
    writeTrainArgs(s, job);
    s << "\nsrun --kill-on-bad-exit=1 " << trainCommand(job) << "\n";
    return s.str();
}

ClusterJobFiles writeClusterJob(const fs::path& dir, const Json& config, const ClusterJob& job, bool overwrite) {
    // Everything is rendered before anything is written, so a bad field writes nothing.
    const std::string configText = clusterTrainingConfig(config, job).dump(2) + "\n";
    const std::string torchrun = renderTorchrunScript(job);
    const std::string sbatch = renderSlurmScript(job);
    ClusterJobFiles files{dir / kClusterConfigFile, dir / kClusterTorchrunFile, dir / kClusterSbatchFile};
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        throw Error(ErrorCode::InvalidInput, dir, "is not a folder");
    fs::create_directories(dir, ec);
    if (ec)
        throw Error(ErrorCode::Io, dir, "cannot create the folder: " + ec.message());
    if (!overwrite)
        for (const auto& f : {files.config, files.torchrun, files.sbatch})
            if (fs::exists(fs::symlink_status(f, ec)))
                throw Error(ErrorCode::InvalidInput, f, "already exists; choose another folder or replace it (--force)");
    writeFileAtomically(files.config, configText);
    writeFileAtomically(files.torchrun, torchrun);
    fs::permissions(files.torchrun, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                    fs::perm_options::add, ec);
    if (ec)
        throw Error(ErrorCode::Io, files.torchrun, "cannot make it executable: " + ec.message());
    writeFileAtomically(files.sbatch, sbatch);
    return files;
}

std::string submitCommand(const fs::path& dir) {
    return "cd " + shellQuote(dir.string()) + " && sbatch " + kClusterSbatchFile;
}

}  // namespace cxr::workflows
