#include "core/training/device_batch_source.h"

#include <algorithm>
#include <numeric>
#include <random>

#include <torch/types.h>

#include "core/common/error.h"
#include "core/data/class_balance.h"
#include "core/training/distributed/distributed_shard.h"

namespace cxr::training {

DeviceBatchSource::DeviceBatchSource(data::DeviceAugmenter augmenter, int batchSize, bool shuffle,
                                     std::uint64_t seed, bool weightedSampler, int worldSize, int rank)
    : m_augmenter(std::move(augmenter)), m_batchSize(batchSize), m_shuffle(shuffle), m_weighted(weightedSampler),
      m_seed(seed), m_worldSize(worldSize), m_rank(rank) {
    if (batchSize < 1 || m_augmenter.size() == 0)
        throw Error(ErrorCode::InvalidInput, "DeviceBatchSource: empty set or batch size < 1");
    const auto labels = m_augmenter.labels().to(torch::kCPU, torch::kLong).contiguous();
    const auto* p = labels.data_ptr<int64_t>();
    m_labels.assign(p, p + labels.numel());
    (void)dist::padAndStride({0}, m_worldSize, m_rank);  // a rank inside its world
    if (m_worldSize > 1 && !m_shuffle)
        throw Error(ErrorCode::InvalidInput, "DeviceBatchSource: a rank's shard is drawn shuffled; evaluation "
                                             "shards are made with dist::evaluationShard instead");
    m_order.resize(m_augmenter.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    if (m_worldSize > 1) {  // ceil(n / W) a rank, like padAndStride; drawn at startEpoch
        const auto w = static_cast<std::size_t>(m_worldSize);
        m_order.resize((m_order.size() + w - 1) / w);
    }
}

void DeviceBatchSource::startEpoch(int epoch) {
    m_position = 0;
    const std::uint64_t epochSeed = m_seed * 1000003ULL + static_cast<std::uint64_t>(epoch);
    // Augmentation draws come from the device generator: seed it per epoch for repeatability,
    // and per rank, so ranks do not crop and rotate their films in lockstep.
    torch::manual_seed(epochSeed + static_cast<std::uint64_t>(m_rank) * 0x9e3779b97f4a7c15ULL);
    if (m_worldSize > 1) {
        // The same draw on every rank (its own seed rule, like the CPU shard), this rank's stride.
        std::vector<std::size_t> draw;
        if (m_weighted) {
            const int classes = *std::max_element(m_labels.begin(), m_labels.end()) + 1;
            draw = data::weightedSample(m_labels, classes, m_labels.size(), dist::epochDrawSeed(m_seed, epoch));
        } else {
            draw = dist::epochPermutation(m_labels.size(), m_seed, epoch);
        }
        const auto shard = dist::padAndStride(draw, m_worldSize, m_rank);
        m_order.assign(shard.begin(), shard.end());
    } else if (m_weighted) {
        const int classes = m_labels.empty() ? 0 : *std::max_element(m_labels.begin(), m_labels.end()) + 1;
        const auto drawn = data::weightedSample(m_labels, classes, m_labels.size(), epochSeed);
        m_order.assign(drawn.begin(), drawn.end());
    } else if (m_shuffle) {
        std::iota(m_order.begin(), m_order.end(), 0);
        std::mt19937_64 rng(epochSeed);
        std::shuffle(m_order.begin(), m_order.end(), rng);
    }
}

std::optional<data::Batch> DeviceBatchSource::next() {
    if (m_position >= m_order.size())
        return std::nullopt;
    const auto end = std::min(m_order.size(), m_position + static_cast<std::size_t>(m_batchSize));
    std::vector<std::int64_t> slice(m_order.begin() + static_cast<std::ptrdiff_t>(m_position),
                                    m_order.begin() + static_cast<std::ptrdiff_t>(end));
    const auto positions = torch::tensor(slice, torch::kLong).to(m_augmenter.device(), /*non_blocking=*/true);
    data::Batch b;
    b.images = m_augmenter.images(positions);
    b.labels = m_augmenter.labels(positions);
    b.indices.assign(slice.begin(), slice.end());
    m_position = end;
    return b;
}

std::size_t DeviceBatchSource::batchesPerEpoch() const {
    return (m_order.size() + static_cast<std::size_t>(m_batchSize) - 1) / static_cast<std::size_t>(m_batchSize);
}

std::size_t DeviceBatchSource::size() const { return m_order.size(); }

}  // namespace cxr::training
