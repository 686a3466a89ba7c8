#pragma once
// trainFolder: the whole "train a classifier on this folder" job both front ends run —
// index the folder, split it (validation policy), build or reuse the film cache, make the batch
// loaders, run the three-phase trainer, evaluate on validation (threshold, temperature) and on
// the untouched test split, and export the model bundle and the report into the run folder.
// No LibTorch in this header: the GUI's worker includes it.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/common/cancel_token.h"
#include "core/common/population.h"
#include "core/evaluation/evaluation_report.h"
#include "core/training/training_config.h"
#include "core/training/training_observer.h"

namespace cxr::training::dist {
class ProcessGroup;
}

namespace cxr::workflows {

struct TrainFolderOptions {
    std::filesystem::path dataDir;
    std::filesystem::path runDir;
    training::TrainingConfig config;
    // torchvision resnet18 ImageNet weights (.pth). Without: training from scratch (warned).
    std::optional<std::filesystem::path> imagenetWeights;
    // Where the film cache lives; default runDir/cache. A shared folder lets runs on the same
    // data reuse one cache.
    std::optional<std::filesystem::path> cacheDir;
    // Who the films came from (age range, description): config.json and model.json keep it, and
    // the out-of-domain checks compare a film's patient age with it.
    Population population;
    // Continue the run in runDir: its config.json, split, population and state win over these.
    bool resume = false;
    int cacheThreads = 0;  // film cache decoding threads; 0: every core
    // The finished run is recorded in the review records (run_record.h: folder, config hash,
    // model SHA-256, test figures) unless `record` is false; in `recordsDb`, or
    // RecordsDb::defaultPath() when empty. A records failure only warns (recordProblem).
    bool record = true;
    std::filesystem::path recordsDb;
    // This process as one rank of a data-parallel run (connected, world size > 1; the CLI
    // connects it from the launcher's variables); null: a single process, exactly as before.
    // Only rank 0 writes the run folder and the film cache, evaluates and exports; the others
    // train their shard and return after the trainer (their report is empty).
    training::dist::ProcessGroup* group = nullptr;
    // The launch's world size when there is no group (a launcher starting one process): a
    // resume checks it against the run's.
    int worldSize = 1;
};

struct TrainFolderResult {
    training::TrainingResult training;
    evaluation::EvaluationReport report;  // validation + test
    std::filesystem::path runDir;
    bool pretrained = false;
    std::size_t trainFilms = 0, valFilms = 0, testFilms = 0;
    Notice splitReason;
    std::vector<Notice> warnings;  // skipped films, from-scratch training, NaN phases
    double seconds = 0;
    std::int64_t recordId = 0;   // the run's id in the review records; 0: not recorded
    std::string recordProblem;   // why recording failed (empty when recorded or not asked)
};

// Throws cxr::Error: InvalidInput/NotFound (data folder, run folder, options), Training,
// Cancelled (the run folder can be resumed), Io. The observer (may be null) gets every event,
// including stage progress for the cache and the evaluation, and onRunFailed on errors.
TrainFolderResult trainFolder(const TrainFolderOptions& options, training::TrainingObserver* observer = nullptr,
                              const CancelToken* cancel = nullptr);
TrainFolderResult trainFolder(const std::filesystem::path& dataDir, const std::filesystem::path& runDir,
                              const training::TrainingConfig& config, training::TrainingObserver* observer = nullptr,
                              const CancelToken* cancel = nullptr);

// "Training from scratch" warning text for a resolved plan ("seed" or "scratch"), shared by the
// CLI and the GUI.
Notice fromScratchWarning(const std::string& plan);

}  // namespace cxr::workflows
