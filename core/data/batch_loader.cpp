#include "core/data/batch_loader.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "core/common/error.h"
#include "core/data/class_balance.h"
#include "core/model/device.h"

namespace cxr::data {

Batch makeBatch(const FilmCache& cache, const std::vector<std::size_t>& indices, const BatchLoaderOptions& options,
                int epoch, std::size_t firstPosition) {
    Batch batch;
    batch.indices = indices;
    std::vector<const std::uint8_t*> images;
    images.reserve(indices.size());
    at::Tensor labels = at::empty({static_cast<int64_t>(indices.size())}, at::TensorOptions().dtype(at::kLong));
    auto* lab = labels.data_ptr<int64_t>();
    for (std::size_t i = 0; i < indices.size(); ++i) {
        images.push_back(cache.image(indices[i]));
        lab[i] = cache.label(indices[i]);
    }
    const at::Tensor grey = greyBytesToTensor(images, cache.side());
    at::Tensor sized;
    if (options.augment) {
        // Each draw is seeded by (seed, epoch, position in the epoch), not by the thread.
        std::vector<AugmentParams> params;
        for (std::size_t i = 0; i < indices.size(); ++i)
            params.push_back(sampleAugmentParams(
                options.augmentation, sampleSeed(options.seed, static_cast<std::uint64_t>(epoch), firstPosition + i)));
        sized = augmentBatch(grey, params, options.imageSize);
    } else {
        sized = resizeBatch(grey, options.imageSize);
    }
    batch.images = normaliseBatch(sized, options.preprocess).contiguous();
    batch.labels = labels;
    return batch;
}

struct BatchLoader::State {
    const FilmCache& cache;
    std::vector<std::size_t> indices;
    BatchLoaderOptions options;

    int epoch = -1;
    std::vector<std::size_t> order;
    std::size_t batches = 0;
    std::size_t nextToTake = 0;  // next batch next() returns

    std::mutex mutex;
    std::condition_variable changed;
    std::size_t nextToMake = 0;  // next batch a worker claims
    std::map<std::size_t, Batch> ready;
    std::exception_ptr error;
    bool stop = false;
    std::vector<std::thread> workers;

    State(const FilmCache& c, std::vector<std::size_t> i, BatchLoaderOptions o)
        : cache(c), indices(std::move(i)), options(std::move(o)) {}

    Batch make(std::size_t b) const {
        const std::size_t first = b * static_cast<std::size_t>(options.batchSize);
        const std::size_t last = std::min(order.size(), first + static_cast<std::size_t>(options.batchSize));
        const std::vector<std::size_t> films(order.begin() + static_cast<std::ptrdiff_t>(first),
                                             order.begin() + static_cast<std::ptrdiff_t>(last));
        return makeBatch(cache, films, options, epoch, first);
    }

    void work() {
        model::initTorchThreads();  // OpenMP thread counts are per thread in LibTorch 1.13
        for (;;) {
            std::size_t b;
            {
                std::unique_lock<std::mutex> lock(mutex);
                // Stay at most `prefetch` batches ahead of the consumer.
                changed.wait(lock, [&] {
                    return stop || nextToMake >= batches ||
                           nextToMake < nextToTake + static_cast<std::size_t>(options.prefetch);
                });
                if (stop || nextToMake >= batches)
                    return;
                b = nextToMake++;
            }
            try {
                Batch batch = make(b);
                std::lock_guard<std::mutex> lock(mutex);
                ready.emplace(b, std::move(batch));
            } catch (...) {
                std::lock_guard<std::mutex> lock(mutex);
                if (!error)
                    error = std::current_exception();
                stop = true;
            }
            changed.notify_all();
        }
    }

    void stopWorkers() {
        {
            std::lock_guard<std::mutex> lock(mutex);
            stop = true;
        }
        changed.notify_all();
        for (auto& t : workers)
            t.join();
        workers.clear();
    }
};

BatchLoader::BatchLoader(const FilmCache& cache, std::vector<std::size_t> indices, BatchLoaderOptions options) {
    if (indices.empty())
        throw Error(ErrorCode::InvalidInput, "batch loader: no films to load");
    for (auto i : indices)
        if (i >= cache.size())
            throw Error(ErrorCode::InvalidInput, cache.file(), "batch loader: film " + std::to_string(i) +
                                                                   " is outside the cache of " +
                                                                   std::to_string(cache.size()));
    if (options.batchSize < 1 || options.imageSize < 8 || options.workers < 0 || options.prefetch < 1)
        throw Error(ErrorCode::InvalidInput, "batch loader: batch size >= 1, image size >= 8, workers >= 0 and "
                                             "prefetch >= 1 are required");
    if (options.augment && (options.augmentation.minScale <= 0 || options.augmentation.maxScale > 1 ||
                            options.augmentation.minScale > options.augmentation.maxScale))
        throw Error(ErrorCode::InvalidInput, "batch loader: crop scale must satisfy 0 < min <= max <= 1");
    m_state = std::make_unique<State>(cache, std::move(indices), std::move(options));
}

BatchLoader::~BatchLoader() {
    if (m_state)
        m_state->stopWorkers();
}

std::size_t BatchLoader::size() const { return m_state->indices.size(); }

std::size_t BatchLoader::batchesPerEpoch() const {
    const auto b = static_cast<std::size_t>(m_state->options.batchSize);
    return (m_state->indices.size() + b - 1) / b;
}

std::vector<std::size_t> BatchLoader::epochOrder(int epoch) const {
    const State& s = *m_state;
    const std::uint64_t epochSeed = sampleSeed(s.options.seed, static_cast<std::uint64_t>(epoch), ~0ULL);
    if (s.options.weightedSampler) {
        const auto labels = s.cache.labels(s.indices);
        int numClasses = 0;
        for (int l : labels)
            numClasses = std::max(numClasses, l + 1);
        std::vector<std::size_t> order;
        for (auto pos : weightedSample(labels, numClasses, s.indices.size(), epochSeed))
            order.push_back(s.indices[pos]);
        return order;
    }
    std::vector<std::size_t> order = s.indices;
    if (s.options.shuffle) {
        // Fisher-Yates with mt19937_64: the same order on every standard library.
        std::mt19937_64 rng(epochSeed);
        for (std::size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[static_cast<std::size_t>(rng() % i)]);
    }
    return order;
}

void BatchLoader::startEpoch(int epoch) {
    State& s = *m_state;
    s.stopWorkers();
    s.order = epochOrder(epoch);
    s.epoch = epoch;
    s.batches = batchesPerEpoch();
    s.nextToTake = 0;
    s.nextToMake = 0;
    s.ready.clear();
    s.error = nullptr;
    s.stop = false;
    for (int w = 0; w < s.options.workers; ++w)
        s.workers.emplace_back([&s] { s.work(); });
}

std::optional<Batch> BatchLoader::next() {
    State& s = *m_state;
    if (s.epoch < 0)
        throw Error(ErrorCode::Internal, "batch loader: next() before startEpoch()");
    if (s.nextToTake >= s.batches)
        return std::nullopt;
    if (s.options.workers == 0)
        return s.make(s.nextToTake++);
    std::unique_lock<std::mutex> lock(s.mutex);
    s.changed.wait(lock, [&] { return s.error || s.ready.count(s.nextToTake) > 0; });
    if (s.error) {
        auto error = s.error;
        lock.unlock();
        s.stopWorkers();
        std::rethrow_exception(error);
    }
    auto it = s.ready.find(s.nextToTake);
    Batch batch = std::move(it->second);
    s.ready.erase(it);
    ++s.nextToTake;
    lock.unlock();
    s.changed.notify_all();
    return batch;
}

}  // namespace cxr::data
