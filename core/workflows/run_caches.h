#pragma once
// The film caches a training run reads, and building them: with equal working and input sizes
// one cache of every film (films-<size>.cache); otherwise the training films at the working size
// (augmentation crops from them) and the validation and test films at the input size through the
// same chain as `cxr predict` (films-<input>.cache). A run builds them itself (rank 0 in a
// distributed run); `cxr cache` builds them ahead of time on storage every rank sees.
#include <filesystem>
#include <vector>

#include "core/common/cancel_token.h"
#include "core/common/progress.h"
#include "core/data/film_cache_builder.h"
#include "core/data/split_plan.h"
#include "core/training/training_config.h"

namespace cxr::workflows {

// Where the run's caches live in cacheDir. `eval` is empty when the training cache serves all.
struct RunCacheFiles {
    std::filesystem::path train, eval;
};
RunCacheFiles runCacheFiles(const training::TrainingConfig& config, const std::filesystem::path& cacheDir);

// Builds (or brings up to date: films whose path, size and mtime are unchanged are copied, not
// decoded) the run's caches in cacheDir, creating the folder. Throws cxr::Error: Io naming the
// folder or file, InvalidInput when a class of a split has no readable film, Cancelled.
std::vector<data::FilmCacheInfo> buildRunCaches(const data::SplitPlan& split, const training::TrainingConfig& config,
                                                const std::filesystem::path& cacheDir, int threads,
                                                ProgressSink* progress, const CancelToken* cancel);

}  // namespace cxr::workflows
