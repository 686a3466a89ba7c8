// `cxr train` as two ranks started by PyTorch's own launcher (torchrun --standalone, Gloo on
// loopback) on a tiny synthetic set: all three phases run, only rank 0 writes the run folder,
// Python's torchvision loads the exported weights, and a resume works with the same world size
// and is refused by name with another.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core/common/atomic_file.h"
#include "core/training/metrics_log.h"
#include "core/training/run_state.h"
#include "test_dirs.h"

namespace cxr {
namespace {

struct Run {
    int status = -1;
    std::string output;
};

Run shell(const std::string& cmd, const std::filesystem::path& log) {
    const int raw = std::system((cmd + " > '" + log.string() + "' 2>&1").c_str());
    Run r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.output = readFileText(log);
    return r;
}

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// torchrun with `ranks` processes of `cxr train DATA --out RUN ...`; a peer lost for 60 s fails.
// Each rank's stderr goes to logDir/<run id>/attempt_0/<rank>/stderr.log and, prefixed
// "[default<rank>]:", to the launcher's output. (Debian's torchrun 1.13 under Python 3.12 fails on
// its default "--redirects 0": Python's Flag enum no longer lists the zero member it looks for.)
Run torchrun(int ranks, const std::string& trainArgs, const std::filesystem::path& logDir,
             const std::filesystem::path& log) {
    return shell("CXR_DIST_TIMEOUT=60 /usr/bin/python3 -m torch.distributed.run --no_python --standalone "
                 "--redirects 2 --tee 2 --log_dir " + quoted(logDir) + " --nproc_per_node " + std::to_string(ranks) +
                     " " + CXR_CLI_BINARY + " train " + trainArgs,
                 log);
}

// The stderr a rank of the launcher's only run under `logDir` left.
std::string rankStderr(const std::filesystem::path& logDir, int rank) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(logDir))
        if (e.path().filename() == "stderr.log" && e.path().parent_path().filename() == std::to_string(rank))
            return readFileText(e.path());
    ADD_FAILURE() << "no stderr.log of rank " << rank << " under " << logDir;
    return "";
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++n;
    return n;
}

// Every file under `dir`, relative to it.
std::set<std::string> filesUnder(const std::filesystem::path& dir) {
    std::set<std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file())
            out.insert(std::filesystem::relative(e.path(), dir).string());
    return out;
}

TEST(TorchrunTrain, TwoRanksTrainAllPhasesRankZeroWritesAndResumeChecksTheWorldSize) {
    const auto dir = test::scratchDir();
    const auto synth = shell(std::string(CXR_CLI_BINARY) + " synth " + quoted(dir / "data") +
                                 " --train 24 --val 4 --test 12 --size 64 --seed 11",
                             dir / "synth.txt");
    ASSERT_EQ(synth.status, 0) << synth.output;
    const std::string args = quoted(dir / "data") + " --out " + quoted(dir / "run") +
                             " --device cpu --epochs 1 --batch 4 --image-size 32 --workers 1 --threads 1 --no-record";

    const auto train = torchrun(2, args, dir / "logs", dir / "train.txt");
    ASSERT_EQ(train.status, 0) << train.output;
    // Each rank joined the group and said where it sits, once; rank 1's lines carry its rank.
    EXPECT_EQ(count(train.output, "Distributed training: rank 0 of 2 (torchrun"), 1u) << train.output;
    const std::string rank1 = rankStderr(dir / "logs", 1);
    EXPECT_EQ(count(rank1, "[rank 1] distributed training: rank 1 of 2 (torchrun"), 1u) << rank1;
    EXPECT_NE(rank1.find("[rank 1] trained its shard"), std::string::npos) << rank1;
    EXPECT_EQ(rankStderr(dir / "logs", 0).find("[rank"), std::string::npos);
    // Rank 0 alone reports, evaluates and exports.
    EXPECT_EQ(count(train.output, "Run folder:"), 1u) << train.output;
    EXPECT_EQ(count(train.output, "Phase 3/3: deep fine-tuning"), 1u) << train.output;

    const auto metrics = training::MetricsLog::read(dir / "run" / "metrics.csv");
    std::set<int> phases;
    for (const auto& row : metrics.rows())
        phases.insert(row.phase);
    EXPECT_EQ(phases, (std::set<int>{0, 1, 2}));
    EXPECT_EQ(metrics.size(), 3u);  // one row per epoch: nobody appended twice
    const auto state = training::RunState::read(dir / "run" / "state.json");
    EXPECT_EQ(state.worldSize, 2);
    EXPECT_EQ(state.status, "finished");

    // One run's files: one best and one last checkpoint, no leftover temporary, and nothing
    // beside the run folder but what the test made.
    const auto files = filesUnder(dir / "run");
    std::size_t best = 0, last = 0;
    for (const auto& f : files) {
        best += f.rfind("checkpoints/best-", 0) == 0;
        last += f.rfind("checkpoints/last-", 0) == 0 && f.find("optim") == std::string::npos;
        EXPECT_EQ(f.find(".tmp"), std::string::npos) << f;
    }
    EXPECT_EQ(best, 1u);
    EXPECT_EQ(last, 1u);
    EXPECT_TRUE(files.count("X_ray_classifier.pth"));
    EXPECT_TRUE(files.count("evaluation.json"));
    std::set<std::string> top;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        top.insert(e.path().filename().string());
    EXPECT_EQ(top, (std::set<std::string>{"data", "logs", "run", "synth.txt", "train.txt"}));

    // Python's torchvision takes the exported state_dict as it is.
    const auto load = shell("/usr/bin/python3 -c \"import torch, torchvision; m = torchvision.models.resnet18(); "
                            "m.fc = torch.nn.Linear(512, 2); m.load_state_dict(torch.load('" +
                                (dir / "run" / "X_ray_classifier.pth").string() +
                                "', map_location='cpu')); m.eval(); "
                                "print('logits', tuple(m(torch.zeros(1, 3, 32, 32)).shape))\"",
                            dir / "python.txt");
    EXPECT_EQ(load.status, 0) << load.output;
    EXPECT_NE(load.output.find("logits (1, 2)"), std::string::npos) << load.output;

    // The same world size resumes; one process is refused with both sizes named.
    const auto refused = torchrun(1, args + " --resume", dir / "logs-refused", dir / "refused.txt");
    EXPECT_NE(refused.status, 0) << refused.output;
    EXPECT_NE(refused.output.find("trained with a world size of 2 (2 ranks), not 1"), std::string::npos)
        << refused.output;
    const auto resumed = torchrun(2, args + " --resume", dir / "logs-resumed", dir / "resumed.txt");
    EXPECT_EQ(resumed.status, 0) << resumed.output;
    EXPECT_EQ(count(resumed.output, "Run folder:"), 1u) << resumed.output;
    EXPECT_EQ(training::MetricsLog::read(dir / "run" / "metrics.csv").size(), 3u);
    EXPECT_EQ(training::RunState::read(dir / "run" / "state.json").status, "finished");
}

}  // namespace
}  // namespace cxr
