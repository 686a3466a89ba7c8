// The settings a run steps with on each device, decided once (training::stepSettingsFor) for the
// Trainer and for cxr_bench, which times "what a run does".
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/model/cpu_features.h"
#include "core/training/autocast_guard.h"
#include "core/training/step_settings.h"

namespace cxr::training {
namespace {

TEST(StepSettings, FollowTheConfigOnEachDevice) {
    const TrainingConfig defaults;
    const StepSettings cuda = stepSettingsFor(defaults, "cuda:0");  // no GPU needed to decide
    EXPECT_TRUE(cuda.device.is_cuda());
    EXPECT_TRUE(cuda.amp);                       // precision "auto" is bf16 on CUDA
    EXPECT_EQ(cuda.channelsLast, defaults.channelsLast);
    EXPECT_EQ(cuda.syncEvery, readBackInterval(cuda.device));
    EXPECT_GT(cuda.syncEvery, 1);                // reading the loss every step starves a GPU

    const StepSettings cpu = stepSettingsFor(defaults, "cpu");
    EXPECT_FALSE(cpu.device.is_cuda());
    EXPECT_FALSE(cpu.amp);  // "auto" is fp32 on every CPU (bf16 scored lower on real films)
    EXPECT_EQ(cpu.syncEvery, 1);                 // a NaN loss is caught before its step

    TrainingConfig plain;
    plain.precision = "fp32";
    plain.channelsLast = false;
    const StepSettings off = stepSettingsFor(plain, "cuda");
    EXPECT_FALSE(off.amp);
    EXPECT_FALSE(off.channelsLast);
}

TEST(Precision, AutoIsBf16WhereTheHardwareHasItAndFp32Elsewhere) {
    EXPECT_EQ(resolvePrecision("auto", "cuda:0"), "bf16");
    EXPECT_EQ(resolvePrecision("auto-cuda", "cuda"), "bf16");
    EXPECT_EQ(resolvePrecision("auto-cuda", "cpu"), "fp32");  // what an old config's amp "auto" meant
    EXPECT_EQ(resolvePrecision("fp32", "cuda"), "fp32");
    EXPECT_EQ(resolvePrecision("bf16", "cpu"), "bf16");
    const bool fast = model::cpuBf16Support().fast();
    EXPECT_EQ(resolvePrecision("auto", "cpu"), "fp32");  // even with bf16 instructions: real films
    // The slow-path warning only where bf16 would be emulated.
    EXPECT_EQ(!precisionWarning("bf16", "cpu").has_value(), fast);
    EXPECT_FALSE(precisionWarning("fp32", "cpu").has_value());
    EXPECT_FALSE(precisionWarning("bf16", "cuda").has_value());
    EXPECT_EQ(precisionDescription("fp32", "cpu"), "fp32");
    EXPECT_NE(precisionDescription("bf16", "cpu").find("bf16 autocast (CPU: "), std::string::npos);
    // An inference pass is fp32 whatever the training precision.
    TrainingConfig bf16;
    bf16.precision = "bf16";
    EXPECT_TRUE(stepSettingsFor(bf16, "cpu").amp);
    EXPECT_FALSE(inferenceSettings(stepSettingsFor(bf16, "cpu")).amp);
}

// CPUID's answer agrees with the kernel's: on Linux /proc/cpuinfo lists avx512_bf16 and amx_bf16
// among the flags exactly when the processor has them and the kernel enabled their state.
TEST(Precision, CpuidAgreesWithTheKernelsFlags) {
    std::ifstream info("/proc/cpuinfo");
    if (!info)
        GTEST_SKIP() << "no /proc/cpuinfo";
    std::string flags;
    for (std::string line; std::getline(info, line);)
        if (line.rfind("flags", 0) == 0) {
            flags = " " + line.substr(line.find(':') + 1) + " ";
            break;
        }
    ASSERT_FALSE(flags.empty());
    const auto& cpu = model::cpuBf16Support();
    EXPECT_EQ(cpu.avx512Bf16, flags.find(" avx512_bf16 ") != std::string::npos) << flags;
    EXPECT_EQ(cpu.amxBf16, flags.find(" amx_bf16 ") != std::string::npos) << flags;
}

}  // namespace
}  // namespace cxr::training
