#include "core/model/resnet18.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <torch/types.h>
#include <torch/utils.h>

#include "core/common/error.h"
#include "core/model/state_dict.h"
#include "model_reference.h"

namespace cxr::model {
namespace {

std::string shapeOf(const at::Tensor& t) {
    std::string s;
    for (auto d : t.sizes())
        s += (s.empty() ? "" : ",") + std::to_string(d);
    return s;
}

TEST(ResNet18, NamesAndShapesMatchTorchvisionInOrder) {
    std::ifstream keys(test::modelReferenceDir() / "keys.txt");
    std::vector<std::string> expected;
    for (std::string line; std::getline(keys, line);)
        expected.push_back(line);
    ASSERT_EQ(expected.size(), 122u);  // 62 params + 60 BN buffers, counted by torchvision

    ResNet18 net(2);
    const auto dict = stateDictOf(*net);
    ASSERT_EQ(dict.size(), expected.size());
    for (std::size_t i = 0; i < dict.size(); ++i)
        EXPECT_EQ(dict[i].first + " " + shapeOf(dict[i].second), expected[i]) << "entry " << i;
}

// A network trained from scratch starts where torchvision's would: He-normal (fan_out)
// convolutions, BatchNorm at weight 1 / bias 0 with mean 0 / variance 1, and fc at Linear's
// default uniform. Each tensor's spread must match a fresh torchvision model's.
TEST(ResNet18, InitialisationMatchesTorchvisionsDistributions) {
    std::ifstream file(test::modelReferenceDir() / "init_stats.txt");
    torch::manual_seed(11);
    ResNet18 net(2);
    std::map<std::string, at::Tensor> sd;
    for (const auto& [name, tensor] : stateDictOf(*net))
        sd[name] = tensor;
    std::size_t compared = 0;
    for (std::string line; std::getline(file, line);) {
        std::istringstream in(line);
        std::string key;
        double mean = 0, sd_ = 0, maxAbs = 0;
        in >> key >> mean >> sd_ >> maxAbs;
        ASSERT_TRUE(in) << line;
        ASSERT_TRUE(sd.count(key)) << key;
        const auto t = sd.at(key).to(at::kDouble);
        const double ourMean = t.mean().item<double>(), ourStd = t.std(/*unbiased=*/false).item<double>();
        const double ourMax = t.abs().max().item<double>();
        if (sd_ == 0) {  // constants: BatchNorm weight/bias, running mean/var
            EXPECT_DOUBLE_EQ(ourStd, 0.0) << key;
            EXPECT_DOUBLE_EQ(ourMean, mean) << key;
        } else if (t.numel() >= 1000) {
            EXPECT_NEAR(ourStd / sd_, 1.0, 0.05) << key << ": std " << ourStd << " vs torchvision " << sd_;
            EXPECT_NEAR(ourMean, 0.0, 0.1 * sd_) << key;
        } else {  // fc.bias: two draws from the same uniform
            EXPECT_LE(ourMax, 1.0 / std::sqrt(512.0) + 1e-9) << key;
        }
        if (sd_ > 0 && t.numel() >= 1000 && key.rfind("fc.", 0) == 0) {  // uniform: same bound
            EXPECT_NEAR(ourMax / maxAbs, 1.0, 0.02) << key;
        }
        ++compared;
    }
    EXPECT_EQ(compared, 102u);  // 62 parameters + 40 float BatchNorm buffers
}

TEST(ResNet18, ForwardToThenFromEqualsForward) {
    torch::manual_seed(0);
    ResNet18 net(3);
    net->eval();
    const auto x = torch::randn({2, 3, 64, 64});
    torch::NoGradGuard noGrad;
    const auto logits = net->forward(x);
    ASSERT_EQ(logits.sizes(), (at::IntArrayRef{2, 3}));
    const std::vector<std::pair<std::string, std::vector<int64_t>>> layers{
        {"layer1", {2, 64, 16, 16}}, {"layer2", {2, 128, 8, 8}}, {"layer3", {2, 256, 4, 4}}, {"layer4", {2, 512, 2, 2}}};
    for (const auto& [layer, shape] : layers) {
        const auto act = net->forwardTo(x, layer);
        EXPECT_EQ(act.sizes(), at::IntArrayRef(shape)) << layer;
        EXPECT_TRUE(torch::allclose(net->forwardFrom(act, layer), logits, 1e-5, 1e-6)) << layer;
    }
    EXPECT_THROW(net->forwardTo(x, "layer5"), Error);
    EXPECT_THROW(net->forwardFrom(x, "fc"), Error);
}

TEST(ResNet18, SetTrainableSelectsPhaseParameters) {
    ResNet18 net(2);
    net->setTrainable({"fc"});
    EXPECT_EQ(net->trainableParameters().size(), 2u);
    net->setTrainable({"layer4", "fc"});
    EXPECT_EQ(net->trainableParameters().size(), 2u + 15u);  // layer4: 2 blocks x (2 conv + 2x2 bn) + downsample 3
    for (const auto& p : net->named_parameters())
        EXPECT_EQ(p.value().requires_grad(), p.key().rfind("layer4.", 0) == 0 || p.key().rfind("fc.", 0) == 0) << p.key();
    net->setTrainable({});
    EXPECT_EQ(net->trainableParameters().size(), net->parameters().size());
    EXPECT_THROW(net->setTrainable({"layer"}), Error);  // a prefix must match whole name parts
}

TEST(ResNet18, FrozenBatchNormStatsFollowTheChosenPolicy) {
    torch::manual_seed(0);
    const auto x = torch::randn({2, 3, 32, 32}) * 3 + 1;
    auto runningMeanAfterStep = [&](bool freeze) {
        ResNet18 net(2);
        net->setTrainable({"fc"});
        net->setFreezeBatchNormStats(freeze);
        net->train();
        torch::NoGradGuard noGrad;
        net->forward(x);
        return std::make_pair(stateDictOf(*net)[5].second.item<int64_t>(),  // bn1.num_batches_tracked
                              stateDictOf(*net)[3].second.abs().sum().item<float>());  // bn1.running_mean
    };
    const auto seedLike = runningMeanAfterStep(false);  // requires_grad=False + train(): stats move
    EXPECT_EQ(seedLike.first, 1);
    EXPECT_GT(seedLike.second, 0.0f);
    const auto frozen = runningMeanAfterStep(true);
    EXPECT_EQ(frozen.first, 0);
    EXPECT_EQ(frozen.second, 0.0f);
}

TEST(ResNet18, ChannelsLastKeepsOutputs) {
    torch::manual_seed(0);
    ResNet18 net(2);
    net->eval();
    const auto x = torch::randn({1, 3, 64, 64});
    torch::NoGradGuard noGrad;
    const auto before = net->forward(x);
    toChannelsLast(*net);
    EXPECT_TRUE(net->named_parameters()["conv1.weight"].is_contiguous(at::MemoryFormat::ChannelsLast));
    const auto after = net->forward(x.contiguous(at::MemoryFormat::ChannelsLast));
    EXPECT_TRUE(torch::allclose(before, after, 1e-5, 1e-5));
}

}  // namespace
}  // namespace cxr::model
