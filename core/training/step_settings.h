#pragma once
// stepSettingsFor: how a training run steps on its device — bf16 autocast, channels_last, how
// often the loss is read back — decided from the TrainingConfig in one place, so the Trainer and
// the benchmarks that time "what a run does" (cxr_bench) cannot drift apart.
#include <string>

#include "core/training/epoch_loop.h"
#include "core/training/training_config.h"

namespace cxr::training {

// `device` is already resolved ("cpu", "cuda", "cuda:1"; model::resolveDevice). Class weights
// depend on the data and are left to the caller.
StepSettings stepSettingsFor(const TrainingConfig& config, const std::string& device);

// The same settings for scoring films (validation, BatchNorm recalibration, the test report):
// fp32 whatever the training precision, so a run's figures are those `cxr evaluate` and
// `cxr predict` give for the exported (fp32) model.
StepSettings inferenceSettings(const StepSettings& training);

// What a run sets on the device before its first step: cuDNN autotuning on CUDA.
void prepareDeviceForTraining(const StepSettings& settings);

}  // namespace cxr::training
