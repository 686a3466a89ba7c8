#pragma once
// Test helpers for the trainer: a tiny separable two-class image set held in memory (class 1
// films carry a bright blob), a small fast config, and an observer that records every event.
#include <atomic>
#include <cstdlib>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/common/cancel_token.h"
#include "core/training/tensor_batch_source.h"
#include "core/training/training_config.h"
#include "core/training/training_observer.h"
#include "support/tiny_training_config.h"

namespace cxr::test {

// Class-1 images carry a square blob `blob` brighter than the noise (0.3 a pixel).
inline torch::Tensor tinyImages(int count, int side, std::uint64_t seed, torch::Tensor* labelsOut,
                                double blob = 1.5) {
    torch::manual_seed(seed);
    auto labels = torch::arange(count, torch::kLong).remainder(2);
    auto images = torch::randn({count, 1, side, side}) * 0.3;
    const int a = side / 4, b = 3 * side / 4;
    auto square = images.index({torch::indexing::Slice(), torch::indexing::Slice(), torch::indexing::Slice(a, b),
                              torch::indexing::Slice(a, b)});
    square.add_(labels.to(torch::kFloat).view({count, 1, 1, 1}) * blob);
    *labelsOut = labels;
    return images.expand({count, 3, side, side}).contiguous();
}

struct TinyData {
    training::TensorBatchSource train, val;
};

inline TinyData tinyData(int trainCount = 32, int valCount = 16, int side = 32, int batch = 8) {
    torch::Tensor yTrain, yVal;
    auto xTrain = tinyImages(trainCount, side, 1, &yTrain);
    auto xVal = tinyImages(valCount, side, 2, &yVal);
    return TinyData{training::TensorBatchSource(xTrain, yTrain, batch, true, 3),
                    training::TensorBatchSource(xVal, yVal, batch, false)};
}

inline training::TrainingConfig tinyConfig(int epochsPerPhase = 1) { return tinyTrainingConfig(32, epochsPerPhase); }

class RecordingObserver : public training::TrainingObserver {
public:
    std::vector<training::PhaseInfo> phases;
    std::vector<training::EpochInfo> epochStarts;
    std::vector<training::BatchInfo> batches;
    std::vector<training::EpochResult> epochs;
    std::vector<training::BestCheckpointInfo> bests;
    std::vector<training::PhaseResult> phaseEnds;
    std::vector<std::string> warnings, failures;
    bool started = false, finished = false, failedCancelled = false;
    // Cancels `token` when this many batches have been seen in total (0 = never).
    std::size_t cancelAfterBatches = 0;
    CancelToken* token = nullptr;

    void onRunStarted(const training::RunStartInfo&) override { started = true; }
    void onPhaseStarted(const training::PhaseInfo& p) override { phases.push_back(p); }
    void onEpochStarted(const training::EpochInfo& e) override { epochStarts.push_back(e); }
    void onBatch(const training::BatchInfo& b) override {
        batches.push_back(b);
        if (token && cancelAfterBatches && batches.size() == cancelAfterBatches)
            token->cancel();
    }
    void onEpochFinished(const training::EpochResult& r) override { epochs.push_back(r); }
    void onNewBest(const training::BestCheckpointInfo& b) override { bests.push_back(b); }
    void onPhaseFinished(const training::PhaseResult& r) override { phaseEnds.push_back(r); }
    void onWarning(const Notice& w) override { warnings.push_back(englishText(w)); }
    void onRunFinished(const training::TrainingResult&) override { finished = true; }
    void onRunFailed(const std::string& m, bool cancelled) override {
        failures.push_back(m);
        failedCancelled = cancelled;
    }
};

}  // namespace cxr::test
