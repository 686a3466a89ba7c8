// The settings a run steps with on each device, decided once (training::stepSettingsFor) for the
// Trainer and for cxr_bench, which times "what a run does".
#include <gtest/gtest.h>

#include "training/step_settings.h"

namespace cxr::training {
namespace {

TEST(StepSettings, FollowTheConfigOnEachDevice) {
    const TrainingConfig defaults;
    const StepSettings cuda = stepSettingsFor(defaults, "cuda:0");  // no GPU needed to decide
    EXPECT_TRUE(cuda.device.is_cuda());
    EXPECT_TRUE(cuda.amp);                       // amp "auto" is bf16 on CUDA
    EXPECT_EQ(cuda.channelsLast, defaults.channelsLast);
    EXPECT_EQ(cuda.syncEvery, readBackInterval(cuda.device));
    EXPECT_GT(cuda.syncEvery, 1);                // reading the loss every step starves a GPU

    const StepSettings cpu = stepSettingsFor(defaults, "cpu");
    EXPECT_FALSE(cpu.device.is_cuda());
    EXPECT_FALSE(cpu.amp);
    EXPECT_EQ(cpu.syncEvery, 1);                 // a NaN loss is caught before its step

    TrainingConfig plain;
    plain.amp = "off";
    plain.channelsLast = false;
    const StepSettings off = stepSettingsFor(plain, "cuda");
    EXPECT_FALSE(off.amp);
    EXPECT_FALSE(off.channelsLast);
}

}  // namespace
}  // namespace cxr::training
