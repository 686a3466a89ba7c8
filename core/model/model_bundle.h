#pragma once
// ModelBundle: everything needed to run a trained classifier the way it was trained: weights,
// class names in index order, preprocessing, operating threshold, temperature, metadata and
// the weights' SHA-256. Loads the project's export folders and the seed's files; exports what
// a Python user loads with torch.load + load_state_dict.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/common/json_io.h"
#include "core/common/notice.h"
#include "core/common/population.h"
#include "core/model/preprocess.h"
#include "core/model/resnet18.h"

namespace cxr::model {

inline constexpr const char* kWeightsFileName = "X_ray_classifier.pth";
inline constexpr const char* kClassMapFileName = "class_to_index.pth";
inline constexpr const char* kClassMapJsonFileName = "class_to_index.json";
inline constexpr const char* kModelJsonFileName = "model.json";

struct ModelBundle {
    ResNet18 net{nullptr};  // in eval mode, on the requested device
    std::vector<std::string> classes;
    PreprocessSpec preprocess;
    double threshold = 0.5;  // on P(positive class = index 1, "PNEUMONIA")
    double temperature = 1.0;
    Json meta;  // model.json as read (empty object for seed files)
    std::string weightsSha256;
    std::filesystem::path source;  // the directory or .pth given
    bool pretrained = false;       // meta "pretrained" (false for seed files: unknown)
    // What a person should know about how this bundle is applied, e.g. that its preprocessing
    // chain was not recorded and is assumed (older model.json, seed files).
    std::vector<Notice> notes;  // e.g. the preprocessing chain was not recorded and is assumed
    Population population;         // meta "population": empty when the run recorded none
};

// `runDirOrPth`: a run or export directory (model.json + X_ray_classifier.pth +
// class_to_index.pth|json, or only the two seed files), or a seed weights .pth with
// class_to_index.pth|json beside it (seed preprocessing then). Throws cxr::Error naming the
// file: NotFound, Model (shapes, keys, classes, hash mismatch), InvalidInput (not a model).
ModelBundle loadModelBundle(const std::filesystem::path& runDirOrPth, torch::Device device = torch::kCPU);

// Throws cxr::Error(Model) when the bundle's classes are not `expected` (same names, order).
void requireClasses(const ModelBundle& bundle, const std::vector<std::string>& expected);

// Writes X_ray_classifier.pth, class_to_index.pth, class_to_index.json and model.json
// (architecture, classes, preprocessing, threshold, temperature, training config, test
// metrics, SHA-256 of the weights) into `dir` (created), each file atomically. These files
// travel, so the training config's data folder ("dataDir") is left out of model.json (the run
// folder's config.json keeps it) and its "population" becomes model.json's own key.
void exportModelBundle(const std::filesystem::path& dir, ResNet18& net, const std::vector<std::string>& classes,
                       const PreprocessSpec& preprocess, double threshold, double temperature,
                       const Json& trainingConfig, const Json& testMetrics);

// A fresh ResNet18 with `numClasses` outputs. With `imagenetWeights`, imports a torchvision
// resnet18 state dict strictly except fc (never downloads); without, random init like
// torchvision's (the caller must warn loudly). *pretrainedOut tells which happened.
ResNet18 makeResNet18(const std::optional<std::filesystem::path>& imagenetWeights, int64_t numClasses,
                      bool* pretrainedOut = nullptr);

}  // namespace cxr::model
