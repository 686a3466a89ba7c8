#include "core/training/step_settings.h"

#include <cstdlib>

#include <ATen/Context.h>

#include "core/training/autocast_guard.h"

namespace cxr::training {

StepSettings stepSettingsFor(const TrainingConfig& config, const std::string& device) {
    StepSettings settings;
    settings.device = at::Device(device);
    settings.amp = resolvePrecision(config.precision, device) == "bf16";
    settings.channelsLast = config.channelsLast;
    settings.syncEvery = readBackInterval(settings.device);
    settings.deterministic = config.deterministic;
    return settings;
}

StepSettings inferenceSettings(const StepSettings& training) {
    StepSettings settings = training;
    settings.amp = false;
    return settings;
}

void prepareDeviceForTraining(const StepSettings& settings) {
    if (!settings.device.is_cuda())
        return;
    if (settings.deterministic) {
        // cuBLAS needs a fixed workspace to be deterministic; it reads the variable when its
        // first handle is made, so set it before any GPU work unless the user chose one.
        ::setenv("CUBLAS_WORKSPACE_CONFIG", ":4096:8", 0);
        at::globalContext().setDeterministicCuDNN(true);
        at::globalContext().setDeterministicAlgorithms(true, /*warn_only=*/false);
        enableCudnnBenchmark(false);
        return;
    }
    enableCudnnBenchmark(true);
}

}  // namespace cxr::training
