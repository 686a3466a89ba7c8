#pragma once
// The demo job: what `cxr demo OUT` (and the README's run command without a display) does,
// end to end, so neither front end re-implements it: synthesize a demo data set sized for CPU
// training into OUT/data (kept when an identical one is already there), then train and evaluate
// the classifier on it into OUT/run (a finished run is kept; an interrupted one is resumed).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/common/cancel_token.h"
#include "core/common/progress.h"
#include "core/synth/synth_options.h"
#include "core/training/training_config.h"
#include "core/training/training_observer.h"
#include "core/workflows/train_workflow.h"

namespace cxr::workflows {

struct DemoOptions {
    std::filesystem::path outDir;
    std::uint64_t seed = 1;
    // ~600 films at 256 px long side: small enough to train on two CPU cores in minutes.
    int train = 460, val = 40, test = 100;
    int size = 256;

    // Train and evaluate after synthesizing. No ImageNet weights here, so every phase trains all
    // layers (plan "scratch"); 6 / 4 / 4 epochs at 224 px, batch 32 is what a from-scratch
    // ResNet18 needs to learn the synthetic films (about 7 minutes on two idle CPU cores).
    bool trainModel = true;
    training::TrainingConfig trainingConfig = demoTrainingConfig();

    synth::SynthOptions synthOptions() const;
    static training::TrainingConfig demoTrainingConfig();
};

struct DemoResult {
    std::filesystem::path outDir;
    std::filesystem::path dataDir;  // outDir/data: the Kaggle-layout set
    synth::SynthSummary data;
    std::filesystem::path runDir;           // outDir/run
    std::optional<TrainFolderResult> run;   // absent when training was off or already finished
    bool runKept = false;                   // a finished run was already there

    std::string toText() const;  // what was produced and where
};

DemoResult runDemo(const DemoOptions& options, ProgressSink* progress = nullptr,
                   const CancelToken* cancel = nullptr);
// The same with the training reported to `observer` (may be null).
DemoResult runDemo(const DemoOptions& options, ProgressSink* progress, const CancelToken* cancel,
                   training::TrainingObserver* observer);

}  // namespace cxr::workflows
