#include "core/workflows/film_set_loader.h"

#include "core/common/error.h"
#include "core/data/batch_loader.h"
#include "core/data/film_cache_builder.h"
#include "core/model/device.h"
#include "core/training/device_batch_source.h"
#include "core/training/loader_batch_source.h"
#include "core/training/distributed/distributed_shard.h"
#include "core/training/sharded_loader_batch_source.h"
#include "core/workflows/run_caches.h"

namespace cxr::workflows {
FilmSetLoader::FilmSetLoader(const data::SplitPlan& split, const training::TrainingConfig& config,
                             const std::filesystem::path& cacheDir, int cacheThreads,
                             training::TrainingObserver* observer, const CancelToken* cancel, int worldSize,
                             int rank, bool openOnly) {
    m_preprocess.imageSize = config.imageSize;
    const model::PreprocessSpec& preprocess = m_preprocess;
    training::ObserverProgressSink sink(observer);
    if (!openOnly)
        for (const auto& info : buildRunCaches(split, config, cacheDir, cacheThreads, &sink, cancel))
            m_skipped.insert(m_skipped.end(), info.skipped.begin(), info.skipped.end());
    const RunCacheFiles files = runCacheFiles(config, cacheDir);
    m_trainCache = std::make_unique<data::FilmCache>(data::FilmCache::open(files.train));
    if (!files.eval.empty())
        m_evalCache = std::make_unique<data::FilmCache>(data::FilmCache::open(files.eval));
    m_trainIdx = positions(trainCache(), split.train, "train");
    m_valIdx = positions(evalCache(), split.val, "validation");
    m_testIdx = positions(evalCache(), split.test, "test");

    const std::string device = model::resolveDevice(config.device);
    // Each rank scores its own share of the validation films during training (valShard()).
    std::vector<std::size_t> valShardIdx;
    if (worldSize > 1) {
        if (m_valIdx.size() < static_cast<std::size_t>(worldSize))
            throw Error(ErrorCode::InvalidInput,
                        "the validation split has " + std::to_string(m_valIdx.size()) + " readable films, fewer than the " +
                            std::to_string(worldSize) + " ranks: each rank scores its own share of them; use fewer "
                            "ranks or a larger validation split");
        for (const auto i : training::dist::evaluationShard(m_valIdx.size(), worldSize, rank))
            valShardIdx.push_back(m_valIdx[i]);
    }
    if (device.rfind("cuda", 0) == 0) {
        // The whole set fits on the GPU; augmenting there keeps the GPU fed without CPU threads.
        data::DeviceAugmentOptions train;
        train.imageSize = config.imageSize;
        train.augment = config.augment;
        train.augmentation = data::augmentationPreset(config.augmentation);
        train.preprocess = preprocess;
        train.channelsLast = config.channelsLast;
        data::DeviceAugmentOptions eval = train;
        eval.augment = false;
        const c10::Device dev(device);
        m_train = std::make_unique<training::DeviceBatchSource>(
            data::DeviceAugmenter::fromCache(trainCache(), m_trainIdx, dev, train), config.batchSize, true, config.seed,
            config.classWeighting == "sampler", worldSize, rank);
        if (worldSize > 1)
            m_valShard = std::make_unique<training::DeviceBatchSource>(
                data::DeviceAugmenter::fromCache(evalCache(), valShardIdx, dev, eval), config.batchSize, false,
                config.seed, false);
        m_val = std::make_unique<training::DeviceBatchSource>(data::DeviceAugmenter::fromCache(evalCache(), m_valIdx, dev, eval),
                                                              config.batchSize, false, config.seed, false);
        m_test = std::make_unique<training::DeviceBatchSource>(
            data::DeviceAugmenter::fromCache(evalCache(), m_testIdx, dev, eval), config.batchSize, false, config.seed, false);
        return;
    }
    data::BatchLoaderOptions train;
    train.batchSize = config.batchSize;
    train.imageSize = config.imageSize;
    train.augment = config.augment;
    train.augmentation = data::augmentationPreset(config.augmentation);
    train.shuffle = true;
    train.seed = config.seed;
    train.workers = config.workers;
    train.preprocess = preprocess;
    train.weightedSampler = config.classWeighting == "sampler";
    data::BatchLoaderOptions eval = train;
    eval.augment = false;
    eval.shuffle = false;
    eval.weightedSampler = false;
    if (worldSize > 1) {
        train.shuffle = false;  // the shard's own seeded order, the same permutation on every rank
        m_train = std::make_unique<training::ShardedLoaderBatchSource>(trainCache(), m_trainIdx, train, worldSize, rank);
        m_valShard = std::make_unique<training::LoaderBatchSource>(
            std::make_unique<data::BatchLoader>(evalCache(), valShardIdx, eval));
    } else {
        m_train = std::make_unique<training::LoaderBatchSource>(
            std::make_unique<data::BatchLoader>(trainCache(), m_trainIdx, train));
    }
    m_val = std::make_unique<training::LoaderBatchSource>(std::make_unique<data::BatchLoader>(evalCache(), m_valIdx, eval));
    m_test = std::make_unique<training::LoaderBatchSource>(std::make_unique<data::BatchLoader>(evalCache(), m_testIdx, eval));
}

FilmSetLoader::~FilmSetLoader() = default;

std::vector<std::size_t> FilmSetLoader::positions(const data::FilmCache& cache,
                                                  const std::vector<data::FilmEntry>& films, const std::string& split) {
    std::vector<std::size_t> out;
    out.reserve(films.size());
    for (const auto& f : films)
        if (const auto i = cache.find(f.path.string()))
            out.push_back(*i);
    if (out.empty())
        throw Error(ErrorCode::InvalidInput, "the " + split + " split has no readable film");
    return out;
}

std::vector<int> FilmSetLoader::trainLabels() const { return trainCache().labels(m_trainIdx); }

evaluation::Predictions FilmSetLoader::predict(model::ResNet18& net, training::BatchSource& source,
                                               const training::StepSettings& settings, const std::string& what,
                                               training::TrainingObserver* observer, const CancelToken* cancel) const {
    const auto output = training::runInference(
        net, source, settings,
        [&](std::size_t done, std::size_t total) {
            if (observer)
                observer->onStage(Progress{Notice("stage.predicting").text("films", what), done, total, -1});
        },
        cancel);
    auto predictions = training::toPredictions(output);
    for (const auto i : output.indices)
        predictions.paths.push_back(evalCache().sourcePath(i));
    return predictions;
}

}  // namespace cxr::workflows
