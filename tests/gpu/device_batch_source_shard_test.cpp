// A data-parallel rank's batches from films held where the net runs (DeviceBatchSource with a
// world size): each rank serves its padded stride of one permutation, the same number of
// batches on every rank, together every film; the weighted sampler's one class-balanced draw is
// split the same way. Runs on the CPU here and on CUDA under CXR_TEST_DEVICE=cuda.
#include <set>
#include <vector>

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/data/device_augmenter.h"
#include "core/training/device_batch_source.h"
#include "core/training/distributed/distributed_shard.h"
#include "test_device.h"

namespace cxr::training {
namespace {

constexpr int kSide = 16;

data::DeviceAugmenter filmsWithLabels(const std::vector<int64_t>& labels) {
    const auto n = static_cast<int64_t>(labels.size());
    data::DeviceAugmentOptions o;
    o.imageSize = kSide;
    o.augment = false;
    return data::DeviceAugmenter(at::zeros({n, kSide, kSide}, at::TensorOptions().dtype(at::kByte)),
                                 at::tensor(labels, at::TensorOptions().dtype(at::kLong)), test::testDevice(), o);
}

std::vector<std::size_t> served(DeviceBatchSource& source, int epoch, std::size_t* batches) {
    source.startEpoch(epoch);
    std::vector<std::size_t> films;
    *batches = 0;
    while (auto b = source.next()) {
        EXPECT_EQ(b->images.device().type(), test::testDevice().type());
        films.insert(films.end(), b->indices.begin(), b->indices.end());
        ++*batches;
    }
    return films;
}

TEST(DeviceBatchSourceShard, RanksServeTheirPaddedStrideOfOnePermutation) {
    std::vector<int64_t> labels(11);
    for (std::size_t i = 0; i < labels.size(); ++i)
        labels[i] = static_cast<int64_t>(i % 2);
    DeviceBatchSource rank0(filmsWithLabels(labels), 4, true, 9, false, 2, 0);
    DeviceBatchSource rank1(filmsWithLabels(labels), 4, true, 9, false, 2, 1);
    EXPECT_EQ(rank0.size(), 6u);  // ceil(11 / 2)
    EXPECT_EQ(rank1.batchesPerEpoch(), 2u);
    for (int epoch : {0, 5}) {
        std::size_t b0 = 0, b1 = 0;
        const auto a = served(rank0, epoch, &b0), b = served(rank1, epoch, &b1);
        EXPECT_EQ(b0, 2u);
        EXPECT_EQ(b1, 2u);
        EXPECT_EQ(a, dist::shardIndices(11, 2, 0, 9, epoch));
        EXPECT_EQ(b, dist::shardIndices(11, 2, 1, 9, epoch));
        std::set<std::size_t> both(a.begin(), a.end());
        both.insert(b.begin(), b.end());
        EXPECT_EQ(both.size(), 11u);
    }
    std::size_t ignored = 0;
    EXPECT_NE(served(rank0, 0, &ignored), served(rank0, 1, &ignored));  // a new order every epoch
    EXPECT_THROW(DeviceBatchSource(filmsWithLabels(labels), 4, true, 9, false, 2, 2), Error);
    EXPECT_THROW(DeviceBatchSource(filmsWithLabels(labels), 4, false, 9, false, 2, 0), Error);
}

TEST(DeviceBatchSourceShard, WeightedDrawIsBalancedAndSplitBetweenRanks) {
    std::vector<int64_t> labels(40);
    for (std::size_t i = 0; i < labels.size(); ++i)
        labels[i] = i % 5 == 0 ? 1 : 0;  // a fifth of the films in class 1
    DeviceBatchSource rank0(filmsWithLabels(labels), 8, true, 3, true, 2, 0);
    DeviceBatchSource rank1(filmsWithLabels(labels), 8, true, 3, true, 2, 1);
    int positives = 0, total = 0;
    for (int epoch = 0; epoch < 4; ++epoch) {
        std::size_t b0 = 0, b1 = 0;
        const auto a = served(rank0, epoch, &b0), b = served(rank1, epoch, &b1);
        ASSERT_EQ(a.size(), 20u);
        ASSERT_EQ(b.size(), 20u);
        EXPECT_NE(a, b);
        for (const auto f : a)
            positives += static_cast<int>(labels[f]);
        for (const auto f : b)
            positives += static_cast<int>(labels[f]);
        total += 40;
    }
    EXPECT_GT(positives, total * 35 / 100);
    EXPECT_LT(positives, total * 65 / 100);
}

}  // namespace
}  // namespace cxr::training
