#pragma once
// DeviceBatchSource: batches from a data::DeviceAugmenter — the films held on the GPU, cropped,
// flipped, rotated and normalised there — so a CUDA run has no CPU work between steps. The order
// of an epoch is drawn on the CPU from (seed, epoch), like the CPU loader, so a resumed run
// sees the same orders. In a data-parallel run (worldSize > 1) every rank holds the whole set and
// serves its shard of each epoch: the same permutation (or class-balanced draw) on every rank,
// padded and strided like the CPU's ShardedLoaderBatchSource (distributed_shard.h).
#include <cstdint>
#include <vector>

#include "core/data/device_augmenter.h"
#include "core/training/batch_source.h"

namespace cxr::training {

class DeviceBatchSource : public BatchSource {
public:
    DeviceBatchSource(data::DeviceAugmenter augmenter, int batchSize, bool shuffle, std::uint64_t seed,
                      bool weightedSampler, int worldSize = 1, int rank = 0);
    void startEpoch(int epoch) override;
    std::optional<data::Batch> next() override;
    std::size_t batchesPerEpoch() const override;
    std::size_t size() const override;

private:
    data::DeviceAugmenter m_augmenter;
    int m_batchSize;
    bool m_shuffle, m_weighted;
    std::uint64_t m_seed;
    int m_worldSize = 1, m_rank = 0;
    std::vector<int> m_labels;
    std::vector<std::int64_t> m_order;
    std::size_t m_position = 0;
};

}  // namespace cxr::training
