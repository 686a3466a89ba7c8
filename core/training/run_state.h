#pragma once
// RunState: where an interrupted run stands (state.json), written atomically after every
// finished epoch and at every phase boundary. `--resume` reads it to continue at the next
// epoch of the right phase, with the best-so-far bookkeeping and early-stop counter intact.
#include <filesystem>
#include <limits>
#include <string>

#include "core/common/json_io.h"

namespace cxr::training {

struct RunState {
    static constexpr int kVersion = 1;

    // "running" (epochs remain), "trained" (all phases done; evaluation/export may remain),
    // "finished" (exported), "failed" (non-finite loss or another error; see message).
    std::string status = "running";
    int phase = 0;            // the phase the next epoch belongs to (0-based)
    int nextEpoch = 0;        // the next epoch to run within that phase
    int epochsDone = 0;       // rows metrics.csv must have
    int earlyStopCounter = 0;
    // The last finished epoch's weights and optimizer moments (file names relative to the run
    // folder, numbered by epochsDone so a kill between writing them and writing this state
    // never pairs a state with the wrong weights); empty when none.
    std::string lastCheckpoint;
    std::string lastOptimizer;
    // The best checkpoint so far (relative name, "checkpoints/best-0004.pth"), written under a
    // new name before this state so the state only ever names complete weights of the epoch it
    // records. Empty in runs made before numbered best checkpoints: they used
    // checkpoints/best.pth (RunDirectory::bestCheckpoint falls back to it).
    std::string bestCheckpoint;
    double bestValLoss = std::numeric_limits<double>::infinity();
    double bestValAccuracy = 0;
    int bestPhase = -1;       // -1: no best checkpoint yet
    int bestEpoch = -1;
    std::string message;      // why it failed, when it did
    // How many ranks trained the run (1: a single process). A resume must use as many: the
    // epochs' shards and the averaged batch depend on it. Written only when above 1.
    int worldSize = 1;

    bool hasBest() const { return bestPhase >= 0; }
    bool hasLast() const { return !lastCheckpoint.empty(); }

    Json toJson() const;
    // Throws cxr::Error(Corrupt) naming `source` on a missing key or wrong version.
    static RunState fromJson(const Json& json, const std::string& source = "state.json");
    static RunState read(const std::filesystem::path& file);
    void write(const std::filesystem::path& file) const;  // atomic
};

// A run resumes only with the world size it was trained with: throws cxr::Error(InvalidInput)
// naming `source` and both sizes otherwise.
void checkResumeWorldSize(const RunState& state, int worldSize, const std::string& source);

}  // namespace cxr::training
