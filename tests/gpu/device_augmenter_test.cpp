#include "core/data/device_augmenter.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cmath>

#include "core/common/error.h"
#include "test_device.h"

namespace cxr::data {
namespace {

constexpr int kSide = 64;
constexpr int kOut = 48;

// Films whose pixel value is a horizontal ramp (column index * 3), so geometry is measurable.
at::Tensor rampFilms(int64_t n) {
    at::Tensor row = at::arange(kSide, at::TensorOptions().dtype(at::kFloat)) * 3.0;
    return row.view({1, 1, kSide}).expand({n, kSide, kSide}).to(at::kByte).contiguous();
}

at::Tensor constantFilms(int64_t n, int value) {
    return at::full({n, kSide, kSide}, value, at::TensorOptions().dtype(at::kByte));
}

at::Tensor labelsOf(int64_t n) { return at::arange(n, at::TensorOptions().dtype(at::kLong)) % 2; }

DeviceAugmentOptions plain() {
    DeviceAugmentOptions o;
    o.imageSize = kOut;
    o.augment = false;
    return o;
}

// Augmentation whose only randomness is switched off, apart from what a test turns on.
DeviceAugmentOptions neutral() {
    DeviceAugmentOptions o = plain();
    o.augment = true;
    o.augmentation.minScale = o.augmentation.maxScale = 1.0;
    o.augmentation.minRatio = o.augmentation.maxRatio = 1.0;
    o.augmentation.maxRotationDegrees = 0.0;
    o.augmentation.flipProbability = 0.0;
    o.augmentation.brightness = 0.0;
    o.augmentation.contrast = 0.0;
    return o;
}

at::Tensor allPositions(int64_t n) { return at::arange(n, at::TensorOptions().dtype(at::kLong)); }

at::Tensor cpuFloat(const at::Tensor& t) { return t.to(at::kCPU, at::kFloat).contiguous(); }

TEST(DeviceAugmenter, PlainResizeOfConstantFilmGivesImageNetNormalisedValues) {
    const c10::Device device = test::testDevice();
    DeviceAugmenter aug(constantFilms(3, 128), labelsOf(3), device, plain());
    at::Tensor x = aug.images(allPositions(3));
    // "cuda" names no index; the tensor lives on a concrete one (cuda:0).
    ASSERT_EQ(x.device().type(), device.type());
    if (device.has_index())
        ASSERT_EQ(x.device().index(), device.index());
    ASSERT_EQ(x.sizes(), (at::IntArrayRef{3, 3, kOut, kOut}));
    x = cpuFloat(x);
    const model::PreprocessSpec spec;
    for (int c = 0; c < 3; ++c) {
        const float expected = (128.0f / 255.0f - spec.mean[c]) / spec.std[c];
        at::Tensor channel = x.select(1, c);
        EXPECT_NEAR(channel.min().item<float>(), expected, 1e-5) << "channel " << c;
        EXPECT_NEAR(channel.max().item<float>(), expected, 1e-5) << "channel " << c;
    }
}

// Away from the borders, where the evaluation resize's antialiasing filter is clipped.
at::Tensor interior(const at::Tensor& x) { return x.narrow(2, 4, kOut - 8).narrow(3, 4, kOut - 8); }

TEST(DeviceAugmenter, NeutralAugmentationEqualsPlainResize) {
    const c10::Device device = test::testDevice();
    DeviceAugmenter plainAug(rampFilms(4), labelsOf(4), device, plain());
    DeviceAugmenter neutralAug(rampFilms(4), labelsOf(4), device, neutral());
    at::Tensor a = cpuFloat(plainAug.images(allPositions(4)));
    at::Tensor b = cpuFloat(neutralAug.images(allPositions(4)));
    // The antialiasing filter and plain bilinear agree on a linear ramp up to rounding.
    EXPECT_LT((interior(a) - interior(b)).abs().max().item<float>(), 2e-3);
}

TEST(DeviceAugmenter, CertainFlipMirrorsTheFilm) {
    const c10::Device device = test::testDevice();
    DeviceAugmentOptions flipping = neutral();
    flipping.augmentation.flipProbability = 1.0;
    DeviceAugmenter plainAug(rampFilms(2), labelsOf(2), device, neutral());
    DeviceAugmenter flipAug(rampFilms(2), labelsOf(2), device, flipping);
    at::Tensor a = cpuFloat(plainAug.images(allPositions(2)));
    at::Tensor b = cpuFloat(flipAug.images(allPositions(2)));
    EXPECT_LT((a.flip({3}) - b).abs().max().item<float>(), 1e-4);
    EXPECT_GT((a - b).abs().max().item<float>(), 0.5);  // the ramp really changed direction
}

TEST(DeviceAugmenter, QuarterAreaCropMagnifiesTwice) {
    const c10::Device device = test::testDevice();
    DeviceAugmentOptions crop = neutral();
    crop.augmentation.minScale = crop.augmentation.maxScale = 0.25;  // half the width, half the height
    DeviceAugmenter plainAug(rampFilms(5), labelsOf(5), device, plain());
    DeviceAugmenter cropAug(rampFilms(5), labelsOf(5), device, crop);
    // Horizontal step between neighbouring output pixels, away from the borders.
    auto slope = [](const at::Tensor& x) {
        at::Tensor inner = x.select(1, 0).narrow(2, 4, kOut - 8);
        return (inner.narrow(2, 1, kOut - 9) - inner.narrow(2, 0, kOut - 9)).mean().item<double>();
    };
    const double plainSlope = slope(cpuFloat(plainAug.images(allPositions(5))));
    const double cropSlope = slope(cpuFloat(cropAug.images(allPositions(5))));
    ASSERT_GT(plainSlope, 0.0);
    EXPECT_NEAR(cropSlope / plainSlope, 0.5, 0.02);
}

TEST(DeviceAugmenter, BrightnessVariesPerFilmWithinItsRange) {
    const c10::Device device = test::testDevice();
    DeviceAugmentOptions bright = neutral();
    bright.augmentation.brightness = 0.3;
    bright.preprocess.mean = {0.f, 0.f, 0.f};
    bright.preprocess.std = {1.f, 1.f, 1.f};
    DeviceAugmenter aug(constantFilms(16, 102), labelsOf(16), device, bright);  // 0.4 grey
    at::Tensor x = cpuFloat(aug.images(allPositions(16)));
    at::Tensor perFilm = x.mean({1, 2, 3});
    EXPECT_GE(perFilm.min().item<float>(), 0.4f - 0.3f - 1e-5f);
    EXPECT_LE(perFilm.max().item<float>(), 0.4f + 0.3f + 1e-5f);
    EXPECT_GT((perFilm.max() - perFilm.min()).item<float>(), 0.05f);  // not one factor for all
    // Within a film brightness is uniform: a constant film stays constant.
    EXPECT_LT((x - perFilm.view({16, 1, 1, 1})).abs().max().item<float>(), 1e-5);
}

TEST(DeviceAugmenter, FullAugmentationStaysInNormalisedRangeAndRepeatsWithTheSeed) {
    const c10::Device device = test::testDevice();
    DeviceAugmentOptions o;
    o.imageSize = kOut;
    DeviceAugmenter aug(rampFilms(8), labelsOf(8), device, o);
    at::manual_seed(7);
    at::Tensor a = cpuFloat(aug.images(allPositions(8)));
    at::manual_seed(7);
    at::Tensor b = cpuFloat(aug.images(allPositions(8)));
    at::Tensor c = cpuFloat(aug.images(allPositions(8)));
    EXPECT_TRUE(at::equal(a, b));
    EXPECT_FALSE(at::equal(b, c));
    const model::PreprocessSpec spec;
    for (int ch = 0; ch < 3; ++ch) {
        at::Tensor channel = a.select(1, ch);
        EXPECT_GE(channel.min().item<float>(), -spec.mean[ch] / spec.std[ch] - 1e-4);
        EXPECT_LE(channel.max().item<float>(), (1 - spec.mean[ch]) / spec.std[ch] + 1e-4);
        EXPECT_FALSE(at::isnan(channel).any().item<bool>());
    }
}

TEST(DeviceAugmenter, ChannelsLastBFloat16BatchKeepsValuesAndLayout) {
    const c10::Device device = test::testDevice();
    DeviceAugmentOptions o = plain();
    o.channelsLast = true;
    o.outputType = at::kBFloat16;
    DeviceAugmenter fast(rampFilms(2), labelsOf(2), device, o);
    DeviceAugmenter ref(rampFilms(2), labelsOf(2), device, plain());
    at::Tensor x = fast.images(allPositions(2));
    EXPECT_EQ(x.scalar_type(), at::kBFloat16);
    EXPECT_TRUE(x.is_contiguous(at::MemoryFormat::ChannelsLast));
    EXPECT_LT((cpuFloat(x) - cpuFloat(ref.images(allPositions(2)))).abs().max().item<float>(), 0.02);
}

TEST(DeviceAugmenter, GathersLabelsAndFilmsByPosition) {
    const c10::Device device = test::testDevice();
    at::Tensor films = at::stack({constantFilms(1, 10)[0], constantFilms(1, 200)[0], constantFilms(1, 90)[0]});
    at::Tensor labels = at::tensor({0, 1, 1}, at::TensorOptions().dtype(at::kLong));
    DeviceAugmentOptions o = plain();
    o.preprocess.channels = 1;
    o.preprocess.mean = {0.f, 0.f, 0.f};
    o.preprocess.std = {1.f, 1.f, 1.f};
    DeviceAugmenter aug(films, labels, device, o);
    at::Tensor pos = at::tensor({2, 0, 1, 2}, at::TensorOptions().dtype(at::kLong));
    at::Tensor got = aug.labels(pos).to(at::kCPU);
    EXPECT_TRUE(at::equal(got, at::tensor({1, 0, 1, 1}, at::TensorOptions().dtype(at::kLong))));
    at::Tensor x = cpuFloat(aug.images(pos));
    ASSERT_EQ(x.size(1), 1);
    const float expected[] = {90 / 255.f, 10 / 255.f, 200 / 255.f, 90 / 255.f};
    for (int i = 0; i < 4; ++i)
        EXPECT_NEAR(x[i].mean().item<float>(), expected[i], 1e-5) << "sample " << i;
    at::Tensor order = aug.shuffledPositions().to(at::kCPU);
    EXPECT_TRUE(at::equal(std::get<0>(order.sort()), allPositions(3)));
}

TEST(DeviceAugmenter, RejectsMalformedInputWithAClearError) {
    const c10::Device device = test::testDevice();
    EXPECT_THROW(DeviceAugmenter(at::zeros({2, 8, 9}, at::TensorOptions().dtype(at::kByte)), labelsOf(2),
                                 device, plain()),
                 cxr::Error);
    EXPECT_THROW(DeviceAugmenter(at::zeros({2, 8, 8}), labelsOf(2), device, plain()), cxr::Error);
    EXPECT_THROW(DeviceAugmenter(constantFilms(2, 1), labelsOf(3), device, plain()), cxr::Error);
    DeviceAugmentOptions bad = plain();
    bad.augmentation.minScale = 0.0;
    EXPECT_THROW(DeviceAugmenter(constantFilms(2, 1), labelsOf(2), device, bad), cxr::Error);
    try {
        DeviceAugmenter(constantFilms(2, 1), labelsOf(3), device, plain());
    } catch (const cxr::Error& e) {
        EXPECT_NE(std::string(e.what()).find("labels"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace cxr::data
