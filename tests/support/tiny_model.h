#pragma once
// Shared fixture: a seeded random-weights two-class ResNet18 exported as a model bundle at a
// small input size. Its calls mean nothing; tests that check the plumbing from a film to a
// diagnosis and on (the CLI, the PACS node) use it so they need no trained model.
#include <filesystem>
#include <optional>
#include <string>

#include <torch/torch.h>

#include "core/common/json_io.h"
#include "core/model/model_bundle.h"
#include "core/model/preprocess_spec.h"
#include "core/model/resnet18.h"

namespace cxr::test {

// Exports the model into `dir` (created) and returns it.
inline std::filesystem::path tinyRandomModel(const std::filesystem::path& dir, int imageSize = 64,
                                             std::uint64_t seed = 16016) {
    torch::manual_seed(seed);
    model::ResNet18 net = model::makeResNet18(std::nullopt, 2);
    model::PreprocessSpec spec;
    spec.imageSize = imageSize;
    model::exportModelBundle(dir, net, {"NORMAL", "PNEUMONIA"}, spec, 0.5, 1.0,
                             Json{{"note", "random weights for tests"}}, Json::object());
    return dir;
}

}  // namespace cxr::test
