// The Grad-CAM family's arithmetic on hand-made activations and gradients.
#include <cmath>

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/explain/cam_math.h"
#include "core/explain/cam_method.h"

namespace cxr::explain {
namespace {

at::Tensor fromValues(std::vector<float> values, at::IntArrayRef shape) {
    return at::tensor(values, at::kFloat).reshape(shape);
}

TEST(CamMath, GradCamWeightsAreTheSpatialMeanOfTheGradients) {
    // Two channels on a 1x2 grid.
    const at::Tensor a = fromValues({1, 2, 3, 4}, {1, 2, 1, 2});
    const at::Tensor g = fromValues({0.5f, 1.5f, -1, -3}, {1, 2, 1, 2});
    const at::Tensor w = camChannelWeights(CamMethod::GradCam, a, g);
    EXPECT_FLOAT_EQ(w[0][0].item<float>(), 1.0f);
    EXPECT_FLOAT_EQ(w[0][1].item<float>(), -2.0f);
    const at::Tensor cam = camFromGradients(CamMethod::GradCam, a, g);
    ASSERT_EQ(cam.sizes(), (std::vector<int64_t>{1, 1, 2}));
    EXPECT_FLOAT_EQ(cam[0][0][0].item<float>(), 1 * 1 - 2 * 3);
    EXPECT_FLOAT_EQ(cam[0][0][1].item<float>(), 1 * 2 - 2 * 4);
}

TEST(CamMath, GradCamPlusPlusFollowsEquation19AndIgnoresZeroGradients) {
    const at::Tensor a = fromValues({1, 3}, {1, 1, 1, 2});
    const at::Tensor g = fromValues({2, 0}, {1, 1, 1, 2});
    // a_ij = g^2 / (2 g^2 + sum(A) g^3 + eps) = 4 / (8 + 4*8 + 1e-6) at the first position,
    // 0 where the gradient is zero; weight = sum ReLU(g) a_ij.
    const double expected = 2.0 * 4.0 / (8.0 + 32.0 + 1e-6);
    const at::Tensor w = camChannelWeights(CamMethod::GradCamPlusPlus, a, g);
    EXPECT_NEAR(w[0][0].item<float>(), expected, 1e-7);
    const at::Tensor negative = camChannelWeights(CamMethod::GradCamPlusPlus, a, -g);
    EXPECT_FLOAT_EQ(negative[0][0].item<float>(), 0.0f);
}

TEST(CamMath, LayerCamWeighsEachPositionByItsPositiveGradient) {
    const at::Tensor a = fromValues({1, 2, 3, 4}, {1, 2, 1, 2});
    const at::Tensor g = fromValues({1, -1, 2, 0.5f}, {1, 2, 1, 2});
    const at::Tensor cam = camFromGradients(CamMethod::LayerCam, a, g);
    EXPECT_FLOAT_EQ(cam[0][0][0].item<float>(), 1 * 1 + 2 * 3);
    EXPECT_FLOAT_EQ(cam[0][0][1].item<float>(), 0 * 2 + 0.5f * 4);
    EXPECT_THROW(camChannelWeights(CamMethod::LayerCam, a, g), Error);
}

TEST(CamMath, NormalisationIsPerImageAndAFlatMapBecomesZeros) {
    const at::Tensor maps = fromValues({2, 4, 6, 10, 5, 5, 5, 5}, {2, 2, 2});
    const at::Tensor n = minMaxNormalise(maps);
    EXPECT_FLOAT_EQ(n[0][0][0].item<float>(), 0.0f);
    EXPECT_NEAR(n[0][0][1].item<float>(), 0.25f, 1e-6);
    EXPECT_NEAR(n[0][1][1].item<float>(), 1.0f, 1e-6);
    for (int i = 0; i < 4; ++i) {
        const float v = n[1].flatten()[i].item<float>();
        EXPECT_FALSE(std::isnan(v));
        EXPECT_EQ(v, 0.0f);
    }
}

TEST(CamMath, ResizeUsesHalfPixelCentresAndClampsBorders) {
    // cv2.resize([0, 1], (4, 1), INTER_LINEAR) = [0, 0.25, 0.75, 1].
    const at::Tensor r = resizeBilinear(fromValues({0, 1}, {1, 1, 2}), 1, 4);
    ASSERT_EQ(r.size(2), 4);
    EXPECT_FLOAT_EQ(r[0][0][0].item<float>(), 0.0f);
    EXPECT_FLOAT_EQ(r[0][0][1].item<float>(), 0.25f);
    EXPECT_FLOAT_EQ(r[0][0][2].item<float>(), 0.75f);
    EXPECT_FLOAT_EQ(r[0][0][3].item<float>(), 1.0f);
}

TEST(CamMath, PostprocessingDropsNegativeEvidenceAndRescalesTheResizedMap) {
    const at::Tensor raw = fromValues({-3, 1, 0, 2}, {1, 2, 2});
    const CamMaps maps = postprocessCam(raw, 8, 8);
    EXPECT_FLOAT_EQ(maps.grid[0][0][0].item<float>(), 0.0f);  // negative -> ReLU -> min
    EXPECT_NEAR(maps.grid[0][1][1].item<float>(), 1.0f, 1e-6);
    EXPECT_NEAR(maps.map.max().item<float>(), 1.0f, 1e-6);
    EXPECT_NEAR(maps.map.min().item<float>(), 0.0f, 1e-6);
    EXPECT_EQ(maps.map.size(1), 8);
    // The peak stays in the bottom-right quadrant.
    EXPECT_NEAR(maps.map[0][7][7].item<float>(), 1.0f, 1e-6);
}

TEST(CamMethodNames, ParseAndPrintRoundTrip) {
    for (const auto& name : camMethodNames())
        EXPECT_EQ(camMethodName(parseCamMethod(name)), name);
    EXPECT_EQ(parseCamMethod("GradCAM++"), CamMethod::GradCamPlusPlus);
    EXPECT_THROW(parseCamMethod("scorecam"), Error);
}

}  // namespace
}  // namespace cxr::explain
