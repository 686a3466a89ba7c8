#pragma once
// ShardedLoaderBatchSource: one rank's share of the training films in a data-parallel run.
// Every epoch it takes the rank's shard (distributed_shard.h: the same seeded permutation on
// every rank, padded to a multiple of the world size, every W-th film from the rank) and serves
// it through a data::BatchLoader in that order, so all ranks run the same number of batches of
// the configured (per-rank) batch size. With the weighted sampler every rank draws the same
// class-balanced sample of the epoch and keeps its stride of it. It owns the loader of the
// current epoch.
#include <cstddef>
#include <memory>
#include <vector>

#include "core/data/batch_loader.h"
#include "core/training/batch_source.h"

namespace cxr::training {

class ShardedLoaderBatchSource : public BatchSource {
public:
    // `cache` must outlive the source. `options.seed` seeds the epoch permutations; shuffle is
    // the shard's business and must be off (throws InvalidInput); `options.weightedSampler`
    // draws the epoch's films class-balanced (the same draw on every rank) instead.
    ShardedLoaderBatchSource(const data::FilmCache& cache, std::vector<std::size_t> indices,
                             data::BatchLoaderOptions options, int worldSize, int rank);
    void startEpoch(int epoch) override;
    std::optional<data::Batch> next() override;
    std::size_t batchesPerEpoch() const override;
    std::size_t size() const override;  // the shard's films: ceil(films / world size)

    // The cache positions this rank trains on in `epoch`, in order (tests).
    std::vector<std::size_t> epochShard(int epoch) const;

private:
    const data::FilmCache& m_cache;
    std::vector<std::size_t> m_indices;
    data::BatchLoaderOptions m_options;
    int m_worldSize, m_rank;
    bool m_weighted = false;
    std::vector<int> m_labels;  // of m_indices, for the weighted draw
    std::unique_ptr<data::BatchLoader> m_loader;
};

}  // namespace cxr::training
