#include "core/training/sharded_loader_batch_source.h"

#include <algorithm>

#include "core/common/error.h"
#include "core/data/class_balance.h"
#include "core/training/distributed/distributed_shard.h"

namespace cxr::training {

ShardedLoaderBatchSource::ShardedLoaderBatchSource(const data::FilmCache& cache, std::vector<std::size_t> indices,
                                                   data::BatchLoaderOptions options, int worldSize, int rank)
    : m_cache(cache), m_indices(std::move(indices)), m_options(std::move(options)), m_worldSize(worldSize), m_rank(rank) {
    if (m_options.shuffle)
        throw Error(ErrorCode::InvalidInput, "a sharded training source draws its own order: shuffle must be off");
    // The loader serves the shard in the order given; the class-balanced draw is made here.
    m_weighted = m_options.weightedSampler;
    m_options.weightedSampler = false;
    if (m_indices.empty())
        throw Error(ErrorCode::InvalidInput, "the training split has no film to shard");
    // Checks the rank and world size now rather than at the first epoch.
    (void)dist::padAndStride({0}, m_worldSize, m_rank);
    if (m_weighted)
        m_labels = m_cache.labels(m_indices);
}

std::vector<std::size_t> ShardedLoaderBatchSource::epochShard(int epoch) const {
    std::vector<std::size_t> positions;
    if (m_weighted) {
        const int classes = *std::max_element(m_labels.begin(), m_labels.end()) + 1;
        positions = dist::padAndStride(
            data::weightedSample(m_labels, classes, m_labels.size(), dist::epochDrawSeed(m_options.seed, epoch)),
            m_worldSize, m_rank);
    } else {
        positions = dist::shardIndices(m_indices.size(), m_worldSize, m_rank, m_options.seed, epoch);
    }
    std::vector<std::size_t> shard;
    shard.reserve(positions.size());
    for (const auto i : positions)
        shard.push_back(m_indices[i]);
    return shard;
}

void ShardedLoaderBatchSource::startEpoch(int epoch) {
    m_loader.reset();  // its workers stop before the next loader's start
    m_loader = std::make_unique<data::BatchLoader>(m_cache, epochShard(epoch), m_options);
    m_loader->startEpoch(epoch);
}

std::optional<data::Batch> ShardedLoaderBatchSource::next() {
    if (!m_loader)
        throw Error(ErrorCode::Internal, "sharded batch source: next() before startEpoch()");
    return m_loader->next();
}

std::size_t ShardedLoaderBatchSource::size() const {
    const auto w = static_cast<std::size_t>(m_worldSize);
    return (m_indices.size() + w - 1) / w;
}

std::size_t ShardedLoaderBatchSource::batchesPerEpoch() const {
    const auto b = static_cast<std::size_t>(m_options.batchSize);
    return (size() + b - 1) / b;
}

}  // namespace cxr::training
