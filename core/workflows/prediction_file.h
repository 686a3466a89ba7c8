#pragma once
// The per-film predictions a training run keeps (runDir/predictions.csv): the validation and
// test logits of the exported model with each film's truth and path, so a results view can
// recompute the evaluation at any threshold and pick example films without running the model
// again. CSV with a header line: split,film,label,logit0,logit1 (split "val" or "test"). The
// file travels (the logits are what a reviewer recomputes figures from), so `film` is the
// film's reference in the run's films.csv (run_films.h), never its name; runs written before
// references have a `path` column instead, read the same way.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/evaluation/predictions.h"

namespace cxr::workflows {

struct PredictionSet {
    std::optional<evaluation::Predictions> validation, test;
};

std::filesystem::path predictionFileOf(const std::filesystem::path& runDir);

// Written atomically; each Predictions::paths entry is written as the film's reference.
// Throws cxr::Error(Io) naming the file.
void writePredictionFile(const std::filesystem::path& file, const evaluation::Predictions& validation,
                         const evaluation::Predictions& test);

// One row per film for a person or a script: file,truth,p_<positive class>,call — the
// probability at `temperature` and the call at `threshold`, as `cxr evaluate --predictions`
// writes them.
std::string perFilmCsv(const evaluation::Predictions& predictions, double temperature, double threshold,
                       const std::vector<std::string>& classes);

// A missing file gives an empty set; a malformed one throws cxr::Error(Corrupt) naming the line.
// Predictions::paths then holds the references (or, for older runs, the paths).
PredictionSet readPredictionFile(const std::filesystem::path& file);

}  // namespace cxr::workflows
