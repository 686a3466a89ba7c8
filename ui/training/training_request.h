#pragma once
// TrainingRequest: what the wizard asks the engine to do — which folder, which run folder,
// which weights, which configuration, fresh or resumed — and TrainingJob, the callable a
// training worker runs. The product's job is the engine's train-folder workflow
// (engineTrainingJob); tests may substitute a smaller one. No Qt, no LibTorch.
#include <filesystem>
#include <functional>
#include <optional>

#include "core/common/cancel_token.h"
#include "core/common/population.h"
#include "core/training/training_config.h"
#include "core/training/training_observer.h"

namespace cxr::ui {

struct TrainingRequest {
    std::filesystem::path dataDir;
    std::filesystem::path runDir;
    std::optional<std::filesystem::path> weights;  // torchvision resnet18 .pth; none = from scratch
    training::TrainingConfig config;
    Population population;  // who the films came from: age range and description
    bool resume = false;
    bool record = true;  // keep the finished run in the review records (Settings may turn them off)
};

// Runs one training request to its end, reporting to `observer`; throws cxr::Error on failure
// (ErrorCode::Cancelled when `cancel` fired).
using TrainingJob =
    std::function<void(const TrainingRequest&, training::TrainingObserver&, const CancelToken&)>;

// workflows::trainFolder: index, split, cache, train, evaluate, export into the run folder.
TrainingJob engineTrainingJob();

}  // namespace cxr::ui
