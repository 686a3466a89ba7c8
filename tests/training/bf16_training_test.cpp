// Training in bf16 on the CPU: autocast changes the arithmetic of the steps (the weights come
// out different from an fp32 run's, yet close), while weights, checkpoints and the figures
// stay fp32 and finite.
#include <algorithm>
#include <cmath>
#include <map>

#include <gtest/gtest.h>
#include <torch/types.h>

#include "core/model/resnet18.h"
#include "core/model/state_dict.h"
#include "core/training/run_state.h"
#include "core/training/trainer.h"
#include "test_dirs.h"
#include "tiny_training.h"

namespace cxr::training {
namespace {

struct Trained {
    std::map<std::string, torch::Tensor> weights;
    TrainingResult result;
    std::filesystem::path dir;
};

Trained trainTiny(const std::string& precision) {
    Trained t;
    t.dir = test::scratchDir();
    auto data = test::tinyData(32, 16, 32, 8);
    auto config = test::tinyConfig(1);
    config.device = "cpu";
    config.precision = precision;
    config.plan = "scratch";
    config.resolvePlan(false);
    torch::manual_seed(0);
    model::ResNet18 net(2);
    Trainer trainer(config, RunDirectory(t.dir), nullptr);
    t.result = trainer.run(net, data.train, data.val, {{"NORMAL", "PNEUMONIA"}, {}, false});
    EXPECT_EQ(trainer.stepSettings().amp, precision == "bf16");
    for (const auto& [name, tensor] : model::stateDictOf(*net))
        t.weights[name] = tensor.clone();
    return t;
}

TEST(Bf16Training, AutocastChangesTheStepsButWeightsAndCheckpointsStayFp32) {
    const auto fp32 = trainTiny("fp32");
    const auto bf16 = trainTiny("bf16");
    double largestRelative = 0;
    bool anyDifferent = false;
    for (const auto& [name, w] : bf16.weights) {
        if (!w.is_floating_point())
            continue;
        EXPECT_EQ(w.scalar_type(), torch::kFloat) << name;
        EXPECT_TRUE(torch::isfinite(w).all().item<bool>()) << name;
        const auto& ref = fp32.weights.at(name);
        if (!torch::equal(w, ref))
            anyDifferent = true;
        if (name.find("weight") != std::string::npos && name.find("bn") == std::string::npos && ref.numel() > 100)
            largestRelative = std::max(largestRelative, ((w - ref).norm() / ref.norm()).item<double>());
    }
    EXPECT_TRUE(anyDifferent) << "bf16 training gave the fp32 weights bit for bit: autocast did not run";
    // Three epochs apart the runs have drifted (rounding differences grow), but not diverged.
    EXPECT_LT(largestRelative, 0.3) << "bf16 and fp32 weights after three short epochs are far apart";
    // The saved best checkpoint is fp32 too, and the figures are finite.
    const auto state = RunState::read(bf16.dir / "state.json");
    for (const auto& [name, tensor] : model::readStateDict(RunDirectory(bf16.dir).bestCheckpoint(state)))
        if (tensor.is_floating_point())
            EXPECT_EQ(tensor.scalar_type(), torch::kFloat) << name;
    for (const auto& row : bf16.result.history) {
        EXPECT_TRUE(std::isfinite(row.trainLoss));
        EXPECT_TRUE(std::isfinite(row.valLoss));
    }
}

}  // namespace
}  // namespace cxr::training
