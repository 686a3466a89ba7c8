// Grad-CAM on the project's ResNet18: the cheap path (gradient through the part after the
// layer only) gives the same maps as a backward through the whole network, shapes per layer,
// target choice, and errors.
#include <ATen/ATen.h>
#include <c10/core/GradMode.h>
#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/explain/grad_cam.h"
#include "core/model/resnet18.h"

namespace cxr::explain {
namespace {

// A random ResNet18 whose batch-norm statistics come from one real batch, in eval mode.
model::ResNet18 makeNet() {
    at::manual_seed(3);
    model::ResNet18 net(2);
    for (auto& module : net->modules(/*include_self=*/false))
        if (auto* bn = module->as<torch::nn::BatchNorm2dImpl>())
            bn->options.momentum(c10::nullopt);
    net->train();
    {
        c10::NoGradGuard noGrad;
        net->forward(at::randn({8, 3, 64, 64}));
    }
    net->eval();
    return net;
}

at::Tensor makeInput(int64_t n, int64_t size) {
    at::manual_seed(7);
    return at::randn({n, 3, size, size});
}

double maxAbsDiff(const at::Tensor& a, const at::Tensor& b) { return (a - b).abs().max().item<double>(); }

TEST(GradCam, CheapPathEqualsFullBackwardForEveryMethodAndLayer) {
    model::ResNet18 net = makeNet();
    const SplitNetwork split = splitNetworkOf(*net);
    const at::Tensor x = makeInput(2, 64);
    for (const std::string layer : {"layer4", "layer3", "layer2"}) {
        for (CamMethod method : {CamMethod::GradCam, CamMethod::GradCamPlusPlus, CamMethod::LayerCam}) {
            CamOptions options;
            options.method = method;
            options.layer = layer;
            const CamResult cheap = computeCam(split, x, options);
            options.fullBackward = true;
            const CamResult full = computeCam(split, x, options);
            SCOPED_TRACE(layer + " " + camMethodName(method));
            EXPECT_EQ(cheap.targets, full.targets);
            EXPECT_LT(maxAbsDiff(cheap.logits, full.logits), 1e-5);
            const double gradScale = full.gradients.abs().max().item<double>();
            ASSERT_GT(gradScale, 0);
            EXPECT_LT(maxAbsDiff(cheap.gradients, full.gradients) / gradScale, 1e-5);
            EXPECT_LT(maxAbsDiff(cheap.grid, full.grid), 1e-5);
            EXPECT_LT(maxAbsDiff(cheap.map, full.map), 1e-5);
        }
    }
}

TEST(GradCam, MapsHaveTheLayerAndInputResolution) {
    model::ResNet18 net = makeNet();
    const SplitNetwork split = splitNetworkOf(*net);
    const at::Tensor x = makeInput(1, 224);
    CamOptions options;
    const CamResult r4 = computeCam(split, x, options);
    EXPECT_EQ(r4.grid.sizes(), (std::vector<int64_t>{1, 7, 7}));
    EXPECT_EQ(r4.map.sizes(), (std::vector<int64_t>{1, 224, 224}));
    options.layer = "layer3";
    const CamResult r3 = computeCam(split, x, options);
    EXPECT_EQ(r3.grid.sizes(), (std::vector<int64_t>{1, 14, 14}));
    EXPECT_NEAR(r3.map.max().item<float>(), 1.0f, 1e-5);
    EXPECT_GE(r3.map.min().item<float>(), 0.0f);
}

TEST(GradCam, DefaultTargetIsEachImagesArgmaxAndAnExplicitClassIsHonoured) {
    model::ResNet18 net = makeNet();
    const SplitNetwork split = splitNetworkOf(*net);
    const at::Tensor x = makeInput(3, 64);
    const CamResult byArgmax = computeCam(split, x);
    const at::Tensor argmax = byArgmax.logits.argmax(1);
    for (int64_t i = 0; i < 3; ++i)
        EXPECT_EQ(byArgmax.targets[static_cast<size_t>(i)], argmax[i].item<int64_t>());

    CamOptions options;
    options.targetClass = 1 - byArgmax.targets[0];
    const CamResult other = computeCam(split, x, options);
    EXPECT_EQ(other.targets[0], options.targetClass);
    // For layer4 the gradient is fc.weight[target] / (h*w) at every position, so the weights
    // of the two classes differ and so do the maps.
    EXPECT_GT(maxAbsDiff(other.gradients[0], byArgmax.gradients[0]), 0);
}

TEST(GradCam, RunsInsideANoGradCallerAndLeavesParameterGradientsAlone) {
    model::ResNet18 net = makeNet();
    const SplitNetwork split = splitNetworkOf(*net);
    c10::NoGradGuard callerGuard;
    CamOptions options;
    options.fullBackward = true;
    const CamResult r = computeCam(split, makeInput(1, 64), options);
    EXPECT_GT(r.grid.max().item<float>(), 0.5f);
    for (const auto& p : net->parameters())
        EXPECT_FALSE(p.grad().defined());
}

TEST(GradCam, ReportsUnknownLayersAndClasses) {
    model::ResNet18 net = makeNet();
    const SplitNetwork split = splitNetworkOf(*net);
    CamOptions options;
    options.layer = "layer5";
    EXPECT_THROW(computeCam(split, makeInput(1, 64), options), Error);
    options.layer = "layer4";
    options.targetClass = 2;
    EXPECT_THROW(computeCam(split, makeInput(1, 64), options), Error);
    EXPECT_THROW(computeCam(split, at::zeros({3, 64, 64})), Error);
}

TEST(GradCam, RefusesANetworkInTrainingMode) {
    model::ResNet18 net = makeNet();
    const SplitNetwork split = splitNetworkOf(*net);
    const auto statistics = [&] { return net->named_buffers()["bn1.running_mean"].clone(); };
    const at::Tensor before = statistics();
    net->train();
    try {
        computeCam(split, makeInput(2, 64));
        ADD_FAILURE() << "a network in training mode was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
        EXPECT_NE(std::string(e.what()).find("eval mode"), std::string::npos) << e.what();
    }
    // Refused before anything ran: the batch-norm statistics are untouched.
    EXPECT_TRUE(statistics().equal(before));

    // One batch-norm layer left training is enough to refuse.
    net->eval();
    net->named_children()["layer4"]->train();
    EXPECT_THROW(computeCam(split, makeInput(1, 64)), Error);
    net->eval();
    EXPECT_NO_THROW(computeCam(split, makeInput(1, 64)));
}

}  // namespace
}  // namespace cxr::explain
