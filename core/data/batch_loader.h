#pragma once
// BatchLoader: turns film-cache positions into normalised [B,3,S,S] batches, with optional
// augmentation, made ahead of time by worker threads. The order of films and every random draw
// depend only on (seed, epoch), never on thread timing, so a run can be repeated exactly.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <ATen/core/Tensor.h>

#include "core/data/augmentation.h"
#include "core/data/film_cache.h"
#include "core/model/preprocess.h"

namespace cxr::data {

struct Batch {
    at::Tensor images;  // [B,channels,S,S] float, normalised with the preprocess spec
    at::Tensor labels;  // [B] int64
    std::vector<std::size_t> indices;  // cache positions of the films, in batch order
};

struct BatchLoaderOptions {
    int batchSize = 32;
    int imageSize = 224;      // S; the cache side is cropped (augment) or resized (eval) to it
    bool augment = false;
    bool shuffle = false;
    std::uint64_t seed = 42;
    int workers = 2;          // 0 = make batches on the calling thread inside next()
    int prefetch = 4;         // batches made ahead at most
    model::PreprocessSpec preprocess;
    bool weightedSampler = false;  // draw films with replacement, classes equally likely
    AugmentationOptions augmentation;
};

class BatchLoader {
public:
    // `cache` must outlive the loader. Throws InvalidInput for an empty index list, an index
    // outside the cache, or nonsensical options.
    BatchLoader(const FilmCache& cache, std::vector<std::size_t> indices, BatchLoaderOptions options);
    ~BatchLoader();
    BatchLoader(const BatchLoader&) = delete;
    BatchLoader& operator=(const BatchLoader&) = delete;

    // Starts (or restarts) an epoch: fixes its order and sets the workers going.
    void startEpoch(int epoch);
    // The next batch of the epoch, or nullopt at its end. Rethrows a worker's error.
    std::optional<Batch> next();
    std::size_t batchesPerEpoch() const;  // last batch may be short (no drop_last)
    std::size_t size() const;             // films per epoch
    // The films of an epoch in order (for tests and for resuming).
    std::vector<std::size_t> epochOrder(int epoch) const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// One batch made directly (no threads): used by the loader's workers and by callers that want
// a specific set of films. `epoch` and `firstPosition` seed the augmentation draws.
Batch makeBatch(const FilmCache& cache, const std::vector<std::size_t>& indices,
                const BatchLoaderOptions& options, int epoch, std::size_t firstPosition);

}  // namespace cxr::data
