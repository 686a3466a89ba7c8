#pragma once
// RunDirectory: the layout of one training run on disk, so the trainer, the workflows, the CLI
// and the GUI agree on file names.
//   config.json        the TrainingConfig plus the data folder, device, weights
//   split.json         the split plan (policy, reason, counts)
//   metrics.csv        one row per finished epoch (MetricsLog)
//   state.json         resume state (RunState)
//   checkpoints/best-NNNN.pth       best val loss across all phases (state dict, atomic), numbered
//                                   by the epochs done when it was saved; state.json names the
//                                   current one (runs made before that used checkpoints/best.pth)
//   checkpoints/last-NNNN.pth, last-NNNN-optimizer.pt   the last finished epoch, for --resume
//   cache/             the film cache, unless a shared cache folder is configured
//   X_ray_classifier.pth, class_to_index.pth|json, model.json   the exported bundle
//   evaluation.json, evaluation.txt   validation + test report
#include <filesystem>
#include <string>

#include "core/common/json_io.h"

namespace cxr::training {

struct RunState;

class RunDirectory {
public:
    explicit RunDirectory(std::filesystem::path root);

    const std::filesystem::path& root() const { return m_root; }
    std::filesystem::path configFile() const { return m_root / "config.json"; }
    std::filesystem::path splitFile() const { return m_root / "split.json"; }
    std::filesystem::path metricsFile() const { return m_root / "metrics.csv"; }
    std::filesystem::path stateFile() const { return m_root / "state.json"; }
    std::filesystem::path checkpointDir() const { return m_root / "checkpoints"; }
    // The best checkpoint `state` names, or the fixed name older runs used when it names none.
    std::filesystem::path bestCheckpoint(const RunState& state) const;
    // The relative name of a new best checkpoint saved after `epochsDone` epochs
    // ("checkpoints/best-0007.pth"): never the name of a file a state may still point at.
    static std::string bestCheckpointName(int epochsDone);
    static constexpr const char* kLegacyBestCheckpoint = "checkpoints/best.pth";
    // Removes best checkpoints other than the one named (ignoring errors), the legacy best.pth
    // included once a numbered one has taken over.
    void pruneBestCheckpoints(const std::string& keep) const;
    // Relative names of the last-epoch files after `epochsDone` epochs ("checkpoints/last-0007.pth").
    static std::string lastCheckpointName(int epochsDone);
    static std::string lastOptimizerName(int epochsDone);
    // Removes last-epoch files other than the two named (older epochs), ignoring errors.
    void pruneLastCheckpoints(const std::string& keepWeights, const std::string& keepOptimizer) const;
    std::filesystem::path cacheDir() const { return m_root / "cache"; }
    std::filesystem::path evaluationJson() const { return m_root / "evaluation.json"; }
    std::filesystem::path evaluationText() const { return m_root / "evaluation.txt"; }

    // True when the folder already holds a run (a state file).
    bool hasRun() const;
    // Creates the folder and checkpoints/. Throws cxr::Error(Io) naming it.
    void create() const;

    // Throws cxr::Error(InvalidInput) with the way out when the folder holds a run and we are
    // not resuming, or holds none and we are.
    void checkStart(bool resume) const;

private:
    std::filesystem::path m_root;
};

}  // namespace cxr::training
