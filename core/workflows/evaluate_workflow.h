#pragma once
// evaluateModel: a trained model (run folder, export folder, or the seed's .pth with its class
// map) on one split of a Kaggle-layout folder, with the model's own preprocessing, operating
// threshold and temperature — the same numbers `cxr train` reported for its run. No LibTorch in
// this header.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/common/cancel_token.h"
#include "core/common/notice.h"
#include "core/common/progress.h"
#include "core/evaluation/evaluation_report.h"
#include "core/evaluation/predictions.h"

namespace cxr::workflows {

struct EvaluateModelOptions {
    std::filesystem::path model;
    std::filesystem::path dataDir;
    std::string split = "test";
    std::string device = "auto";
    // Film cache folder; default: a temporary one, removed afterwards.
    std::optional<std::filesystem::path> cacheDir;
    int batchSize = 32;
    int threads = 2;
};

struct EvaluateModelResult {
    evaluation::EvaluationReport report;
    std::filesystem::path modelSource;
    std::string weightsSha256;
    double threshold = 0.5, temperature = 1.0;
    bool pretrained = false;
    std::string device;
    std::size_t films = 0;
    // Per film, in the split's order: truth, logits and the path relative to the data folder.
    evaluation::Predictions predictions;
    // Unreadable films left out; what was assumed about an older bundle's preprocessing.
    std::vector<Notice> warnings;
    double seconds = 0;
};

// Throws cxr::Error: NotFound/InvalidInput (model, folder, split), Model (classes differ from
// the folder's), Cancelled, Io.
EvaluateModelResult evaluateModel(const EvaluateModelOptions& options, ProgressSink* progress = nullptr,
                                  const CancelToken* cancel = nullptr);
evaluation::EvaluationReport evaluateModel(const std::filesystem::path& model, const std::filesystem::path& dataDir,
                                           const std::string& split = "test");

}  // namespace cxr::workflows
