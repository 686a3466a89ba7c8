// Batch loader and augmentation: shapes, normalisation against model::grey8ToInput, order and
// augmentation determinism whatever the thread count, augmentation bounds, class balance.
#include <ATen/ATen.h>

#include <cmath>
#include <set>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/data/batch_loader.h"
#include "core/data/class_balance.h"
#include "core/data/film_cache_writer.h"
#include "core/model/preprocess.h"
#include "test_dirs.h"

namespace fs = std::filesystem;
using namespace cxr::data;

namespace {

constexpr int kSide = 32;

// A cache of `n` films (3:1 PNEUMONIA:NORMAL), film i filled with a gradient offset by i.
FilmCache makeCache(const fs::path& dir, int n) {
    std::vector<FilmCacheRecord> records;
    std::vector<std::vector<std::uint8_t>> pixels;
    for (int i = 0; i < n; ++i) {
        FilmCacheRecord r;
        r.key.path = "/films/" + std::to_string(i) + ".png";
        r.key.size = static_cast<std::uint64_t>(i);
        r.label = i % 4 == 0 ? 0 : 1;
        records.push_back(r);
        std::vector<std::uint8_t> g(kSide * kSide);
        for (int y = 0; y < kSide; ++y)
            for (int x = 0; x < kSide; ++x)
                g[static_cast<std::size_t>(y * kSide + x)] = static_cast<std::uint8_t>((x * 7 + i * 11) % 256);
        pixels.push_back(g);
    }
    writeFilmCache(dir / "films.cache", kSide, records, [&](std::size_t i) { return pixels[i].data(); });
    return FilmCache::open(dir / "films.cache");
}

std::vector<std::size_t> all(std::size_t n) {
    std::vector<std::size_t> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = i;
    return v;
}

std::vector<Batch> epoch(BatchLoader& loader, int e) {
    loader.startEpoch(e);
    std::vector<Batch> batches;
    while (auto b = loader.next())
        batches.push_back(std::move(*b));
    return batches;
}

}  // namespace

TEST(BatchLoader, EvalBatchesMatchTheModelsPreprocessing) {
    const auto cache = makeCache(cxr::test::scratchDir(), 10);
    BatchLoaderOptions o;
    o.batchSize = 4;
    o.imageSize = kSide;  // same size: no resize, so the result must equal grey8ToInput exactly
    o.preprocess.imageSize = kSide;
    BatchLoader loader(cache, all(10), o);
    EXPECT_EQ(loader.batchesPerEpoch(), 3u);
    const auto batches = epoch(loader, 0);
    ASSERT_EQ(batches.size(), 3u);
    EXPECT_EQ(batches[0].images.sizes(), (std::vector<int64_t>{4, 3, kSide, kSide}));
    EXPECT_EQ(batches[2].images.size(0), 2);  // short last batch
    EXPECT_EQ(batches[0].labels.scalar_type(), at::kLong);
    EXPECT_EQ(batches[0].labels[0].item<int64_t>(), 0);
    EXPECT_EQ(batches[0].labels[1].item<int64_t>(), 1);
    EXPECT_EQ(batches[1].indices, (std::vector<std::size_t>{4, 5, 6, 7}));
    const at::Tensor reference = cxr::model::grey8ToInput(cache.image(5), kSide, o.preprocess);
    EXPECT_TRUE(at::allclose(batches[1].images[1].unsqueeze(0), reference, 1e-5, 1e-6));
}

TEST(BatchLoader, ResizesToTheModelSize) {
    const auto cache = makeCache(cxr::test::scratchDir(), 3);
    BatchLoaderOptions o;
    o.batchSize = 3;
    o.imageSize = 24;
    o.workers = 0;
    BatchLoader loader(cache, all(3), o);
    const auto b = epoch(loader, 0);
    EXPECT_EQ(b[0].images.sizes(), (std::vector<int64_t>{3, 3, 24, 24}));
    // Grey replicated: channel c is (x - mean[c]) / std[c] of the same plane.
    const auto& spec = o.preprocess;
    const at::Tensor x0 = b[0].images.select(1, 0) * spec.std[0] + spec.mean[0];
    const at::Tensor x2 = b[0].images.select(1, 2) * spec.std[2] + spec.mean[2];
    EXPECT_TRUE(at::allclose(x0, x2, 1e-5, 1e-5));
    EXPECT_GE(x0.min().item<float>(), -1e-5);
    EXPECT_LE(x0.max().item<float>(), 1 + 1e-5);
}

TEST(BatchLoader, OrderAndAugmentationDependOnlyOnSeedAndEpoch) {
    const auto cache = makeCache(cxr::test::scratchDir(), 20);
    BatchLoaderOptions o;
    o.batchSize = 6;
    o.imageSize = 24;
    o.augment = true;
    o.shuffle = true;
    o.seed = 5;
    o.workers = 2;
    o.prefetch = 2;
    BatchLoader threaded(cache, all(20), o);
    o.workers = 0;
    BatchLoader inline0(cache, all(20), o);
    const auto a = epoch(threaded, 3), b = epoch(inline0, 3);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].indices, b[i].indices);
        EXPECT_TRUE(at::equal(a[i].images, b[i].images)) << "batch " << i;
    }
    const auto c = epoch(threaded, 4);
    EXPECT_NE(a[0].indices, c[0].indices);  // a new epoch reshuffles
    // Every film exactly once per epoch when not sampling with replacement.
    std::multiset<std::size_t> seen;
    for (const auto& batch : c)
        seen.insert(batch.indices.begin(), batch.indices.end());
    const auto everyFilm = all(20);
    EXPECT_EQ(seen, std::multiset<std::size_t>(everyFilm.begin(), everyFilm.end()));
    EXPECT_EQ(threaded.epochOrder(4), inline0.epochOrder(4));
}

TEST(Augmentation, StaysInRangeAndFlipIsExact) {
    const auto cache = makeCache(cxr::test::scratchDir(), 4);
    std::vector<const std::uint8_t*> images;
    for (std::size_t i = 0; i < 4; ++i)
        images.push_back(cache.image(i));
    const at::Tensor grey = greyBytesToTensor(images, kSide);
    AugmentationOptions opt;
    std::vector<AugmentParams> params;
    for (std::uint64_t i = 0; i < 4; ++i) {
        const auto p = sampleAugmentParams(opt, sampleSeed(1, 0, i));
        EXPECT_LE(std::abs(p.angleDegrees), 10.0);
        EXPECT_GE(p.cropW * p.cropH, 0.7 - 1e-9);
        EXPECT_LE(p.cropX + p.cropW, 1.0 + 1e-9);
        EXPECT_LE(p.cropY + p.cropH, 1.0 + 1e-9);
        EXPECT_NEAR(p.contrast, 1.0, 0.1 + 1e-12);
        params.push_back(p);
    }
    const at::Tensor out = augmentBatch(grey, params, 24);
    EXPECT_EQ(out.sizes(), (std::vector<int64_t>{4, 1, 24, 24}));
    EXPECT_GE(out.min().item<float>(), 0.0f);
    EXPECT_LE(out.max().item<float>(), 1.0f);

    // Identity geometry reproduces the film; a flip alone mirrors it column for column.
    std::vector<AugmentParams> identity(4), flipped(4);
    for (auto& p : flipped)
        p.flip = true;
    const at::Tensor same = augmentBatch(grey, identity, kSide);
    EXPECT_TRUE(at::allclose(same, grey, 1e-5, 1e-5));
    const at::Tensor mirrored = augmentBatch(grey, flipped, kSide);
    EXPECT_TRUE(at::allclose(mirrored, grey.flip({3}), 1e-5, 1e-5));
    EXPECT_FALSE(at::allclose(mirrored, grey, 1e-3, 1e-3));
    // A 90 degree turn maps rows to columns (checks the rotation's direction and centre).
    std::vector<AugmentParams> turned(4);
    for (auto& p : turned)
        p.angleDegrees = 90;
    const at::Tensor t = augmentBatch(grey, turned, kSide);
    EXPECT_TRUE(at::allclose(t, grey.transpose(2, 3).flip({2}), 1e-4, 1e-4) ||
                at::allclose(t, grey.transpose(2, 3).flip({3}), 1e-4, 1e-4));
}

// "seed" draws only what the seed's transforms do (flip, rotation): the whole film, no intensity
// change; "chest" crops and changes brightness/contrast; other names are refused.
TEST(Augmentation, PresetsDrawWhatTheyName) {
    const AugmentationOptions seed = augmentationPreset("seed"), chest = augmentationPreset("chest");
    bool flipped = false, rotated = false, cropped = false, shifted = false;
    for (std::uint64_t i = 0; i < 200; ++i) {
        const AugmentParams a = sampleAugmentParams(seed, sampleSeed(1, 0, i));
        EXPECT_DOUBLE_EQ(a.cropW, 1.0);
        EXPECT_DOUBLE_EQ(a.cropH, 1.0);
        EXPECT_DOUBLE_EQ(a.cropX, 0.0);
        EXPECT_DOUBLE_EQ(a.brightness, 0.0);
        EXPECT_DOUBLE_EQ(a.contrast, 1.0);
        EXPECT_LE(std::abs(a.angleDegrees), 10.0);
        flipped |= a.flip;
        rotated |= std::abs(a.angleDegrees) > 1.0;
        const AugmentParams c = sampleAugmentParams(chest, sampleSeed(1, 0, i));
        cropped |= c.cropW < 0.99;
        shifted |= std::abs(c.brightness) > 0.01;
    }
    EXPECT_TRUE(flipped && rotated && cropped && shifted);
    EXPECT_THROW(augmentationPreset("heavy"), cxr::Error);
}

TEST(ClassBalance, WeightsAndSamplerEvenOutThreeToOne) {
    std::vector<int> labels;
    for (int i = 0; i < 400; ++i)
        labels.push_back(i % 4 == 0 ? 0 : 1);
    const auto w = classWeights(labels, 2);
    EXPECT_DOUBLE_EQ(w[0], 400.0 / (2 * 100));
    EXPECT_DOUBLE_EQ(w[1], 400.0 / (2 * 300));
    const auto draws = weightedSample(labels, 2, 4000, 9);
    std::size_t normal = 0;
    for (auto i : draws)
        normal += labels[i] == 0;
    EXPECT_NEAR(static_cast<double>(normal) / 4000.0, 0.5, 0.03);
    EXPECT_EQ(draws, weightedSample(labels, 2, 4000, 9));
    EXPECT_THROW(classWeights({0, 2}, 2), cxr::Error);

    const auto cache = makeCache(cxr::test::scratchDir(), 40);
    BatchLoaderOptions o;
    o.weightedSampler = true;
    o.workers = 0;
    BatchLoader loader(cache, all(40), o);
    const auto order = loader.epochOrder(0);
    EXPECT_EQ(order.size(), 40u);
    EXPECT_THROW(BatchLoader(cache, {}, o), cxr::Error);
    EXPECT_THROW(BatchLoader(cache, {99}, o), cxr::Error);
}
