#include "training/step_settings.h"

#include "training/autocast_guard.h"

namespace cxr::training {

StepSettings stepSettingsFor(const TrainingConfig& config, const std::string& device) {
    StepSettings settings;
    settings.device = at::Device(device);
    settings.amp = resolveAmp(config.amp, device) == "bf16";
    settings.channelsLast = config.channelsLast;
    settings.syncEvery = readBackInterval(settings.device);
    return settings;
}

void prepareDeviceForTraining(const StepSettings& settings) {
    if (settings.device.is_cuda())
        enableCudnnBenchmark(true);
}

}  // namespace cxr::training
